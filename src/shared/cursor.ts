import { ValidationError } from './errors.ts';

/** An opaque keyset cursor: the sort key of the last row and its id, base64url JSON. */
export interface Cursor {
  k: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string, field = 'cursor'): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      typeof value === 'object' &&
      value !== null &&
      'k' in value &&
      'id' in value &&
      (typeof value.k === 'string' || typeof value.k === 'number') &&
      typeof value.id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(value.id)
    ) {
      return { k: value.k, id: value.id };
    }
  } catch {
    // fall through to the error below
  }
  throw new ValidationError([{ field, message: 'is not a valid cursor' }]);
}
