/**
 * The one error handler: every failure leaves the API as `{ error: { code, message, field?, clause? } }`
 * with the right status. Details of unexpected errors stay in the log, under a reference the customer
 * can quote; they never reach the response.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, httpStatusOf } from './errors.ts';
import { uuidv7 } from './ids.ts';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    clause?: string;
    /** A policy refusal's every deciding clause, in words (the engine's reasons). */
    reasons?: Array<{ clause: string; message: string }>;
    /** A decision taken before the evidence is in: the required evidence kinds with no file yet. */
    missingEvidence?: string[];
    reference?: string;
  };
}

function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** "/lines/0/quantity" in the body → "lines.0.quantity"; an unknown key is named itself, not its parent. */
function fieldOf(instancePath: string, params: Record<string, unknown> | undefined): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean);
  const keys = params?.keys;
  if (Array.isArray(keys) && typeof keys[0] === 'string') path.push(keys[0]);
  return path.join('.');
}

const fastifyCodes: Record<
  string,
  {
    field?: string;
    status: number;
    code: ErrorCode | 'payload_too_large' | 'unsupported_media_type';
    message?: string;
  }
> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'validation_failed',
    message: 'The request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'validation_failed',
    message: 'The request body is empty',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Unsupported content type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'validation_failed',
    message: 'Invalid Content-Length',
  },
  // @fastify/multipart
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The file is too large',
    field: 'file',
  },
  FST_FILES_LIMIT: {
    status: 413,
    code: 'payload_too_large',
    message: 'Send one file at a time',
    field: 'file',
  },
  FST_PARTS_LIMIT: { status: 413, code: 'payload_too_large', message: 'Too many form fields' },
  FST_FIELDS_LIMIT: { status: 413, code: 'payload_too_large', message: 'Too many form fields' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Send the form as multipart/form-data',
  },
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.field !== undefined) body.error.field = error.field;
      if (error.clause !== undefined) body.error.clause = error.clause;
      if (Array.isArray(error.details.reasons)) {
        body.error.reasons = error.details.reasons as Array<{ clause: string; message: string }>;
      }
      if (Array.isArray(error.details.missingEvidence)) {
        body.error.missingEvidence = error.details.missingEvidence as string[];
      }
      if (error.code === 'internal') request.log.error({ err: error }, 'internal error');
      return send(reply, httpStatusOf(error.code), body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where = error.validationContext ?? 'body';
      const field = first ? fieldOf(first.instancePath, first.params) : '';
      const message = first?.message ?? 'Invalid input';
      return send(reply, 400, {
        error: {
          code: 'validation_failed',
          message: field ? `${field}: ${message}` : `${where}: ${message}`,
          field: field || where,
        },
      });
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) {
      return send(reply, known.status, {
        error: {
          code: known.code,
          message: known.message ?? error.message,
          ...(known.field ? { field: known.field } : {}),
        },
      });
    }
    if (error.statusCode === 429) {
      return send(reply, 429, { error: { code: 'rate_limited', message: 'Too many requests, slow down' } });
    }
    if (
      error.statusCode &&
      error.statusCode >= 400 &&
      error.statusCode < 500 &&
      !isResponseSerializationError(error)
    ) {
      return send(reply, error.statusCode, { error: { code: 'bad_request', message: error.message } });
    }
    const reference = uuidv7();
    request.log.error({ err: error, reference }, 'unexpected error');
    return send(reply, 500, {
      error: {
        code: 'internal',
        message: `Something went wrong on our side (reference ${reference})`,
        reference,
      },
    });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` },
    }),
  );
}
