/**
 * Evidence tests' helpers: a case waiting for evidence (made through the same API a customer and staff use),
 * multipart bodies by hand, and media made on the spot (photos with GPS EXIF, a HEIC, videos with a location).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { evidenceGatedActions } from '../../src/aftersales/cases/case-evidence.rules.ts';
import { afterSalesCases } from '../../src/aftersales/schema.ts';
import { orderLinkToken } from '../../src/orders/order-link.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { json, type TestApp } from './app.ts';
import { addToCart, checkoutPayload, createProduct, placeOrder } from './orders-fixtures.ts';

export interface EvidenceCase {
  token: string;
  reference: string;
  caseId: string;
  orderId: string;
}

/**
 * An order delivered now with a claim of `kind` opened on it and, unless `state` says otherwise, moved by staff
 * to `awaiting_evidence`.
 */
export async function openCase(
  t: TestApp,
  staffCookie: string,
  kind: 'dead_on_arrival' | 'defective' | 'incorrect_item' | 'change_of_mind' = 'dead_on_arrival',
  state: 'opened' | 'awaiting_evidence' = 'awaiting_evidence',
  facts: object = { openedByCustomer: true },
): Promise<EvidenceCase> {
  const p = await createProduct(t.ctx.db, {});
  const added = await addToCart(t.app, p.variantId, 1);
  const placed = await placeOrder(t.app, added.cookie, checkoutPayload());
  if (placed.statusCode !== 201) throw new Error(`checkout: ${placed.body}`);
  const body = json<CheckoutResponse>(placed);
  const staff = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: staffCookie }, ...(payload ? { payload } : {}) });
  const list = await staff('GET', `/api/admin/orders?q=${body.order.reference}`);
  const orderId = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
  for (const [action, payload] of [
    ['mark-paid', undefined],
    ['ship', { carrier: 'UPS', trackingNumber: '1Z999' }],
    ['deliver', {}],
  ] as Array<[string, object | undefined]>) {
    const res = await staff('POST', `/api/admin/orders/${orderId}/${action}`, payload);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  }
  const lines = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${body.accessToken}/cases` });
  const orderLineId = json<{ lines: Array<{ orderLineId: string }> }>(lines).lines[0]?.orderLineId;
  const opened = await t.app.inject({
    method: 'POST',
    url: `/api/orders/by-link/${body.accessToken}/claims`,
    payload: { lines: [{ orderLineId, kind, facts }] },
  });
  if (opened.statusCode !== 201) throw new Error(`open claim: ${opened.body}`);
  const reference = json<{ cases: Array<{ reference: string }> }>(opened).cases[0]?.reference as string;
  const cases = await staff('GET', '/api/admin/cases?limit=100');
  const caseId = json<{ items: Array<{ id: string; reference: string }> }>(cases).items.find(
    (c) => c.reference === reference,
  )?.id as string;
  if (state === 'awaiting_evidence') {
    const moved = await staff('POST', `/api/admin/cases/${caseId}/actions`, { action: 'request_evidence' });
    if (moved.statusCode !== 200) throw new Error(`request_evidence: ${moved.body}`);
  }
  return { token: body.accessToken, reference, caseId, orderId };
}

/**
 * The customer sends one small photo for every required evidence kind case `caseId` still lacks (the
 * assessment's list: AS-DOA-2, AS-DEF-6, AS-INC-3), through the order's signed link as their case page does:
 * what authorising a return or resolving without one waits for. Only the first `upTo` of them when given.
 * Returns the kinds sent.
 */
export async function sendMissingEvidence(t: TestApp, caseId: string, upTo = Infinity): Promise<string[]> {
  const [c] = await t.ctx.db
    .select({ reference: afterSalesCases.reference, orderId: afterSalesCases.orderId })
    .from(afterSalesCases)
    .where(eq(afterSalesCases.id, caseId));
  if (!c) throw new Error(`no case ${caseId}`);
  const url = `/api/orders/by-link/${orderLinkToken(t.ctx.secret, c.orderId)}/cases/${c.reference}/evidence`;
  const list = await t.app.inject({ method: 'GET', url });
  if (list.statusCode !== 200) throw new Error(`evidence list: ${list.body}`);
  const missing = json<{ checklist: { missing: string[] } }>(list).checklist.missing.slice(0, upTo);
  for (const kind of missing) {
    const { payload, headers } = multipart([
      { name: 'kind', value: kind },
      { name: 'file', value: await pngImage(), filename: `${kind}.png`, type: 'image/png' },
    ]);
    const res = await t.app.inject({ method: 'POST', url, headers, payload });
    if (res.statusCode !== 201) throw new Error(`upload ${kind}: ${res.body}`);
  }
  return missing;
}

/**
 * Before staff take `action` on case `caseId`: when the action waits for the evidence (authorising a return,
 * resolving without one: `evidenceGatedActions`), the customer sends what is missing first, as in a shop where
 * the photos came in; any other action needs nothing. For step lists in tests that are about something else.
 */
export async function evidenceBefore(t: TestApp, caseId: string, action: string): Promise<void> {
  if ((evidenceGatedActions as readonly string[]).includes(action)) await sendMissingEvidence(t, caseId);
}

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

/** A multipart body as a browser form sends it: fields first, then the file. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----aftercare-evidence-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.filename
      ? `form-data; name="${part.name}"; filename="${part.filename}"`
      : `form-data; name="${part.name}"`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`;
    chunks.push(
      Buffer.from(head),
      Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Decimal degrees as EXIF's rational degrees/minutes/seconds string. */
const GPS = { lat: '48/1 51/1 2964/100', lon: '2/1 17/1 4020/100' };

/** A phone photo: JPEG with camera EXIF and GPS coordinates (the home of whoever took it). */
export async function photoWithGps(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Secret Phone 15' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: GPS.lat, GPSLongitudeRef: 'E', GPSLongitude: GPS.lon },
    })
    .toBuffer();
}

