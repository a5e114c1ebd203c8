/**
 * Uploaded images: the type is read from the bytes (never the file name or the browser's word), and every
 * image is re-encoded, which drops its metadata: photos carry the camera owner's location in EXIF otherwise.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']);
/** Larger sides are scaled down: a product photo needs no more on any screen. */
const MAX_SIDE = 2000;

export function uploadsDir(dataDir: string): string {
  return resolve(dataDir, 'uploads');
}

export interface StoredImage {
  /** The address the shop serves it at, e.g. /media/uploads/products/0190….webp */
  url: string;
  width: number;
  height: number;
  bytes: number;
}

/** Checks, re-encodes (WebP, no metadata) and stores an image under DATA_DIR/uploads/<folder>/. */
export async function storeImage(
  data: Buffer,
  dataDir: string,
  folder: string,
  now: Date,
): Promise<StoredImage> {
  if (data.length === 0) throw new AppError('validation_failed', 'The file is empty', { field: 'file' });
  const type = await fileTypeFromBuffer(data);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw new AppError('validation_failed', 'The file is not a JPEG, PNG, WebP, AVIF or GIF image', {
      field: 'file',
    });
  }
  let output: { data: Buffer; info: sharp.OutputInfo };
  try {
    output = await sharp(data, { limitInputPixels: 40_000_000 })
      .rotate() // apply the EXIF orientation before the EXIF is dropped
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError('validation_failed', 'The image could not be read; it may be damaged', {
      field: 'file',
    });
  }
  const name = `${uuidv7(now.getTime())}.webp`;
  const dir = join(uploadsDir(dataDir), folder);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), output.data);
  return {
    url: `/media/uploads/${folder}/${name}`,
    width: output.info.width,
    height: output.info.height,
    bytes: output.data.length,
  };
}
