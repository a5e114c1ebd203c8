/**
 * Browser tests: the real server (built web app included) on a free port with its own in-memory database,
 * driven by Debian's chromium through playwright-core. No browser is ever downloaded: without chromium the
 * tests are skipped, unless E2E=required, when a missing browser fails the run.
 */
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web.mjs';
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/app.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.E2E === 'required';

/**
 * `skip` option for describe(): a reason when the browser is missing, false when tests should run. With
 * E2E=required a missing browser throws instead, so CI cannot pass without running them.
 */
export function skipWithoutBrowser(): string | false {
  if (existsSync(chromiumPath)) return false;
  if (required) throw new Error(`E2E=required but no chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  return `no chromium at ${chromiumPath}; set CHROMIUM_PATH, or E2E=required to make this an error`;
}

export interface WebServer extends TestApp {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
}

/** A port free on the loopback interface right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Builds the web app if web/ or src/ changed since the last build, then serves the whole app. With
 * `localhost`, the shop is reached as http://localhost:PORT and PUBLIC_URL says so: passkeys (WebAuthn) need a
 * host name as relying party (an IP address is refused by browsers) and the origin PUBLIC_URL names.
 */
export async function startWebServer(
  options: TestAppOptions & { localhost?: boolean } = {},
): Promise<WebServer> {
  buildWeb({ ifStale: true, quiet: true });
  const fixedPort = options.localhost ? await freePort() : 0;
  const t = await startTestApp(
    options.localhost
      ? { ...options, env: { ...options.env, PUBLIC_URL: `http://localhost:${fixedPort}` } }
      : options,
  );
  await t.app.listen({ host: '127.0.0.1', port: fixedPort });
  const { port } = t.app.server.address() as AddressInfo;
  const server = { ...t, url: `http://${options.localhost ? 'localhost' : '127.0.0.1'}:${port}` };
  servers.set(server.url, server);
  return server;
}

const servers = new Map<string, WebServer>();

/** The server a test started at `url` (sign-in helpers read its clock and its members' authenticators). */
export function webServerAt(url: string): WebServer {
  const server = servers.get(url);
  if (!server) throw new Error(`no test server at ${url}`);
  return server;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Collects what would make a page look broken or insecure: console errors and warnings (CSP refusals,
 * hydration mismatches), uncaught exceptions, and scripts, styles or data requests that failed. A missing
 * image is not counted here: its "Failed to load resource" line names no URL, so it is reported by the
 * response check below only when it is a script, a stylesheet or a data request.
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    if (msg.text().startsWith('Failed to load resource')) return;
    problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const essential = type === 'script' || type === 'stylesheet' || type === 'fetch';
    if (essential && response.status() >= 400) {
      problems.push(`${response.status()} ${type} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // The browser cancelled it (a navigation overtook the favicon or a prefetch): nothing failed.
    if (
      reason === 'net::ERR_ABORTED' &&
      request.resourceType() !== 'script' &&
      request.resourceType() !== 'stylesheet'
    ) {
      return;
    }
    problems.push(`failed ${request.resourceType()} ${request.url()}: ${reason}`);
  });
  return problems;
}

/** axe-core's serious and critical findings, one readable line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
