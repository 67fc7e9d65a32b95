import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startStaticHost, type StaticHost } from '../../scripts/pwa/static-host';
import { CONTENT_SECURITY_POLICY } from '../../src/pwa/security-headers';
import { expect, guardNetwork, test } from './fixtures';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const QUERY = 'Qwen3 系列累计下载量';
const ANSWER = '003_48c5744fef53a8f7.txt';

/**
 * Records console errors, uncaught exceptions and CSP violations of the page (from its first script on)
 * and of its workers (from when Playwright attaches; Chromium does not log a worker's CSP violations to
 * its console, so each worker gets a `securitypolicyviolation` listener that does).
 */
async function watchProblems(page: Page): Promise<string[]> {
  const errors: string[] = [];
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI}`),
    ),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`worker ${worker.url()}: ${message.text()}`);
    });
    worker
      .evaluate(() =>
        self.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI}`),
        ),
      )
      .catch(() => {}); // ORT's short-lived thread workers may be gone before this arrives.
  });
  return errors;
}

/** Waits until a service worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('index.html links a web app manifest with names, colours and 192, 512 and maskable icons', async ({
  request,
}) => {
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}"/);
  const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBeDefined();
  const manifestResponse = await request.get(href ?? '');
  expect(manifestResponse.ok()).toBe(true);
  const manifest = await manifestResponse.json();
  expect(manifest).toMatchObject({
    name: '离线语义搜索 · Offline semantic search',
    lang: 'zh',
    start_url: '/',
    display: 'standalone',
  });
  for (const field of ['short_name', 'description', 'theme_color', 'background_color'])
    expect(manifest[field], field).toBeTruthy();

  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  for (const icon of icons) {
    const png = await request.get(icon.src);
    expect(png.headers()['content-type'], icon.src).toBe('image/png');
    const body = await png.body();
    // A PNG's IHDR chunk holds width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
});

test('installs a service worker, runs under the CSP without a violation, and answers offline', async ({
  page,
  context,
}) => {
  const problems = await watchProblems(page);
  const response = await page.goto(`/?model=fixture-small-zh&q=${encodeURIComponent(QUERY)}`);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);

  await controlled(page);
  await expect(page.getByTestId('pwa-notice')).toContainText('Ready to work offline');
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-index-phase', 'ready', { timeout: 110_000 });
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', ANSWER);
  expect(problems).toEqual([]);

  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline?.fromServiceWorker()).toBe(true);
  expect(offline?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(status).toHaveAttribute('data-index-phase', 'ready');
  await expect(status).toHaveAttribute('data-model-phase', 'ready');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', ANSWER);

  expect(problems).toEqual([]);
});

test.describe('on a static host that sends no headers', () => {
  let host: StaticHost | undefined;
  test.beforeEach(async () => {
    host = await startStaticHost(DIST);
  });
  test.afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  test('the service worker adds COOP/COEP and the CSP: one reload, then isolated with all threads', async ({
    page,
  }) => {
    const problems = await watchProblems(page);
    const first = await page.goto(`${host?.url}/?model=fixture-tiny&device=wasm`);
    expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined();

    // The page reloads itself once the service worker controls it, and comes back isolated.
    await page.waitForFunction(() => window.crossOriginIsolated, undefined, { timeout: 60_000 });
    await controlled(page);
    const status = page.getByTestId('status');
    await expect(status).toHaveAttribute('data-model-phase', 'ready');
    await expect(status).toHaveAttribute('data-isolated', 'true');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await expect(status).toHaveAttribute('data-threads', String(cores));
    await expect(status).not.toContainText('not isolated');

    const again = await page.reload();
    expect(again?.fromServiceWorker()).toBe(true);
    expect(again?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('a new service worker waits until the user accepts the update prompt, then takes over', async ({
    page,
  }) => {
    await page.goto(`${host?.url}/?model=fixture-tiny&device=wasm`);
    await page.waitForFunction(() => window.crossOriginIsolated, undefined, { timeout: 60_000 });
    await controlled(page);

    host?.replace('/sw.js', `${await readFile(`${DIST}/sw.js`, 'utf8')}\n// the next version\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByTestId('pwa-notice');
    await expect(notice).toContainText('A new version is available');
    expect(
      await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting),
    ).toBe(true);

    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await controlled(page);
    const registration = await page.evaluate(async () => {
      const current = await navigator.serviceWorker.getRegistration();
      return { waiting: !!current?.waiting, active: current?.active?.state };
    });
    expect(registration).toEqual({ waiting: false, active: 'activated' });
    await expect(notice).toHaveCount(0);
  });

  test('without a service worker the page stays unisolated and runs on one thread', async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const blocked = await guardNetwork(context);
    const page = await context.newPage();
    await page.goto(`${host?.url}/?model=fixture-tiny&device=wasm`);
    const status = page.getByTestId('status');
    await expect(status).toHaveAttribute('data-model-phase', 'ready');
    await expect(status).toHaveAttribute('data-isolated', 'false');
    await expect(status).toHaveAttribute('data-threads', '1');
    await expect(status).toContainText('threads: 1 (not isolated)');
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
    await context.close();
    expect(blocked).toEqual([]);
  });
});
