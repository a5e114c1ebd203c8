import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkTotpCode,
  newTotpSecret,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodesFrom,
  stepAt,
  totpCodeAt,
  totpUri,
} from './totp.rules.ts';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890" in base32) and its 8-digit vectors, cut to 6.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const T = Date.parse('2026-03-02T09:00:15Z');

describe('staff second factor rules (issue 12 point 3)', () => {
  it('codes follow RFC 6238 (SHA-1, 6 digits, 30-second steps)', () => {
    assert.equal(totpCodeAt(RFC_SECRET, 59_000), '287082');
    assert.equal(totpCodeAt(RFC_SECRET, 1_111_111_109_000), '081804');
    assert.equal(stepAt(59_000), 1);
  });

  it('accepts the code of now and of one step either side, and returns the step it came from', () => {
    for (const delta of [-1, 0, 1]) {
      const check = checkTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, T + delta * 30_000), T, null);
      assert.deepEqual(check, { ok: true, step: stepAt(T) + delta }, String(delta));
    }
    assert.deepEqual(checkTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, T + 60_000), T, null), {
      ok: false,
      reason: 'wrong',
    });
  });

  it('refuses a code whose step is not after the last accepted one: each code works once', () => {
    const code = totpCodeAt(RFC_SECRET, T);
    assert.deepEqual(checkTotpCode(RFC_SECRET, code, T, stepAt(T)), { ok: false, reason: 'reused' });
    const older = totpCodeAt(RFC_SECRET, T - 30_000);
    assert.deepEqual(checkTotpCode(RFC_SECRET, older, T, stepAt(T)), { ok: false, reason: 'reused' });
    assert.equal(checkTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, T + 30_000), T, stepAt(T)).ok, true);
  });

  it('ignores spaces in a typed code and refuses anything that is not 6 digits', () => {
    const code = totpCodeAt(RFC_SECRET, T);
    assert.equal(checkTotpCode(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, T, null).ok, true);
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) {
      assert.equal(checkTotpCode(RFC_SECRET, bad, T, null).ok, false, bad);
    }
  });

  it('new secrets are 160 random bits in base32, and the QR address names issuer and account', () => {
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(secret, newTotpSecret());
    const uri = totpUri(secret, 'owner@aftercare.test', 'Aftercare back office');
    assert.match(uri, /^otpauth:\/\/totp\/Aftercare%20back%20office:owner%40aftercare\.test\?/);
    assert.match(uri, new RegExp(`secret=${secret}`));
  });

  it('recovery codes: ten distinct xxxxx-xxxxx codes, read back in any case with or without the dash', () => {
    const bytes = new Uint8Array(100).map((_, i) => (i * 37 + 11) % 256);
    const codes = recoveryCodesFrom(bytes);
    assert.equal(codes.length, RECOVERY_CODE_COUNT);
    assert.equal(new Set(codes).size, RECOVERY_CODE_COUNT);
    for (const code of codes) {
      assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
      assert.equal(normaliseRecoveryCode(code.toUpperCase().replace('-', ' ')), code);
    }
    for (const bad of ['', 'abcde-fghi', 'abcde-fghij1', 'abcde-fgh0j', '123456']) {
      assert.equal(normaliseRecoveryCode(bad), null, bad);
    }
  });
});
