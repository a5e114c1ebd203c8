import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import {
  AccessLogWriter,
  describeError,
  lazyChildLogger,
  loggerOptions,
  redactText,
  safeError,
  serializeError,
} from './logging.ts';

/** What pg and PGlite throw: a message, then fields of which some hold the row's values. */
function databaseError(message: string, fields: Record<string, string>): Error {
  const error = new Error(message);
  Object.assign(error, { severity: 'ERROR', ...fields });
  return error;
}

const uniqueViolation = databaseError('duplicate key value violates unique constraint "staff_email_key"', {
  code: '23505',
  detail: 'Key (email)=(ada@example.com) already exists.',
  table: 'staff',
  constraint: 'staff_email_key',
  where: 'SQL statement "insert into staff values (\'Ada Lovelace\')"',
});
const failedQuery = new DrizzleQueryError(
  'insert into "staff" ("email", "name") values ($1, $2)',
  ['ada@example.com', 'Ada Lovelace'],
  uniqueViolation,
);

describe('error serializer for logs', () => {
  it('keeps the SQL, SQLSTATE, table and constraint of a failed query and drops its parameters and detail', () => {
    const s = serializeError(failedQuery);
    const text = JSON.stringify(s);
    assert.equal(s.type, 'DrizzleQueryError');
    assert.equal(s.message, 'Failed query: insert into "staff" ("email", "name") values ($1, $2)');
    const cause = s.cause as Record<string, unknown>;
    assert.equal(cause.code, '23505');
    assert.equal(cause.table, 'staff');
    assert.equal(cause.constraint, 'staff_email_key');
    assert.doesNotMatch(text, /ada@example\.com|Ada Lovelace|detail|where|params/i);
    assert.match(String(s.stack), /\n\s+at /, 'the stack frames are kept');
  });

  it('replaces values PostgreSQL quotes in its messages', () => {
    const s = serializeError(
      databaseError('invalid input syntax for type integer: "Ada Lovelace, 12 Analytical Row"', {
        code: '22P02',
      }),
    );
    assert.equal(s.message, 'invalid input syntax for type integer: "[redacted]"');
    assert.equal(s.code, '22P02');
  });

  it('removes email addresses from any message, and the params part of any failed-query text', () => {
    assert.equal(redactText('no order for grace@example.org here'), 'no order for [email] here');
    assert.equal(redactText('Failed query: select 1\nparams: a@b.co,secret'), 'Failed query: select 1');
    assert.equal(
      serializeError(new Error('Unexpected token, "ada@example.com" is not valid JSON')).message,
      'Unexpected token, "[redacted]" is not valid JSON',
    );
  });

  it('serializes causes, aggregate errors and thrown non-errors the same way', () => {
    const aggregate = new AggregateError([failedQuery, new Error('connect ECONNREFUSED')], 'all failed');
    const text = JSON.stringify(serializeError(new Error('wrapped', { cause: aggregate })));
    assert.doesNotMatch(text, /ada@example\.com|Ada Lovelace/);
    assert.match(text, /ECONNREFUSED/);
    assert.deepEqual(serializeError('customer ada@example.com'), {
      type: 'NonError',
      message: 'customer [email]',
    });
  });

  it('a console description and a rethrowable copy hold no values either', () => {
    const described = describeError(failedQuery);
    assert.match(described, /^DrizzleQueryError: Failed query: insert into "staff"/);
    assert.match(
      described,
      /Caused by: Error: duplicate key value violates unique constraint "\[redacted\]"\n/,
    );
    assert.match(described, /\(code=23505, severity=ERROR, table=staff, constraint=staff_email_key\)/);
    assert.doesNotMatch(described, /ada@example\.com|Ada Lovelace/);
    const copy = safeError(failedQuery);
    assert.doesNotMatch(`${copy.message}${copy.stack}`, /ada@example\.com|Ada Lovelace/);
  });
});

describe('access log and request loggers', () => {
  const collect = () => {
    const lines: string[] = [];
    return { lines, stream: { write: (line: string) => void lines.push(line) } };
  };
  const request = (url: string) =>
    ({ id: 'a-request-id', method: 'GET', url }) as unknown as import('fastify').FastifyRequest;
  const reply = { statusCode: 200, elapsedTime: 1.234 } as unknown as import('fastify').FastifyReply;

  it('writes the line pino would write for the same fields, with the query and a link token left out', () => {
    const mine = collect();
    new AccessLogWriter('info', mine.stream).write(
      request('/api/orders/by-link/secret.sig?email=a%40b.c'),
      reply,
    );
    const theirs = collect();
    pino({ level: 'info' }, theirs.stream).info(
      { reqId: 'a-request-id', method: 'GET', path: '/api/orders/by-link/[redacted]', status: 200, ms: 1.2 },
      'request',
    );
    assert.equal(mine.lines.length, 1);
    assert.ok(mine.lines[0]?.endsWith('\n'));
    const a = JSON.parse(mine.lines[0] ?? '');
    const b = JSON.parse(theirs.lines[0] ?? '');
    assert.ok(Math.abs(a.time - b.time) < 1_000);
    assert.deepEqual({ ...a, time: 0 }, { ...b, time: 0 });
    assert.deepEqual(Object.keys(a), Object.keys(b), 'the same keys in the same order');
  });

  it('is off below info and when silent; a path with quotes stays valid JSON', () => {
    assert.equal(new AccessLogWriter('warn', collect().stream).enabled, false);
    assert.equal(new AccessLogWriter('silent', collect().stream).enabled, false);
    assert.equal(new AccessLogWriter('debug', collect().stream).enabled, true);
    const out = collect();
    new AccessLogWriter('info', out.stream).write(request('/a"b\\c\u2028'), reply);
    assert.equal(JSON.parse(out.lines[0] ?? '').path, '/a"b\\c\u2028');
  });

  it('makes the request logger only when the request logs, with its bindings and the safe serializers', () => {
    const out = collect();
    const parent = pino(loggerOptions('info'), out.stream);
    let made = 0;
    const counting = Object.create(parent, {
      child: {
        value: (...args: Parameters<typeof parent.child>) => {
          made++;
          return parent.child(...args);
        },
      },
    });
    const log = lazyChildLogger(counting, { reqId: 'r1' }, {});
    assert.equal(log.level, 'info');
    assert.equal(made, 0, 'no child for a request that logs nothing');
    log.error({ err: failedQuery }, 'failed');
    log.warn('again');
    assert.equal(made, 1);
    const [first] = out.lines.map((l) => JSON.parse(l));
    assert.equal(first.reqId, 'r1');
    assert.ok(!JSON.stringify(out.lines).includes('ada@example.com'));
    assert.equal(lazyChildLogger(parent, { reqId: 'r2' }, { level: 'warn' }).level, 'warn');
  });
});
