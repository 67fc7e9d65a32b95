import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startMockHub, type MockHub } from '../../scripts/mock-hub';
import { expect, test } from './fixtures';

const MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));
const QUERY = '阿里已经开源了多少款模型';
const ANSWER = '002_eef8f8e27b2a39d9.txt';

/** Opens the model manager and returns it. */
async function openManager(page: Page) {
  const panel = page.getByTestId('model-manager');
  await panel.locator('summary').click();
  return panel;
}

const modelRow = (page: Page, id: string) => page.locator(`[data-testid="model-row"][data-model-id="${id}"]`);

let hub: MockHub | undefined;
let scratch: string | undefined;
test.afterEach(async () => {
  await hub?.close();
  hub = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

test('the model manager shows a used model as cached, deletes it, and shows storage and persistence', async ({
  page,
}) => {
  await page.goto('/?model=fixture-small-zh');
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-index-phase', 'ready', { timeout: 110_000 });

  const panel = await openManager(page);
  const row = modelRow(page, 'fixture-small-zh');
  await expect(row).toHaveAttribute('data-cached', 'true');
  await expect(row.getByTestId('cache-state')).toContainText(/^cached: 2\d\.\d MB in 4 files/);
  await expect(modelRow(page, 'Xenova/bge-m3')).toHaveAttribute('data-cached', 'false');
  const device = await status.getAttribute('data-device');
  await expect(panel.getByTestId('runtime')).toContainText(
    `fixture-small-zh: ready · device ${device} · dtype q8`,
  );

  await expect(panel.getByTestId('storage-used')).toHaveText(/^\d+\.\d (MB|GB)$/);
  await expect(panel.getByTestId('storage-available')).toHaveText(/^\d+\.\d (MB|GB)$/);
  expect(Number(await panel.getByTestId('storage').getAttribute('data-usage'))).toBeGreaterThan(20_000_000);
  await expect(panel.getByTestId('persisted')).toContainText(/^(yes|no): /);
  await panel.getByTestId('request-persist').click();
  await expect(panel.getByTestId('persisted')).toContainText(/^(Granted|Not granted): /);
  await page.screenshot({ path: test.info().outputPath('model-manager.png'), fullPage: true });

  await row.getByTestId('delete-model').click();
  await expect(panel.getByTestId('model-message')).toContainText(
    /^Deleted 4 cached files of fixture-small-zh \(2\d\.\d MB\); it loads from this site again/,
  );
  await expect(row).toHaveAttribute('data-cached', 'false');
  await expect(row.getByTestId('cache-state')).toHaveText('not cached');
  const left = await page.evaluate(async () =>
    (await (await caches.open('transformers-cache')).keys()).map((request) => request.url),
  );
  expect(left.filter((url) => url.includes('fixture-small-zh'))).toEqual([]);
});

test('a model loaded from a folder works after a reload with the network off', async ({ page, context }) => {
  // The app's own copy of the model is unreachable: only the picked folder can supply it.
  await context.route('**/models/fixture-tiny/**', (route) => route.abort('connectionrefused'));
  await page.goto(`/?model=fixture-tiny&q=${encodeURIComponent(QUERY)}`);
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-model-phase', 'failed');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'keyword');
  // The service worker must hold the app shell before the page can reload offline.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(page.getByTestId('pwa-notice')).toContainText('Ready to work offline');

  const panel = await openManager(page);
  await panel.getByTestId('model-folder').setInputFiles(join(MODELS_DIR, 'fixture-tiny'));
  await expect(panel.getByTestId('model-message')).toContainText(
    /^Stored fixture-tiny \(6 files, 10\.\d MB\) in this browser: it now loads without the network\./,
  );
  await expect(modelRow(page, 'fixture-tiny')).toHaveAttribute('data-cached', 'true');

  await context.setOffline(true);
  await panel.getByTestId('use-imported').click(); // reloads the page with ?model=fixture-tiny
  await expect(status).toHaveAttribute('data-model-phase', 'ready');
  await expect(status).toHaveAttribute('data-index-phase', 'ready');
  await expect(status).toHaveAttribute('data-model', 'fixture-tiny');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', ANSWER);
});

test('a folder without its ONNX weights is refused with a message naming the file', async ({ page }) => {
  scratch = mkdtempSync(join(tmpdir(), 'model-folder-'));
  const folder = join(scratch, 'fixture-tiny');
  cpSync(join(MODELS_DIR, 'fixture-tiny'), folder, { recursive: true });
  rmSync(join(folder, 'onnx'), { recursive: true });

  await page.goto('/?model=fixture-tiny');
  const panel = await openManager(page);
  await panel.getByTestId('model-folder').setInputFiles(folder);
  const message = panel.getByTestId('model-message');
  await expect(message).toHaveText(
    /^This folder cannot be used for fixture-tiny: onnx\/model_quantized\.onnx is missing \(the q8 weights this device uses/,
  );
  await expect(message).toHaveClass('error');
  await expect(panel.getByTestId('use-imported')).toHaveCount(0);
});

test('a download can be cancelled for keyword search, fails over to keywords offline, and Retry resumes from the cache', async ({
  page,
  context,
}) => {
  // 300 kB/s: the tokenizer arrives in under two seconds, the 1.6 MB q8 weights take about five.
  hub = await startMockHub({
    models: { 'fixture-tiny': join(MODELS_DIR, 'fixture-tiny') },
    throttleBytesPerSec: 300_000,
  });
  await page.goto(
    `/?model=fixture-tiny&hub=${encodeURIComponent(`${hub.url}/`)}&q=${encodeURIComponent(QUERY)}`,
  );
  await expect(page.locator('.progress', { hasText: 'Model files' })).toContainText('3/4 files');
  await page.getByTestId('cancel-download').click();

  const error = page.getByTestId('error');
  await expect(error).toHaveText(/Download cancelled; keyword search only\. Retry to download again\./);
  await expect(page.getByTestId('status')).toHaveAttribute('data-model-phase', 'failed');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'keyword');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', ANSWER);
  await expect(page.getByTestId('cancel-download')).toHaveCount(0);

  // Offline with no cached weights: the model fails with a notice and keyword search goes on.
  await context.setOffline(true);
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(error).toContainText('Could not download fixture-tiny: the network is unreachable');
  await expect(page.getByTestId('fallback')).toContainText('Could not download fixture-tiny');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', ANSWER);

  await context.setOffline(false);
  await error.getByRole('button', { name: 'Retry' }).click();
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-index-phase', 'ready');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  const gets = (file: string) =>
    hub?.requests.filter((line) => line === `GET /fixture-tiny/resolve/main/${file}`).length;
  // Files finished before the cancel came from the cache; the weights were fetched again.
  expect(gets('tokenizer.json')).toBe(1);
  expect(gets('onnx/model_quantized.onnx')).toBe(2);
});
