/**
 * Logs without personal data, whatever the error. Errors reach the log through one serializer,
 * `serializeError`, used by the HTTP logger (every `err` a route, hook, job or Fastify itself logs), by the
 * start-up failure path and by the job runner. It keeps what helps debugging — the error's class, SQLSTATE or
 * system code, constraint, table and column names, the SQL text with its placeholders, the stack frames — and
 * drops what holds values: a failed query's parameters, the database's `detail` ("Key (email)=(…)"),
 * `where`, `hint`, quoted values inside messages ('invalid input syntax for type integer: "…"'), email
 * addresses anywhere, and every other property an error happens to carry.
 *
 * The access log is one line per request (method, path without query or capability token, status, duration,
 * request id), written by the process's asynchronous destination so a request never waits for the log.
 */
import { hostname } from 'node:os';
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino, {
  type Bindings,
  type ChildLoggerOptions,
  type DestinationStream,
  type LogFn,
  type LoggerOptions,
} from 'pino';

/** What an error becomes in the log: names and codes, never values. */
export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  /** SQLSTATE (`23505`), Node's system code (`ECONNREFUSED`), Fastify's (`FST_…`) or the shop's own. */
  code?: string | number;
  [key: string]: unknown;
}

/**
 * Properties copied from an error when they hold a short string or a number: identifiers of what failed,
 * never what was in it. PostgreSQL's and PGlite's `detail`, `where`, `hint`, `internalQuery` and drizzle's
 * `params` are left out on purpose: they repeat the row's values.
 */
const KEPT_PROPERTIES = [
  'code',
  'statusCode',
  'field',
  'clause',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
  'syscall',
  'errno',
] as const;

const MAX_DEPTH = 4;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/**
 * A message as it may be logged: a failed query's `params:` part cut off, double-quoted values (how
 * PostgreSQL and V8's JSON parser quote the input they refuse) and email addresses replaced.
 */
export function redactText(text: string): string {
  const paramsAt = text.search(/\n?\s*params: /);
  const head = paramsAt === -1 ? text : text.slice(0, paramsAt);
  return head.replace(QUOTED, '"[redacted]"').replace(EMAIL, '[email]');
}

/** drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>", with the SQL on `query`. */
function isQueryError(error: Error): error is Error & { query: string } {
  return typeof (error as { query?: unknown }).query === 'string' && error.message.startsWith('Failed query');
}

function safeMessage(error: Error): string {
  // The SQL is the shop's own text with $1… placeholders: it names tables and columns, not values.
  if (isQueryError(error)) return `Failed query: ${error.query.replace(EMAIL, '[email]')}`;
  return redactText(error.message);
}

/** The stack's frames ("    at …"), under a first line rebuilt from the safe message. */
function safeStack(error: Error, type: string, message: string): string | undefined {
  if (typeof error.stack !== 'string') return undefined;
  const frames = error.stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.replace(EMAIL, '[email]'));
  return [`${type}: ${message}`, ...frames].join('\n');
}

/**
 * An error (or any thrown value) as a plain object safe to log. `cause` and an AggregateError's `errors`
 * are serialized the same way, a few levels deep. Never throws.
 */
export function serializeError(value: unknown, depth = 0): SerializedError {
  if (!(value instanceof Error)) {
    const text = typeof value === 'string' ? redactText(value).slice(0, 200) : typeof value;
    return { type: 'NonError', message: text };
  }
  // A class name, unless a bundle minified it (PGlite's errors are class "O"): then the error's own name.
  const ctor = value.constructor?.name ?? '';
  const type = ctor.length > 2 && ctor !== 'Object' ? ctor : value.name;
  const message = safeMessage(value);
  const out: SerializedError = { type, message };
  const stack = safeStack(value, type, message);
  if (stack) out.stack = stack;
  const source = value as unknown as Record<string, unknown>;
  for (const key of KEPT_PROPERTIES) {
    const v = source[key];
    if (typeof v === 'number') out[key] = v;
    else if (typeof v === 'string' && v.length <= 120) out[key] = redactText(v);
  }
  if (depth < MAX_DEPTH) {
    if (value.cause !== undefined) out.cause = serializeError(value.cause, depth + 1);
    if (value instanceof AggregateError && Array.isArray(value.errors)) {
      out.errors = value.errors.slice(0, 10).map((e) => serializeError(e, depth + 1));
    }
  }
  return out;
}

