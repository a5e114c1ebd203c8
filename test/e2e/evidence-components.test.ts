/**
 * The evidence components in a browser (issue 10 point 3) before the case pages mount them: the test renders
 * <EvidencePanel> and <EvidenceGallery> on the server with the real list answer and serves that HTML at a
 * test-only address (intercepted in the browser; the app has no such route), with the storefront's built CSS.
 * No script runs, so the panel is proven as a customer without JavaScript uses it: choose a file, press
 * Upload, the plain multipart form goes to the API, which stores the file and sends the browser back to the
 * page (303), where the checklist shows it received, or explains a refused file. Screenshots at 390 and
 * 1280 px go to EVIDENCE_SCREENSHOTS when set.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Browser, Page } from 'playwright-core';
import * as React from 'react';
import { createElement, type FunctionComponent } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { EvidenceListView } from '../../src/aftersales/evidence/evidence-records.ts';
import { listEvidence } from '../../src/aftersales/evidence/list-evidence.service.ts';
import { type EvidenceCase, executable, openCase, photoWithGps } from '../helpers/evidence-fixtures.ts';
import { launchBrowser, skipWithoutBrowser, startWebServer, type WebServer } from './helpers.ts';

const DEMO = '/__test/evidence';

// The components are JSX compiled by Vite with the web app's tsconfig; here tsx compiles them with the root
// one (classic JSX: React.createElement in scope), so React is put in scope and they are loaded by address.
(globalThis as { React?: unknown }).React = React;
const components = '../../web/app/components/cases/';
const { EvidencePanel } = (await import(`${components}EvidencePanel.tsx`)) as {
  EvidencePanel: FunctionComponent<{
    token: string;
    reference: string;
    evidence: EvidenceListView;
    returnTo: string;
  }>;
};
const { EvidenceGallery } = (await import(`${components}EvidenceGallery.tsx`)) as {
  EvidenceGallery: FunctionComponent<{ caseId: string }>;
};
const shots = process.env.EVIDENCE_SCREENSHOTS;

function builtCss(): string {
  const dir = join(process.cwd(), 'build', 'client', 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${builtCss()}</style></head><body class="bg-gray-50"><main class="mx-auto max-w-3xl space-y-6 p-4">${body}</main></body></html>`;
}

describe('evidence components in a browser (no JavaScript)', { skip: skipWithoutBrowser() }, () => {
  let server: WebServer;
  let browser: Browser;
  let c: EvidenceCase;
  let staff = '';

  before(async () => {
    server = await startWebServer();
    browser = await launchBrowser();
    staff = await server.staffCookie();
    c = await openCase(server, staff, 'dead_on_arrival');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Serves the panel (customer) or the gallery (staff) at DEMO, rendered from the current list answer. */
  async function route(p: Page) {
    await p.route(
      (url) => url.pathname === DEMO,
      (intercepted) =>
        serve(intercepted).catch((error: unknown) =>
          intercepted.fulfill({
            status: 500,
            contentType: 'text/plain',
            body: String((error as Error).stack),
          }),
        ),
    );
    async function serve(intercepted: Parameters<Parameters<Page['route']>[1]>[0]) {
      const url = new URL(intercepted.request().url());
      const returnTo = `${url.pathname}${url.search}`;
      if (url.searchParams.get('view') === 'staff') {
        const client = new QueryClient();
        client.setQueryData(
          ['case-evidence', c.caseId],
          await listEvidence(server.ctx, {
            by: 'staff',
            caseId: c.caseId,
            staffId: '00000000-0000-0000-0000-000000000000',
          }),
        );
        const html = renderToString(
          createElement(
            QueryClientProvider,
            { client },
            createElement(EvidenceGallery, { caseId: c.caseId }),
          ),
        );
        return intercepted.fulfill({ contentType: 'text/html', body: page('Evidence (staff)', html) });
      }
      const evidence = await listEvidence(server.ctx, {
        by: 'customer',
        token: c.token,
        reference: c.reference,
      });
      const html = renderToString(
        createElement(
          MemoryRouter,
          { initialEntries: [returnTo] },
          createElement(EvidencePanel, { token: c.token, reference: c.reference, evidence, returnTo }),
        ),
      );
      return intercepted.fulfill({ contentType: 'text/html', body: page('Your case', html) });
    }
  }

  /**
   * Presses a form's button and follows the API's 303 as the browser does. (The browser itself follows it,
   * but Playwright hands redirected requests to the real server, not to the test-only route above.)
   */
  async function submit(p: Page, press: () => Promise<void>, expected: RegExp): Promise<Page> {
    const [answer] = await Promise.all([
      p.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/evidence')),
      press(),
    ]);
    assert.equal(answer.status(), 303);
    const location = answer.headers().location as string;
    assert.match(location, expected);
    await p.waitForURL(expected);
    // The page the browser came back to, opened again where the test-only route answers it (Playwright hands
    // a redirect's request to the real server, not to the route).
    const next = await p.context().newPage();
    await route(next);
    await next.goto(`${server.url}${location.replace(/#.*$/, '')}`);
    await p.close();
    return next;
  }

  async function shoot(p: Page, name: string) {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    for (const width of [390, 1280]) {
      await p.setViewportSize({ width, height: 900 });
      await p.screenshot({ path: join(shots, `evidence-${name}-${width}.png`), fullPage: true });
    }
  }

  it('AS-DOA-2: the customer sends a photo with a plain form post; the checklist shows it, a refused file is explained', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 900 },
    });
    let p = await context.newPage();
    await route(p);
    const first = await p.goto(`${server.url}${DEMO}?token=x`);
    assert.equal(first?.status(), 200, await first?.text());
    const text = await p.textContent('main');
    assert.match(text ?? '', /Still needed: 4/);

    const dir = join(tmpdir(), `aftercare-evidence-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const photo = join(dir, 'IMG_0001.jpg');
    writeFileSync(photo, await photoWithGps(800, 600));
    const front = p.locator('li', { has: p.getByRole('heading', { name: 'Front of the package' }) });
    await front.locator('input[type=file]').setInputFiles(photo);
    p = await submit(
      p,
      () => front.getByRole('button', { name: 'Upload' }).click(),
      /evidenceAdded=package_front/,
    );
    assert.match((await p.textContent('main')) ?? '', /Still needed: 3/);
    assert.match((await p.textContent('main')) ?? '', /Added to “Front of the package”/);
    const thumb = p.locator('img[alt^="Front of the package"]');
    assert.equal(await thumb.count(), 1);
    assert.ok(
      await thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0),
      'the thumbnail loads through its signed address',
    );

    const fake = join(dir, 'photo.jpg');
    writeFileSync(fake, executable());
    const back = p.locator('li', { has: p.getByRole('heading', { name: 'Back of the package' }) });
    await back.locator('input[type=file]').setInputFiles(fake);
    p = await submit(p, () => back.getByRole('button', { name: 'Upload' }).click(), /evidenceError=/);
    assert.match((await p.textContent('main')) ?? '', /this file is not a photo \(JPEG, PNG, WebP, HEIC\)/);
    assert.match((await p.textContent('main')) ?? '', /Still needed: 3/);
    await p.goto(`${server.url}${DEMO}?token=x`);
    await shoot(p, 'panel');
    await context.close();
  });

  it('the staff gallery shows the checklist, the customer’s photo and opens the original', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const p = await context.newPage();
    await route(p);
    await p.goto(`${server.url}${DEMO}?view=staff`);
    const text = (await p.textContent('main')) ?? '';
    assert.match(text, /Missing 3/);
    assert.match(text, /From the customer/);
    const link = p.locator('a[title="Open the full-size photo"]').first();
    const href = (await link.getAttribute('href')) as string;
    const res = await p.request.get(`${server.url}${href}`);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'image/jpeg');
    await shoot(p, 'gallery');
    await context.close();
  });
});
