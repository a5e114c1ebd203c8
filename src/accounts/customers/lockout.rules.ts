/**
 * PV-ACC-2, sign-in lockout, as pure functions: after CUSTOMER_LOCK_ATTEMPTS wrong passwords in a row the
 * account's sign-in is locked for CUSTOMER_LOCK_MINUTES, twice as long for each further lockout in a row, at
 * most CUSTOMER_LOCK_MAX_MINUTES; a successful sign-in or a password reset starts the count again.
 */

export interface LockoutState {
  failedAttempts: number;
  /** Lockouts in a row since the last successful sign-in or reset. */
  lockouts: number;
  lockedUntil: Date | null;
}

export interface LockoutSettings {
  /** CUSTOMER_LOCK_ATTEMPTS (default 3) */
  attempts: number;
  /** CUSTOMER_LOCK_MINUTES (default 15) */
  minutes: number;
  /** CUSTOMER_LOCK_MAX_MINUTES (default 1440) */
  maxMinutes: number;
}

/** True while the lock of `state` holds at `now` (its end is exclusive: at `lockedUntil` sign-in is open again). */
export function isLocked(state: Pick<LockoutState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The length of the `nth` lockout in a row (1 = the first), in minutes: doubling, capped. */
export function lockMinutes(nth: number, settings: LockoutSettings): number {
  const cap = Math.max(settings.maxMinutes, settings.minutes);
  // 2^30 minutes already exceeds any cap the settings allow; stop doubling before the number grows silly.
  return Math.min(cap, settings.minutes * 2 ** Math.min(Math.max(nth - 1, 0), 30));
}

/**
 * What a wrong password at `now` leaves: one more failed attempt, or, at the settings' count, a new lockout
 * (`locked: true`, the count back to 0, `lockedUntil` set). A wrong password while locked changes nothing
 * (the caller refuses it before checking the password): `locked: false` with the same state.
 */
export function afterFailedAttempt(
  state: LockoutState,
  now: Date,
  settings: LockoutSettings,
): LockoutState & { locked: boolean } {
  if (isLocked(state, now)) return { ...state, locked: false };
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts < settings.attempts) {
    return { failedAttempts, lockouts: state.lockouts, lockedUntil: state.lockedUntil, locked: false };
  }
  const lockouts = state.lockouts + 1;
  return {
    failedAttempts: 0,
    lockouts,
    lockedUntil: new Date(now.getTime() + lockMinutes(lockouts, settings) * 60_000),
    locked: true,
  };
}

/** What a successful sign-in or a password reset leaves: no failures, no lock, the doubling starts over. */
export function afterSuccess(): LockoutState {
  return { failedAttempts: 0, lockouts: 0, lockedUntil: null };
}

/** The lockout settings from the app's config. */
export function lockoutSettings(config: {
  CUSTOMER_LOCK_ATTEMPTS: number;
  CUSTOMER_LOCK_MINUTES: number;
  CUSTOMER_LOCK_MAX_MINUTES: number;
}): LockoutSettings {
  return {
    attempts: config.CUSTOMER_LOCK_ATTEMPTS,
    minutes: config.CUSTOMER_LOCK_MINUTES,
    maxMinutes: config.CUSTOMER_LOCK_MAX_MINUTES,
  };
}
