import { fileURLToPath } from 'node:url';
import { startMockHub, type MockHub } from '../../scripts/mock-hub';
import { expect, test } from './fixtures';

const MODEL_DIR = fileURLToPath(new URL('../../public/models/fixture-small-zh', import.meta.url));
const QUERY = '阿里已经开源了多少款模型';

let hub: MockHub | undefined;
test.afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

test('downloads a model from a hub with progress, caches it, and loads it again with the hub gone', async ({
  page,
}) => {
  // 10 MB/s: the 24 MB q8 test model takes over two seconds, long enough to watch the progress bar.
  hub = await startMockHub({ models: { 'fixture-small-zh': MODEL_DIR }, throttleBytesPerSec: 10_000_000 });
  const url = `/?model=fixture-small-zh&hub=${encodeURIComponent(`${hub.url}/`)}&q=${encodeURIComponent(QUERY)}`;
  await page.goto(url);

  const progress = page.locator('.progress', { hasText: 'Model files' });
  await expect(progress).toContainText(/\d+\/\d+ files · [\d.]+ of [\d.]+ MB/);
  const status = page.getByTestId('status');
  await expect(status).toContainText('index: ready', { timeout: 110_000 });
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  await expect(status).toHaveAttribute('data-dtype', 'q8');
  expect(
    hub.requests.some((line) =>
      line.startsWith('GET /fixture-small-zh/resolve/main/onnx/model_quantized.onnx'),
    ),
  ).toBe(true);
  expect(hub.requests.some((line) => line.includes('/onnx/model.onnx'))).toBe(false);
  expect(hub.notFound, 'requests for files the repo lacks').toEqual([]);

  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls = await Promise.all(
      names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)),
    );
    return urls.flat();
  });
  expect(cached).toContain(`${hub.url}/fixture-small-zh/resolve/main/onnx/model_quantized.onnx`);

  await hub.close();
  hub = undefined;
  await page.reload();
  await expect(status).toContainText('model: ready');
  await expect(status).toContainText('index: ready');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
});
