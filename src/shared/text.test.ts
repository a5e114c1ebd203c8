import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasHiddenControl, isInvisibleText, text, visibleLength } from './text.ts';

describe('text that says nothing', () => {
  const invisibleOnly = [
    '\u200B',
    '\u202E',
    '\u00AD',
    '\u200D \u200C',
    '\uFEFF',
    '\u3164',
    '\u2800\u2800',
    ' \u2060 ',
  ];

  it('a required field of only invisible characters is refused with a message, not taken as written', () => {
    const required = text({ multiline: true }).trim().min(1);
    for (const value of invisibleOnly) {
      const result = required.safeParse(value);
      assert.equal(result.success, false, JSON.stringify(value));
      assert.match(result.error?.issues[0]?.message ?? '', /can be seen/);
    }
    assert.equal(required.parse(' Screen is cracked\u200B '), 'Screen is cracked\u200B');
  });

  it('plain whitespace is still emptied by trim (an optional note may be left blank)', () => {
    assert.equal(isInvisibleText('   '), false);
    assert.equal(text().trim().max(10).parse('   '), '');
    assert.equal(isInvisibleText(''), false);
  });

  it('visible length counts what a reader sees: not spaces, not zero-width or bidirectional characters', () => {
    assert.equal(visibleLength(`ok${'\u200B'.repeat(13)}`), 2);
    assert.equal(visibleLength('\u202Ereason\u202C'), 6);
    assert.equal(visibleLength('a b'), 2);
    assert.equal(visibleLength('😀é'), 2);
  });
});

describe('audited text (PV-STF-1, PV-STF-2)', () => {
  const audited = text({ audited: true }).trim().min(3);

  it('refuses zero-width, direction marks and bidirectional controls anywhere in the text', () => {
    for (const ch of [
      '\u200B',
      '\u200C',
      '\u200D',
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202E',
      '\u2066',
      '\u2069',
    ]) {
      const result = audited.safeParse(`Fix the${ch} import`);
      assert.equal(result.success, false, JSON.stringify(ch));
      assert.match(result.error?.issues[0]?.message ?? '', /invisible formatting/);
    }
    assert.equal(hasHiddenControl('Fix the import'), false);
  });

  it('refuses every invisible or unreadable kind, not only a list: default ignorables, Cf, Zl, Zp, Co, Cn', () => {
    const cases: Array<[string, string]> = [
      ['\u2060', 'word joiner'],
      ['\uFEFF', 'BOM / zero-width no-break space'],
      ['\u061C', 'Arabic letter mark'],
      ['\u180E', 'Mongolian vowel separator'],
      ['\u00AD', 'soft hyphen'],
      ['\u034F', 'combining grapheme joiner'],
      ['\u3164', 'Hangul filler'],
      ['\u115F', 'Hangul choseong filler'],
      ['\u17B4', 'Khmer vowel inherent aq'],
      ['\u2062', 'invisible times'],
      ['\uFFF9', 'interlinear annotation anchor'],
      ['\u{E0041}', 'tag latin capital letter A'],
      ['\u{E0001}', 'language tag'],
      ['\uFE0F', 'variation selector 16'],
      ['\u2028', 'line separator'],
      ['\u2029', 'paragraph separator'],
      ['\uE000', 'private use'],
      ['\u{F0000}', 'supplementary private use'],
      ['\u0378', 'unassigned'],
    ];
    const auditedNote = text({ audited: true, multiline: true }).trim().min(3);
    for (const [ch, name] of cases) {
      assert.equal(hasHiddenControl(`a${ch}b`), true, name);
      for (const schema of [audited, auditedNote]) {
        const result = schema.safeParse(`Fix the${ch} import`);
        assert.equal(result.success, false, name);
        assert.ok(
          result.error?.issues.some((issue) => /invisible formatting/.test(issue.message)),
          `${name}: ${JSON.stringify(result.error?.issues)}`,
        );
      }
    }
  });

  it('keeps the plain rules (controls refused, visible text and emoji accepted) and leaves other fields alone', () => {
    assert.equal(audited.safeParse('Fix the\u0085 import').success, false, 'a C1 control');
    assert.equal(audited.safeParse('Fix the\nimport').success, false, 'one line');
    assert.equal(audited.parse(' Réparer l’import 🙂 '), 'Réparer l’import 🙂');
    assert.equal(text().parse('👩\u200D🔧 fixed it'), '👩\u200D🔧 fixed it', 'customers’ texts keep joiners');
  });
});

describe('one line means one line', () => {
  it('a one-line field refuses U+2028 and U+2029 (they break the line where shown); a multi-line field keeps them', () => {
    for (const ch of ['\u2028', '\u2029']) {
      const result = text().safeParse(`Jane${ch}Doe`);
      assert.equal(result.success, false, JSON.stringify(ch));
      assert.match(result.error?.issues[0]?.message ?? '', /one line/);
      assert.equal(text({ multiline: true }).parse(`one${ch}two`), `one${ch}two`);
    }
  });
});