/**
 * An error as one readable text for a console (start-up failures, crashes): the safe stack, then the codes
 * and the causes, each on its own line.
 */
export function describeError(value: unknown): string {
  const lines: string[] = [];
  let current: SerializedError | undefined = serializeError(value);
  let prefix = '';
  while (current) {
    const { type, message, stack, cause, errors, ...rest } = current;
    lines.push(prefix + (stack ?? `${type}: ${message}`));
    const codes = Object.entries(rest).map(([k, v]) => `${k}=${String(v)}`);
    if (codes.length > 0) lines.push(`  (${codes.join(', ')})`);
    for (const e of (errors as SerializedError[] | undefined) ?? [])
      lines.push(`  - ${e.type}: ${e.message}`);
    current = cause as SerializedError | undefined;
    prefix = 'Caused by: ';
  }
  return lines.join('\n');
}

/**
 * A copy of an error that may be stored or rethrown where others will print it (pg-boss keeps a failed job's
 * error in its table): the safe message and stack, the same class name, the codes.
 */
export function safeError(value: unknown): Error {
  const s = serializeError(value);
  const copy = new Error(s.message);
  copy.name = s.type;
  if (s.stack) copy.stack = s.stack;
  if (s.code !== undefined) Object.assign(copy, { code: s.code });
  return copy;
}

/** Paths whose bodies and headers may carry personal data or secrets: never logged. */
export const logRedactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.email',
  '*.shippingAddress',
  '*.cardNumber',
  '*.token',
];

/**
 * Capability links (an order's signed link, a reset link) carry their secret in the URL; the log keeps the
 * route but not the secret. Query strings are dropped entirely: personal data never belongs there, and
 * search terms need not be kept.
 */
export function loggableUrl(url: string): string {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  // The test first: this runs for every request, and almost no path holds a link.
  return path.includes('/by-link/') ? path.replace(/\/(by-link)\/[^/]+/, '/$1/[redacted]') : path;
}

function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

/**
 * pino options shared by every logger of the shop: the safe error serializer under `err` and `error`, the
 * redacted paths, and a hook that passes a message logged beside an error through `redactText` (Fastify
 * and pino log `err.message` as the line's message in some paths).
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: logRedactPaths,
    serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    hooks: {
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (first instanceof Error) {
          return method.apply(this, [
            { err: first },
            redactText(typeof second === 'string' ? second : first.message),
          ]);
        }
        if (typeof second === 'string' && first !== null && typeof first === 'object' && 'err' in first) {
          return method.apply(this, [first, redactText(second)] as Parameters<typeof method>);
        }
        return method.apply(this, args);
      },
    },
  };
}

/**
 * The destination a shop process logs to: standard output, written asynchronously. Lines collect in memory
 * and go out in one write per 64 kB (about three hundred access-log lines) or per second, whichever comes first, so
 * a request never waits for the terminal or the pipe and a busy shop makes few system calls. The lines are
 * joined here as one text and handed to sonic-boom as bytes once per batch: handing it each line (as text,
 * it measured its whole pending buffer again on every line; as bytes, each line was encoded and copied on
 * its own) cost more than building the line. `flushSync()` before exiting; the pending lines are also
 * flushed when the process exits. A process killed outright loses at most the last second of lines.
 */
export function asyncLogDestination(fd = 1, flushEveryMs = 1_000): DestinationStream & { flushSync(): void } {
  const batchChars = 65_536;
  const destination = pino.destination({
    dest: fd,
    sync: false,
    minLength: 0,
    maxWrite: 65_536,
    contentMode: 'buffer',
  });
  let pending = '';
  const hand = () => {
    if (pending.length === 0) return;
    destination.write(Buffer.from(pending) as unknown as string);
    pending = '';
  };
  const timer = setInterval(hand, flushEveryMs);
  timer.unref();
  process.once('exit', () => {
    hand();
    destination.flushSync();
  });
  return {
    write: (line: string) => {
      pending += line;
      if (pending.length >= batchChars) hand();
    },
    flushSync: () => {
      hand();
      destination.flushSync();
    },
  };
}