export async function pngImage(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 4, background: '#33aa55' } })
    .png()
    .toBuffer();
}

export async function webpImage(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: '#3355aa' } })
    .webp()
    .toBuffer();
}

/** A 96 × 64 HEIC made with libheif's heif-enc (x265), kept in the repository: no encoder needed to test. */
export function heicImage(): Buffer {
  return readFileSync(new URL('../fixtures/evidence-sample.heic', import.meta.url));
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG of a few hundred bytes that claims `side` × `side` pixels (20,000 × 20,000
 * is 400 megapixels, 1.6 GB once decoded); its rows are zeros, which deflate to almost nothing.
 */
export function pngBomb(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((side + 1) * 64)); // the first rows only: enough to look real
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ELF executable's first bytes, as a renamed program would start. */
export function executable(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0x90)]);
}

/** A ZIP archive (local file header), e.g. a zip bomb renamed .jpg. */
export function zipArchive(): Buffer {
  return Buffer.concat([Buffer.from('PK\x03\x04', 'binary'), Buffer.alloc(200, 1)]);
}

export function hasFfmpeg(): boolean {
  return (
    spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0 &&
    spawnSync('ffprobe', ['-version'], { stdio: 'ignore' }).status === 0
  );
}

/** The ISO 6709 location an iPhone writes into a MOV (the Eiffel Tower). */
export const VIDEO_LOCATION = '+48.8584+002.2945+035.000/';

/**
 * A short test-pattern video with a location and a creation time, as a phone writes them: MOV with Apple's
 * `com.apple.quicktime.location.ISO6709` key, or MP4 with the `location` tag.
 */
export function videoWithLocation(format: 'mov' | 'mp4', seconds = 1): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-video-'));
  const out = join(dir, `clip.${format}`);
  try {
    execFileSync(
      'ffmpeg',
      [
        ...[
          '-hide_banner',
          '-loglevel',
          'error',
          '-f',
          'lavfi',
          '-i',
          `testsrc=duration=${seconds}:size=160x120:rate=10`,
        ],
        ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
        ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
        ...(format === 'mov'
          ? [
              '-movflags',
              'use_metadata_tags',
              '-metadata',
              `com.apple.quicktime.location.ISO6709=${VIDEO_LOCATION}`,
            ]
          : ['-metadata', `location=${VIDEO_LOCATION}`]),
        ...['-metadata', 'creation_time=2026-03-01T10:00:00Z', '-metadata', 'title=Secret living room'],
        out,
      ],
      { stdio: 'pipe' },
    );
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ffprobe's tags of a file (format and streams), lower-cased keys: what a player or a forensic tool reads. */
export function probeTags(data: Buffer): {
  format: Record<string, string>;
  streams: Array<Record<string, string>>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-probe-'));
  const file = join(dir, 'file');
  try {
    execFileSync('sh', ['-c', 'cat > "$0"', file], { input: data });
    const out = execFileSync('ffprobe', [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      file,
    ]);
    const parsed = JSON.parse(out.toString()) as {
      format?: { tags?: Record<string, string> };
      streams?: Array<{ tags?: Record<string, string> }>;
    };
    const lower = (tags: Record<string, string> = {}) =>
      Object.fromEntries(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), v]));
    return { format: lower(parsed.format?.tags), streams: (parsed.streams ?? []).map((s) => lower(s.tags)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
