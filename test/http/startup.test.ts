import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const main = join(import.meta.dirname, '..', '..', 'src', 'main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(
  env: Record<string, string>,
  untilOutput?: RegExp,
): { done: Promise<Run>; signal(s: NodeJS.Signals): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => {
    resolveReady = r;
  });
  child.stdout.on('data', (d) => {
    stdout += d;
    if (untilOutput?.test(stdout)) resolveReady();
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return {
    done,
    signal: (s) => {
      void ready.then(() => child.kill(s));
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

describe('start-up and shutdown', () => {
  it('a wrong setting stops the process with exit code 78 and a message naming it', async () => {
    const run = await start({ PORT: 'eighty' }).done;
    assert.equal(run.code, 78);
    assert.match(run.stderr, /Invalid configuration:\n {2}PORT:/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, 'no stack trace');
  });

  it('an unreachable database gives one clear line and exit code 69', async () => {
    const run = await start({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/none' }).done;
    assert.equal(run.code, 69);
    assert.match(
      run.stderr,
      /Cannot connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    assert.doesNotMatch(run.stderr, /secret/, 'the password is not printed');
  });

  it('serves, then shuts down cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aftercare-start-'));
    try {
      const port = await freePort();
      const proc = start(
        { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false' },
        /serving/,
      );
      proc.signal('SIGTERM');
      const run = await proc.done;
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`serving http://localhost:${port}`));
      assert.match(run.stdout, /Staff login: {2}owner@aftercare\.test \/ \S{12,}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
