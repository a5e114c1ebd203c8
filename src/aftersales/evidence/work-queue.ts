/**
 * A tiny bounded queue: at most `concurrency` tasks run at once, the rest wait in arrival order. Photo
 * re-encoding goes through one so a burst of uploads cannot take every thread of libuv's pool (sharp works
 * there) and every megabyte of memory while the shop's other requests wait.
 */
export interface WorkQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting, for tests and the benchmark. */
  readonly size: number;
}

export function workQueue(concurrency: number): WorkQueue {
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return {
    get size() {
      return running + waiting.length;
    },
    async run(task) {
      if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        return await task();
      } finally {
        next();
      }
    },
  };
}