/** pino's number for `info`, the access log's level. */
const INFO = 30;

/**
 * The access-log writer: one JSON line per answered request, the same line `pino({ level }, stream).info(
 * fields, 'request')` would write (`level`, `time`, `pid`, `hostname`, the fields, `msg`), built here as one
 * template because its fields are fixed: pino's generic path (serializers, redaction, bindings, its JSON
 * builder) cost about a tenth of the server's time on a cached catalogue read. Nothing in the line is
 * personal (see `accessLine`), so it needs no redaction pass; every text is written through
 * `JSON.stringify`.
 */
export class AccessLogWriter {
  readonly enabled: boolean;
  readonly #stream: DestinationStream;
  readonly #process: string;

  constructor(level: string, stream: DestinationStream) {
    // 'silent' is no pino level: nothing is enabled.
    this.enabled = (pino.levels.values[level] ?? Number.POSITIVE_INFINITY) <= INFO;
    this.#stream = stream;
    this.#process = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;
  }

  /** Writes the line of one answered request. */
  write(request: FastifyRequest, reply: FastifyReply): void {
    const l = accessLine(request, reply);
    this.#stream.write(
      `{"level":${INFO},"time":${Date.now()}${this.#process},"reqId":${JSON.stringify(l.reqId)},"method":${JSON.stringify(l.method)},"path":${JSON.stringify(l.path)},"status":${l.status},"ms":${l.ms},"msg":"request"}\n`,
    );
  }
}

/**
 * Fastify's per-request logger (`request.log`), made only when the request logs something. Fastify makes a
 * pino child with the request id for every request, and pino serializes (and passes through the redaction
 * paths) the child's bindings at once: a few microseconds for each request, although a request that goes
 * well never logs through it (its access-log line is written by `AccessLogWriter`).
 */
export function lazyChildLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new LazyChildLogger(parent, bindings, options);
}

// A class with its methods on the prototype: made once per request, it must be cheap to make.
class LazyChildLogger implements FastifyBaseLogger {
  #parent: FastifyBaseLogger;
  #bindings: Bindings;
  #options: ChildLoggerOptions;
  #child: FastifyBaseLogger | null = null;

  constructor(parent: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#options = options;
  }

  #log(): FastifyBaseLogger {
    this.#child ??= this.#parent.child(this.#bindings, this.#options);
    return this.#child;
  }

  get level(): string {
    return this.#child?.level ?? this.#options.level ?? this.#parent.level;
  }

  set level(level: string) {
    this.#log().level = level;
  }

  fatal(...args: Parameters<LogFn>): void {
    this.#log().fatal(...args);
  }

  error(...args: Parameters<LogFn>): void {
    this.#log().error(...args);
  }

  warn(...args: Parameters<LogFn>): void {
    this.#log().warn(...args);
  }

  info(...args: Parameters<LogFn>): void {
    this.#log().info(...args);
  }

  debug(...args: Parameters<LogFn>): void {
    this.#log().debug(...args);
  }

  trace(...args: Parameters<LogFn>): void {
    this.#log().trace(...args);
  }

  silent(...args: Parameters<LogFn>): void {
    this.#log().silent(...args);
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#log().child(bindings, options);
  }
}

/**
 * Fastify's per-request logging, replaced by one access-log line per answered request at `info`: request id,
 * method, path (no query string, no capability token), status, duration in milliseconds. Fastify's own
 * "incoming request" / "request completed" pair and its "Route GET:<url> not found" line (which carries the
 * query string) are not written; its error lines (a failed serializer, a broken stream) still are, through
 * the safe serializer. Without a logger (tests that log nothing) it writes nothing.
 */
export class AccessLog extends LogController {
  readonly #log: AccessLogWriter | null;

  constructor(log: AccessLogWriter | null) {
    super();
    this.#log = log?.enabled ? log : null;
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      request.log.error({ ...accessLine(request, reply), err: error }, 'request failed while answering');
    } else if (this.#log) {
      this.#log.write(request, reply);
    }
  }
}

function accessLine(request: FastifyRequest, reply: FastifyReply) {
  return {
    reqId: request.id,
    method: request.method,
    path: loggableUrl(request.url),
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
}
