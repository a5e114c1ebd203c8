/**
 * A video, made safe to keep and show, with Debian's ffmpeg (a child process with a timeout, so the server's
 * thread never waits on it): ffprobe reads the duration and refuses one past EVIDENCE_MAX_VIDEO_SECONDS; ffmpeg
 * copies the video and audio streams unchanged (no re-encode: fast, lossless) into a new container with every
 * metadata entry dropped (`-map_metadata -1`: creation time, device, and the location phones write, such as
 * `com.apple.quicktime.location.ISO6709`) and no data or subtitle streams (only `0:v` and `0:a` are mapped:
 * Apple's timed-metadata tracks carry location too). A poster frame becomes the thumbnail.
 */
import { execFile } from 'node:child_process';
import sharp from 'sharp';
import { AppError } from '../../shared/errors.ts';
import { THUMBNAIL_SIDE } from './process-image.ts';

export interface ProcessedVideo {
  /** Path of the cleaned video (the caller removes it). */
  path: string;
  mediaType: 'video/mp4' | 'video/quicktime';
  thumbnail: Buffer;
  width: number | null;
  height: number | null;
  durationMs: number;
}

interface RunResult {
  stdout: Buffer;
}

function run(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024, encoding: 'buffer' },
      (error, stdout) => (error ? reject(error) : resolve({ stdout })),
    );
  });
}

let ffmpegPresent: Promise<boolean> | undefined;

/** True when ffmpeg and ffprobe can be run (checked once per process). */
export function ffmpegAvailable(): Promise<boolean> {
  ffmpegPresent ??= Promise.all([run('ffmpeg', ['-version'], 5000), run('ffprobe', ['-version'], 5000)]).then(
    () => true,
    () => false,
  );
  return ffmpegPresent;
}

function unreadable(): AppError {
  return new AppError('validation_failed', 'file: the video could not be read; it may be damaged', {
    field: 'file',
  });
}

interface Probe {
  streams?: Array<{ codec_type?: string; width?: number; height?: number }>;
  format?: { duration?: string };
}

/**
 * Cleans the video at `input` into `output`. Errors: 415 on `file` when this server has no ffmpeg, 413 on `file`
 * past the duration limit, 400 on `file` when ffmpeg cannot read it or runs out of time.
 */
export async function processVideo(
  input: string,
  output: string,
  sniffedMime: 'video/mp4' | 'video/quicktime',
  limits: { maxSeconds: number; timeoutMs: number },
): Promise<ProcessedVideo> {
  if (!(await ffmpegAvailable())) {
    throw new AppError(
      'unsupported_media_type',
      'file: this shop cannot take videos at the moment (no video tools installed); upload photos instead',
      { field: 'file' },
    );
  }
  let probe: Probe;
  try {
    const { stdout } = await run(
      'ffprobe',
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input],
      limits.timeoutMs,
    );
    probe = JSON.parse(stdout.toString('utf8')) as Probe;
  } catch {
    throw unreadable();
  }
  const video = probe.streams?.find((s) => s.codec_type === 'video');
  const seconds = Number(probe.format?.duration);
  if (!video || !Number.isFinite(seconds)) throw unreadable();
  if (seconds > limits.maxSeconds) {
    throw new AppError(
      'payload_too_large',
      `file: the video lasts ${Math.round(seconds)} seconds; at most ${limits.maxSeconds} seconds are accepted`,
      { field: 'file' },
    );
  }
  const format = sniffedMime === 'video/quicktime' ? 'mov' : 'mp4';
  try {
    await run(
      'ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', input],
        ...['-map', '0:v', '-map', '0:a?', '-dn', '-sn'],
        ...['-map_metadata', '-1', '-map_metadata:s', '-1', '-map_chapters', '-1'],
        ...['-c', 'copy', '-movflags', '+faststart', '-f', format, output],
      ],
      limits.timeoutMs,
    );
  } catch {
    throw unreadable();
  }
  let poster: Buffer;
  try {
    const at = Math.min(1, seconds / 2).toFixed(2);
    const { stdout } = await run(
      'ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-ss', at, '-i', output],
        ...['-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
      ],
      limits.timeoutMs,
    );
    poster = stdout;
    if (poster.length === 0) throw new Error('no frame');
  } catch {
    throw unreadable();
  }
  const thumbnail = await sharp(poster)
    .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return {
    path: output,
    mediaType: sniffedMime,
    thumbnail,
    width: video.width ?? null,
    height: video.height ?? null,
    durationMs: Math.round(seconds * 1000),
  };
}
