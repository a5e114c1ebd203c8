import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../shared/errors.ts';
import { PasswordWork } from './password-work.ts';

/** A job that finishes when `finish()` is called, recording when it started. */
function job(started: string[], name: string) {
  let finish = () => {};
  const done = new Promise<string>((resolve) => {
    finish = () => resolve(name);
  });
  return {
    run: () => {
      started.push(name);
      return done;
    },
    finish: () => finish(),
  };
}

describe('password work slots (issue 12 point 8)', () => {
  it('runs at most `concurrency` hashes at once; the others wait their turn in order', async () => {
    const work = new PasswordWork({ concurrency: 1, queue: 5 });
    const started: string[] = [];
    const [a, b, c] = [job(started, 'a'), job(started, 'b'), job(started, 'c')];
    const results = [work.run(a.run), work.run(b.run), work.run(c.run)];
    await Promise.resolve();
    assert.deepEqual(started, ['a']);
    assert.deepEqual(work.load, { running: 1, waiting: 2 });
    a.finish();
    await results[0];
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(started, ['a', 'b']);
    b.finish();
    c.finish();
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c']);
    assert.deepEqual(work.load, { running: 0, waiting: 0 });
  });

  it('refuses at once with rate_limited when the queue is full, and runs nothing for it', async () => {
    const work = new PasswordWork({ concurrency: 1, queue: 1 });
    const started: string[] = [];
    const [a, b, c] = [job(started, 'a'), job(started, 'b'), job(started, 'c')];
    const first = work.run(a.run);
    const second = work.run(b.run);
    await assert.rejects(work.run(c.run), (e: AppError) => e.code === 'rate_limited');
    a.finish();
    b.finish();
    await Promise.all([first, second]);
    assert.deepEqual(started, ['a', 'b']);
  });

  it('a failing hash frees its slot', async () => {
    const work = new PasswordWork({ concurrency: 1, queue: 1 });
    await assert.rejects(
      work.run(() => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await work.run(() => Promise.resolve('next')), 'next');
    assert.deepEqual(work.load, { running: 0, waiting: 0 });
  });
});
