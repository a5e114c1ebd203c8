/**
 * Where evidence bytes live: a small key → bytes interface, so the local folder used now can be swapped for an
 * S3-compatible bucket (the scale-out step) without touching the use cases. Keys are relative, made of
 * `[a-z0-9-]` segments joined by `/` (e.g. `evidence/<case id>/<file id>.jpg`); anything else is refused, so a
 * key can never climb out of the store.
 *
 * The local store sits in DATA_DIR/private, a folder no static route serves: files reach a browser only through
 * the signed, short-lived route of routes.ts.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { uuidv7 } from '../../shared/ids.ts';

export interface EvidenceStorage {
  /** Stores `data` under `key`, replacing nothing half-written: the key appears complete or not at all. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes under `key` as a stream, with their size; null when there is no such key. */
  get(key: string): Promise<{ stream: Readable; bytes: number } | null>;
  /** Removes `key`; a missing key is not an error (deleting twice is fine). */
  delete(key: string): Promise<void>;
  /** Removes every key under `prefix/` (a case's folder, for instance); nothing there is not an error. */
  deleteUnder(prefix: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9][a-z0-9.-]*(\/[a-z0-9][a-z0-9.-]*)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** The private folder of the local store: never under DATA_DIR/uploads (which is served publicly). */
export function privateDir(dataDir: string): string {
  return resolve(dataDir, 'private');
}

/** A store in a local folder: a file per key, written to a temporary name then renamed (atomic on one disk). */
export function localStorage(root: string): EvidenceStorage {
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return join(root, key);
  };
  return {
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${uuidv7()}.partial`;
      try {
        await writeFile(partial, data, { mode: 0o600 });
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const info = await stat(path);
        if (!info.isFile()) return null;
        return { stream: createReadStream(path), bytes: info.size };
      } catch {
        return null;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async deleteUnder(prefix) {
      await rm(pathOf(prefix), { recursive: true, force: true });
    },
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch {
        return false;
      }
    },
  };
}
