/**
 * argon2id on threads of their own at the lowest CPU priority (nice 19), so that a flood of password checks
 * uses the CPU the rest of the shop leaves over instead of competing with it (issue 12 point 8): the other
 * customers' pages keep their latency while sign-ins slow down. Linux keeps a nice value per thread, so
 * lowering it from inside a worker thread touches nothing else; where that fails the hashes still run, at
 * normal priority. The worker is CommonJS source evaluated by Node (no file of its own to bundle) that loads
 * the same `@node-rs/argon2` as the process.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

type Request =
  | { op: 'hash'; password: string; options: object }
  | { op: 'verify'; hash: string; password: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { setPriority } = require('node:os');
const argon2 = require(workerData.argon2);
try { setPriority(workerData.nice); } catch {}
parentPort.on('message', ({ id, request }) => {
  try {
    const value = request.op === 'hash'
      ? argon2.hashSync(request.password, request.options)
      : argon2.verifySync(request.hash, request.password);
    parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/** One thread answering hash and verify requests in order, at nice `nice` (19, the lowest, by default). */
export class Argon2Thread {
  readonly #worker: Worker;
  readonly nice: number;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #next = 0;
  #closing = false;

  constructor(nice = 19) {
    this.nice = nice;
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { argon2: createRequire(import.meta.url).resolve('@node-rs/argon2'), nice },
    });
    // An idle thread keeps no process alive (tests, the CLI); one with work in hand does.
    this.#worker.unref();
    this.#worker.on('message', ({ id, value, error }: { id: number; value?: unknown; error?: string }) => {
      const waiting = this.#pending.get(id);
      this.#pending.delete(id);
      if (this.#pending.size === 0) {
        this.#worker.unref();
        if (this.#closing) void this.#worker.terminate();
      }
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(value);
    });
    this.#worker.on('error', (error) => {
      for (const waiting of this.#pending.values()) waiting.reject(error);
      this.#pending.clear();
    });
  }

  #ask<T>(request: Request): Promise<T> {
    const id = this.#next++;
    this.#worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, request });
    });
  }

  /** Ends the thread once the requests in hand are answered (a change of PASSWORD_HASH_NICE). */
  close(): void {
    if (this.#pending.size === 0) void this.#worker.terminate();
    else this.#closing = true;
  }

  /** An argon2 hash of `password` (PHC string) with `options` (memoryCost KiB, timeCost, parallelism). */
  hash(password: string, options: object): Promise<string> {
    return this.#ask<string>({ op: 'hash', password, options });
  }

  /** Whether `password` matches `hash`; a malformed hash is an error. */
  verify(hash: string, password: string): Promise<boolean> {
    return this.#ask<boolean>({ op: 'verify', hash, password });
  }
}
