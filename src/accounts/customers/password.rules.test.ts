import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CUSTOMER_PASSWORD_MAX,
  customerPasswordProblem,
  normalisePassword,
  passwordStrength,
} from './password.rules.ts';

const settings = { minLength: 8 };

describe('customer passwords (PV-ACC-1)', () => {
  it('PV-ACC-1: a strong password with a character that is not a letter or digit is accepted', () => {
    assert.equal(customerPasswordProblem('plum quartz lantern', [], settings), null);
    assert.equal(customerPasswordProblem('Ünïcödé-ßtrasse-42', [], settings), null);
  });

  it('PV-ACC-1: the default minimum is 8 characters, counted as code points', () => {
    assert.match(customerPasswordProblem('x!7kQz', [], settings) ?? '', /at least 8 characters/);
    // Seven emoji are 14 UTF-16 units but 7 characters.
    assert.match(customerPasswordProblem('🦊🐙🦉🐝🦋🐢🦀', [], settings) ?? '', /at least 8 characters/);
  });

  it('PV-ACC-1: the setting may lower the minimum to the floor of 6, never below', () => {
    // Six characters pass the length rule (what is left to judge is how guessable they are)…
    assert.doesNotMatch(customerPasswordProblem('Zq#8vW', [], { minLength: 6 }) ?? '', /at least/);
    assert.match(customerPasswordProblem('Zq#8vW', [], { minLength: 8 }) ?? '', /at least 8 characters/);
    // …and a setting below the floor still asks for 6.
    assert.match(customerPasswordProblem('Zq#8v', [], { minLength: 3 }) ?? '', /at least 6 characters/);
  });

  it('PV-ACC-1: one character that is not a letter or a digit is required (the seed rule)', () => {
    assert.match(
      customerPasswordProblem('plumquartzlantern42', [], settings) ?? '',
      /not a letter or a digit/,
    );
    // Letters and digits of any script count as letters and digits.
    assert.match(
      customerPasswordProblem('ЖелезнаяДорога1234', [], settings) ?? '',
      /not a letter or a digit/,
    );
  });

  it('PV-ACC-1: common, breached and personal passwords are refused with the reason', () => {
    assert.match(customerPasswordProblem('password1!', [], settings) ?? '', /too easy to guess \(/);
    assert.match(customerPasswordProblem('qwerty123!', [], settings) ?? '', /too easy to guess/);
    assert.match(
      customerPasswordProblem('ada.lovelace!', ['ada.lovelace@example.com', 'Ada Lovelace'], settings) ?? '',
      /too easy to guess/,
    );
  });

  it('PV-ACC-1: no maximum below 64; over 256 characters is refused', () => {
    const long = 'correct horse battery staple! '.repeat(3).slice(0, 80);
    assert.equal(customerPasswordProblem(long, [], settings), null);
    assert.match(
      customerPasswordProblem(`${'k'.repeat(CUSTOMER_PASSWORD_MAX)}!`, [], settings) ?? '',
      /at most 256 characters/,
    );
  });

  it('PV-ACC-1: passwords are NFKC-normalised: full-width and composed forms are the same password', () => {
    assert.equal(normalisePassword('ｐａｓｓ！'), 'pass!');
    assert.equal(normalisePassword('e\u0301'), '\u00e9');
  });

  it('the strength meter gives a score, a warning and suggestions', () => {
    const weak = passwordStrength('password');
    assert.ok(weak.score <= 1);
    assert.ok(weak.warning);
    const strong = passwordStrength('plum quartz lantern');
    assert.ok(strong.score >= 3);
    assert.ok(Array.isArray(strong.suggestions));
  });
});
