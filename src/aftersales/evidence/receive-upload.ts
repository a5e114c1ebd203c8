/**
 * Receives an evidence form (multipart/form-data): the text fields in memory (a few, short), the one file
 * streamed to the scratch folder so a 100 MB video never sits in memory. The parser's own limits apply
 * (registered in routes.ts); a file over the largest limit is a 413 on `file` naming it.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.ts';
import { formatBytes } from '../../shared/format.ts';
import { uuidv7 } from '../../shared/ids.ts';

export interface ReceivedForm {
  fields: Record<string, string>;
  file: { path: string; bytes: number } | null;
  /** Removes the received file; call in a finally. */
  discard(): Promise<void>;
}

function parserError(error: unknown, maxBytes: number): never {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    throw new AppError('payload_too_large', `file: a file may be at most ${formatBytes(maxBytes)}`, {
      field: 'file',
    });
  }
  if (code === 'FST_FILES_LIMIT') {
    throw new AppError('payload_too_large', 'file: send one file at a time', { field: 'file' });
  }
  if (code.startsWith('FST_')) throw error;
  throw new AppError('validation_failed', 'file: the upload arrived incomplete or garbled; send it again', {
    field: 'file',
  });
}

/** Reads the form; `fields` keep the first value of each name (at most 1,000 characters each). */
export async function receiveUpload(
  request: FastifyRequest,
  scratchDir: string,
  maxBytes: number,
): Promise<ReceivedForm> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'file: send the form as multipart/form-data', {
      field: 'file',
    });
  }
  const fields: Record<string, string> = {};
  let file: ReceivedForm['file'] = null;
  const discard = async () => {
    if (file) await rm(file.path, { force: true });
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string' && !(part.fieldname in fields)) {
          fields[part.fieldname] = part.value.slice(0, 1000);
        }
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      await mkdir(scratchDir, { recursive: true });
      const path = join(scratchDir, `${uuidv7()}.upload`);
      file = { path, bytes: 0 };
      const received = file;
      part.file.on('data', (chunk: Buffer) => {
        received.bytes += chunk.length;
      });
      await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
    }
  } catch (error) {
    await discard();
    parserError(error, maxBytes);
  }
  return { fields, file, discard };
}
