import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uuidv7 } from './ids.ts';

test('uuidv7 is an RFC 9562 version 7 UUID: the millisecond timestamp first, then version 7, the variant and random bits', () => {
  const at = Date.parse('2026-12-01T04:30:00.123Z');
  const id = uuidv7(at);
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(Number.parseInt(id.replace('-', '').slice(0, 12), 16), at);
  assert.equal(uuidv7(0).slice(0, 13), '00000000-0000');
});

test('uuidv7 ids of the same millisecond differ; ids of later milliseconds sort after earlier ones', () => {
  const at = Date.parse('2026-12-01T04:30:00.123Z');
  const same = new Set(Array.from({ length: 1000 }, () => uuidv7(at)));
  assert.equal(same.size, 1000);
  const ids = [at + 1, at, at + 1000, at - 1].map((ms) => uuidv7(ms));
  assert.deepEqual([...ids].sort(), [ids[3], ids[1], ids[0], ids[2]]);
});
