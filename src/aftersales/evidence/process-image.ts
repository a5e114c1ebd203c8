/**
 * A photo, made safe to keep and show: the dimensions are read from the header and refused past
 * EVIDENCE_MAX_PIXELS before anything is decoded (a 20,000 × 20,000 image or a decompression bomb stops here,
 * and sharp's `limitInputPixels` guards the decode too), the EXIF orientation is applied, and the image is
 * re-encoded as JPEG with no metadata at all (EXIF, GPS, XMP, ICC comments gone), plus a ~320 px WebP
 * thumbnail. HEIC/HEIF (iPhones) is decoded with libheif compiled to WebAssembly (`heic-decode`), in a worker
 * thread (heic-decoder.ts): the prebuilt sharp reads AVIF-flavoured HEIF only, not HEVC.
 */
import sharp from 'sharp';
import { AppError } from '../../shared/errors.ts';
import { type HeicDecoder, HeicRefused } from './heic-decoder.ts';

export const THUMBNAIL_SIDE = 320;

export interface ProcessedImage {
  original: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

export interface ImageLimits {
  maxPixels: number;
  maxSide: number;
}

function tooLarge(width: number, height: number, maxPixels: number): AppError {
  return new AppError(
    'payload_too_large',
    `file: the photo is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); at most ${Math.round(maxPixels / 1e6)} megapixels are accepted`,
    { field: 'file' },
  );
}

function unreadable(): AppError {
  return new AppError('validation_failed', 'file: the photo could not be read; it may be damaged', {
    field: 'file',
  });
}

/** The decoded input for sharp: the bytes themselves, or HEIC decoded to raw RGBA first (by `heic`). */
async function sharpInput(data: Buffer, heic: HeicDecoder | null, limits: ImageLimits): Promise<sharp.Sharp> {
  if (!heic) {
    let meta: sharp.Metadata;
    try {
      // The header only (no pixels decoded): the size is judged here, with words, before sharp's own limit.
      meta = await sharp(data, { limitInputPixels: false }).metadata();
    } catch {
      throw unreadable();
    }
    const width = meta.width ?? 0;
    const height = meta.height ?? 0;
    if (width * height > limits.maxPixels) throw tooLarge(width, height, limits.maxPixels);
    return sharp(data, { limitInputPixels: limits.maxPixels, failOn: 'error' });
  }
  try {
    // The worker reads the size before decoding the pixels: a bomb is refused without allocating it.
    const decoded = await heic.decode(data, limits.maxPixels);
    return sharp(decoded.data, {
      raw: { width: decoded.width, height: decoded.height, channels: 4 },
      limitInputPixels: limits.maxPixels,
    });
  } catch (error) {
    if (error instanceof HeicRefused && error.reason === 'too_large') {
      throw tooLarge(error.width, error.height, limits.maxPixels);
    }
    throw unreadable();
  }
}

/**
 * Re-encodes a photo and makes its thumbnail; `heic` is the decoder for a HEIC/HEIF photo, null for the
 * formats sharp reads itself. Errors: 413 on `file` past the pixel limit, 400 on `file` when the image cannot
 * be decoded.
 */
export async function processImage(
  data: Buffer,
  heic: HeicDecoder | null,
  limits: ImageLimits,
): Promise<ProcessedImage> {
  const input = await sharpInput(data, heic, limits);
  try {
    // One decode of the big photo: the thumbnail is made from the re-encoded original, where JPEG
    // shrink-on-load makes it cheap (a second decode of 12 megapixels would cost as much as the first).
    const original = await input
      .rotate()
      .resize({ width: limits.maxSide, height: limits.maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(original.data)
      .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return {
      original: original.data,
      thumbnail,
      width: original.info.width,
      height: original.info.height,
    };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError(
        'payload_too_large',
        `file: the photo has more than ${Math.round(limits.maxPixels / 1e6)} megapixels`,
        {
          field: 'file',
        },
      );
    }
    throw unreadable();
  }
}
