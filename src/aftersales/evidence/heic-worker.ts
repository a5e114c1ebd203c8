/**
 * The HEIC decoding thread (see heic-decoder.ts): libheif in WebAssembly decodes one photo at a time here,
 * so the seconds it takes over a 12-megapixel HEVC image never block the request thread.
 *
 * A request is `{ id, data, maxPixels }` (data: the file's bytes, transferred); the answer is
 * `{ id, width, height, data }` (RGBA, transferred) or `{ id, error: 'unreadable' | 'too_large', width?, height? }`.
 */
import { parentPort } from 'node:worker_threads';
import decodeHeic from 'heic-decode';
import type { HeicAnswer, HeicRequest } from './heic-decoder.ts';

async function decode({ id, data, maxPixels }: HeicRequest): Promise<HeicAnswer> {
  let images: Awaited<ReturnType<typeof decodeHeic.all>>;
  try {
    images = await decodeHeic.all({ buffer: data });
  } catch {
    return { id, error: 'unreadable' };
  }
  try {
    const first = images[0];
    if (!first) return { id, error: 'unreadable' };
    // The size is known before the pixels are decoded: a bomb is refused without allocating it.
    if (first.width * first.height > maxPixels) {
      return { id, error: 'too_large', width: first.width, height: first.height };
    }
    const decoded = await first.decode();
    const pixels = new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength);
    return { id, width: decoded.width, height: decoded.height, data: pixels };
  } catch {
    return { id, error: 'unreadable' };
  } finally {
    images.dispose();
  }
}

parentPort?.on('message', async (request: HeicRequest) => {
  const answer = await decode(request);
  parentPort?.postMessage(answer, 'data' in answer ? [answer.data.buffer as ArrayBuffer] : []);
});
