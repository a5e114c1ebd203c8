/**
 * Slots for password hashing (argon2id: 19 MiB and tens of milliseconds of one core per hash, slow on purpose,
 * PV-SEC-1). Unbounded, a flood of sign-in attempts — one account guessed from many addresses, which per-IP
 * limits do not stop — would take every core and slow every other customer's pages (issue 12 point 8). So at
 * most `concurrency` hashes run at once in a process, up to `queue` more wait their turn in order, and an
 * attempt beyond that is refused at once with 429 `rate_limited`: sign-in throughput is bounded by argon2 on
 * purpose, and the rest of the shop keeps its cores.
 */
import { AppError } from '../shared/errors.ts';

export interface PasswordWorkLimits {
  /** Hashes at once in this process (PASSWORD_HASH_CONCURRENCY). */
  concurrency: number;
  /** Attempts that may wait for a slot (PASSWORD_HASH_QUEUE). */
  queue: number;
}

export class PasswordWork {
  #limits: PasswordWorkLimits;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limits: PasswordWorkLimits) {
    this.#limits = limits;
  }

  /** New limits for the work that starts from now on (the app's settings, applied when it is built). */
  configure(limits: PasswordWorkLimits): void {
    this.#limits = limits;
  }

  /**
   * Runs `work` in a slot. Throws AppError `rate_limited` (429) without running it when `queue` attempts
   * already wait.
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limits.concurrency) {
      if (this.#waiting.length >= this.#limits.queue) {
        throw new AppError(
          'rate_limited',
          'Too many sign-ins are being checked right now. Try again in a few seconds.',
        );
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` counts it still.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }

  /** How many hashes run and wait now (tests, health). */
  get load(): { running: number; waiting: number } {
    return { running: this.#running, waiting: this.#waiting.length };
  }
}
