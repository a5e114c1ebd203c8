/**
 * What the evidence use cases share per process: the store (the local folder now; an S3-compatible adapter
 * later is built here from the config and nothing else changes), the bounded photo queue, the HEIC decoding
 * threads, and the limits.
 */
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { type HeicDecoder, heicDecoder } from './heic-decoder.ts';
import { type EvidenceStorage, localStorage, privateDir } from './storage.ts';
import { type WorkQueue, workQueue } from './work-queue.ts';

export interface EvidenceLimits {
  maxImageBytes: number;
  maxVideoBytes: number;
  maxVideoSeconds: number;
  maxFilesPerCase: number;
  maxPixels: number;
  imageMaxSide: number;
  videoTimeoutMs: number;
  urlTtlSeconds: number;
}

export interface EvidenceServices {
  storage: EvidenceStorage;
  imageQueue: WorkQueue;
  /** HEIC decoding in worker threads, as many as the photo queue lets run at once. */
  heicDecoder: HeicDecoder;
  limits: EvidenceLimits;
  /** A folder for uploads being received and processed; nothing there outlives its request. */
  scratchDir: string;
}

const byDataDir = new Map<string, EvidenceServices>();

export function evidenceLimits(config: Config): EvidenceLimits {
  return {
    maxImageBytes: config.EVIDENCE_MAX_IMAGE_BYTES,
    maxVideoBytes: config.EVIDENCE_MAX_VIDEO_BYTES,
    maxVideoSeconds: config.EVIDENCE_MAX_VIDEO_SECONDS,
    maxFilesPerCase: config.EVIDENCE_MAX_FILES_PER_CASE,
    maxPixels: config.EVIDENCE_MAX_PIXELS,
    imageMaxSide: config.EVIDENCE_IMAGE_MAX_SIDE,
    videoTimeoutMs: config.EVIDENCE_VIDEO_TIMEOUT_MS,
    urlTtlSeconds: config.EVIDENCE_URL_TTL_SECONDS,
  };
}

/** The evidence services of this process for `config` (one store and one queue per data folder). */
export function evidenceServices(config: Config): EvidenceServices {
  const root = privateDir(config.DATA_DIR);
  let services = byDataDir.get(root);
  if (!services) {
    services = {
      storage: localStorage(root),
      imageQueue: workQueue(config.EVIDENCE_IMAGE_CONCURRENCY),
      heicDecoder: heicDecoder(config.EVIDENCE_IMAGE_CONCURRENCY),
      limits: evidenceLimits(config),
      scratchDir: join(root, 'incoming'),
    };
    byDataDir.set(root, services);
  }
  return services;
}
