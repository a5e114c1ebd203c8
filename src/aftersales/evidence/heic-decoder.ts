/**
 * HEIC/HEIF photos (iPhones) decoded off the request thread. libheif runs as WebAssembly, which is plain
 * JavaScript-thread work: on the request thread a 12-megapixel photo held every other request for as long
 * as it took. Here it runs in worker threads (heic-worker.ts), at most `size` of them
 * (EVIDENCE_IMAGE_CONCURRENCY, 1 by default), started on first use and kept; photos beyond that wait their
 * turn in arrival order. sharp's re-encoding already runs in libuv's pool.
 */
import { Worker } from 'node:worker_threads';

/** What the decoding thread is sent and answers (heic-worker.ts). */
export interface HeicRequest {
  id: number;
  data: Uint8Array;
  maxPixels: number;
}

export type HeicAnswer =
  | { id: number; width: number; height: number; data: Uint8Array }
  | { id: number; error: 'unreadable' }
  | { id: number; error: 'too_large'; width: number; height: number };

export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Buffer;
}

/** Why a photo was not decoded: not a readable HEIC, or more than `maxPixels` (its size given). */
export class HeicRefused extends Error {
  constructor(
    readonly reason: 'unreadable' | 'too_large',
    readonly width = 0,
    readonly height = 0,
  ) {
    super(`HEIC photo refused: ${reason}`);
  }
}

export interface HeicDecoder {
  /** The first image of `data` as RGBA; rejects with HeicRefused (also when the worker dies on it). */
  decode(data: Buffer, maxPixels: number): Promise<DecodedHeic>;
  /** Stops the workers (tests, shutdown); a later decode starts them again. */
  close(): Promise<void>;
}

/**
 * The worker's script: dist/heic-worker.mjs beside dist/main.mjs in the production build
 * (scripts/build-server.mjs builds both), or heic-worker.ts next to this module under tsx (tests, dev), where
 * the worker registers tsx itself first: a worker thread does not inherit its parent's module hooks.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./heic-worker.mjs', import.meta.url));
  const script = new URL('./heic-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(script)}); });`,
    { eval: true },
  );
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (d: DecodedHeic) => void; reject: (e: Error) => void }>;
  busy: boolean;
}

export function heicDecoder(size: number): HeicDecoder {
  const slots: Slot[] = [];
  const waiting: Array<(slot: Slot) => void> = [];
  let nextId = 0;

  function start(): Slot {
    const slot: Slot = { worker: startWorker(), pending: new Map(), busy: false };
    slot.worker.on('message', (answer: HeicAnswer) => {
      const job = slot.pending.get(answer.id);
      slot.pending.delete(answer.id);
      if (!job) return;
      if ('error' in answer) {
        job.reject(
          answer.error === 'too_large'
            ? new HeicRefused('too_large', answer.width, answer.height)
            : new HeicRefused('unreadable'),
        );
      } else {
        job.resolve({
          width: answer.width,
          height: answer.height,
          data: Buffer.from(answer.data.buffer, answer.data.byteOffset, answer.data.byteLength),
        });
      }
    });
    // A photo that kills the worker (libheif out of memory, a crash) is unreadable; the next one gets a new
    // worker.
    const fail = () => {
      for (const job of slot.pending.values()) job.reject(new HeicRefused('unreadable'));
      slot.pending.clear();
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', fail);
    // An idle worker does not keep the process alive (after the listeners: adding one refs the worker);
    // a decoding one does (see decode).
    slot.worker.unref();
    slots.push(slot);
    return slot;
  }

  /** A worker of its own for the caller (marked busy here, in the same tick it is chosen). */
  async function acquire(): Promise<Slot> {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < size ? start() : null);
    if (!slot) return new Promise((resolve) => waiting.push(resolve));
    slot.busy = true;
    return slot;
  }

  function release(slot: Slot): void {
    const next = waiting.shift();
    if (!next) {
      slot.busy = false;
      return;
    }
    // The slot's worker may have died meanwhile: the waiter gets a live one.
    const handed = slots.includes(slot) ? slot : start();
    handed.busy = true;
    next(handed);
  }

  return {
    async decode(data, maxPixels) {
      const slot = await acquire();
      try {
        const id = nextId++;
        const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
        slot.worker.ref();
        return await new Promise<DecodedHeic>((resolve, reject) => {
          slot.pending.set(id, { resolve, reject });
          const request: HeicRequest = { id, data: bytes, maxPixels };
          slot.worker.postMessage(request, [bytes.buffer]);
        });
      } finally {
        slot.worker.unref();
        release(slot);
      }
    },
    async close() {
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
