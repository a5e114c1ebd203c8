/**
 * Evidence photos (issue 10 point 10): a 12-megapixel phone photo (4000 × 3000, noisy, so the encoder works as
 * hard as on a real one) re-encoded with its thumbnail, target under 500 ms; and a cheap route's latency
 * (GET /api/health) with and without uploads running, to show the bounded queue keeps the rest of the shop
 * responsive. The server runs in a process of its own (bench/evidence.server.ts); this process sends the
 * load. `npm run bench -- evidence`, or `npx tsx bench/evidence.bench.ts` on its own.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { processImage } from '../src/aftersales/evidence/process-image.ts';

export interface EvidenceBenchResult {
  photo: { width: number; height: number; bytes: number };
  /** processImage alone (decode, orient, re-encode ≤ 2560 px JPEG, 320 px WebP thumbnail), one at a time. */
  processMs: { median: number; max: number; runs: number };
  /** The whole upload over HTTP (multipart, checks, processing, storage, row), one at a time. */
  uploadMs: { median: number; max: number; runs: number };
  health: { idleP99Ms: number; busyP99Ms: number; idleP50Ms: number; busyP50Ms: number; busyRps: number };
  uploadsDuringLoad: number;
  database: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function photo(): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function startServer(): Promise<{
  url: string;
  token: string;
  reference: string;
  stop(): Promise<void>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'evidence.server.ts')], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  const info = JSON.parse(line) as { url: string; token: string; reference: string };
  return {
    ...info,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function upload(url: string, token: string, reference: string, data: Buffer): Promise<number> {
  const form = new FormData();
  form.append('kind', 'item_media');
  form.append('file', new Blob([data], { type: 'image/jpeg' }), 'IMG_4000.jpg');
  const started = performance.now();
  const res = await fetch(`${url}/api/orders/by-link/${token}/cases/${reference}/evidence`, {
    method: 'POST',
    body: form,
  });
  const took = performance.now() - started;
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return took;
}

function health(url: string, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${url}/api/health`, connections: 10, duration: seconds }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

export async function runEvidenceBench(seconds = 8): Promise<EvidenceBenchResult> {
  const data = await photo();
  const meta = await sharp(data).metadata();
  const limits = { maxPixels: 50_000_000, maxSide: 2560 };
  await processImage(data, null, limits); // warm-up
  const processRuns: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    const started = performance.now();
    await processImage(data, null, limits);
    processRuns.push(performance.now() - started);
  }

  const server = await startServer();
  try {
    await upload(server.url, server.token, server.reference, data); // warm-up
    const uploads: number[] = [];
    for (let i = 0; i < 7; i += 1)
      uploads.push(await upload(server.url, server.token, server.reference, data));
    const idle = await health(server.url, seconds);
    // Two customers uploading without pause while the cheap route is measured.
    let running = true;
    let uploaded = 0;
    const uploader = async () => {
      while (running) {
        await upload(server.url, server.token, server.reference, data);
        uploaded += 1;
      }
    };
    const loops = [uploader(), uploader()];
    const busy = await health(server.url, seconds);
    running = false;
    await Promise.all(loops);
    return {
      photo: { width: meta.width ?? 0, height: meta.height ?? 0, bytes: data.length },
      processMs: {
        median: Math.round(median(processRuns)),
        max: Math.round(Math.max(...processRuns)),
        runs: processRuns.length,
      },
      uploadMs: {
        median: Math.round(median(uploads)),
        max: Math.round(Math.max(...uploads)),
        runs: uploads.length,
      },
      health: {
        idleP50Ms: idle.latency.p50,
        idleP99Ms: idle.latency.p99,
        busyP50Ms: busy.latency.p50,
        busyP99Ms: busy.latency.p99,
        busyRps: Math.round(busy.requests.average),
      },
      uploadsDuringLoad: uploaded,
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runEvidenceBench(Number(process.env.BENCH_SECONDS ?? 8));
  console.log(JSON.stringify(result, null, 2));
}
