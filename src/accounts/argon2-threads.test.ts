import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Argon2Thread } from './argon2-threads.ts';

/** The nice values of this process's threads (Linux: the 19th field of /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('argon2 threads (issue 12 point 8)', () => {
  const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

  it('hashes and verifies argon2id off the main thread', async () => {
    const thread = new Argon2Thread();
    const hash = await thread.hash('correct horse', options);
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await thread.verify(hash, 'correct horse'), true);
    assert.equal(await thread.verify(hash, 'wrong horse'), false);
    await assert.rejects(thread.verify('not a hash', 'x'));
  });

  it('runs at the lowest CPU priority, leaving the main thread as it was', {
    skip: !existsSync('/proc/self/task'),
  }, async () => {
    const before = threadNiceValues();
    const thread = new Argon2Thread();
    await thread.hash('x', options);
    const after = threadNiceValues();
    assert.ok(after.includes(19), `a thread at nice 19 among ${after.join(', ')}`);
    assert.equal(after[0], before[0], 'the main thread keeps its priority');
    thread.close();
  });

  it('runs at the priority PASSWORD_HASH_NICE gives, and a closed thread answers what it had in hand', {
    skip: !existsSync('/proc/self/task'),
  }, async () => {
    const atFive = () => threadNiceValues().filter((n) => n === 5).length;
    const before = atFive();
    const thread = new Argon2Thread(5);
    await thread.hash('y', options);
    assert.equal(atFive(), before + 1, 'one more thread at nice 5');
    const hashing = thread.hash('z', options);
    thread.close();
    assert.match(await hashing, /^\$argon2id\$/);
  });
});
