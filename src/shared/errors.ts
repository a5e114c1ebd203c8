/**
 * One error type with codes. Services throw these; the HTTP layer maps `code` to a status through
 * `httpStatusOf` and renders `{ error: { code, message, field?, clause? } }`. Expected outcomes of a rule
 * (a claim that is not eligible) are returned values, never errors.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'policy_violation'
  | 'payment_declined'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  policy_violation: 422,
  payment_declined: 402,
  rate_limited: 429,
  // Uploads: a file (or a case's files) over a limit, and a file whose bytes are no accepted type.
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

export interface ErrorDetails {
  field?: string;
  clause?: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  get field(): string | undefined {
    return this.details.field;
  }

  get clause(): string | undefined {
    return this.details.clause;
  }
}

export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code];
}

/** Input that does not fit its schema. `field` is the dotted path of the first offending value. */
export class ValidationError extends AppError {
  readonly issues: ReadonlyArray<{ field: string; message: string }>;

  constructor(issues: ReadonlyArray<{ field: string; message: string }>) {
    const first = issues[0] ?? { field: '', message: 'Invalid input' };
    super('validation_failed', first.field ? `${first.field}: ${first.message}` : first.message, {
      field: first.field,
    });
    this.issues = issues;
  }
}

export class NotFound extends AppError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', message);
  }
}

export class Conflict extends AppError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('conflict', message, details);
  }
}

export class PolicyViolation extends AppError {
  constructor(clause: string, message: string) {
    super('policy_violation', message, { clause });
  }
}
