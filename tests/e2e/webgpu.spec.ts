import type { Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { expect, guardNetwork, test } from './fixtures';

// Chromium's software WebGPU adapter runs the tiny test model (the full-size one crashes it).
test.use({
  launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] },
});

const QUERY = '阿里已经开源了多少款模型';

async function topResult(browser: Browser, baseURL: string, device: 'webgpu' | 'wasm') {
  const context = await browser.newContext({ baseURL });
  const blocked = await guardNetwork(context);
  const page = await context.newPage();
  await page.goto(`/?model=fixture-tiny&device=${device}&mode=semantic&q=${encodeURIComponent(QUERY)}`);
  const status = page.getByTestId('status');
  await expect(status).toContainText('index: ready', { timeout: 100_000 });
  await expect(status).toContainText(`device: ${device}`);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'semantic');
  const first = page.getByTestId('result').first();
  const result = {
    source: await first.getAttribute('data-source'),
    text: await first.locator('.passage').textContent(),
  };
  await context.close();
  expect(blocked, 'requests that tried to leave 127.0.0.1').toEqual([]);
  return result;
}

test('WebGPU (software adapter) returns the same top result as WASM for the tiny test model', async ({
  browser,
  baseURL,
}) => {
  const wasm = await topResult(browser, baseURL!, 'wasm');
  const webgpu = await topResult(browser, baseURL!, 'webgpu');
  expect(wasm.source).toBe('002_eef8f8e27b2a39d9.txt');
  expect(webgpu).toEqual(wasm);
});

test('fixture-tiny fp16 on the software WebGPU adapter: runs, or another precision runs and the page says why', async ({
  page,
}) => {
  await page.goto(
    `/?model=fixture-tiny&device=webgpu&dtype=fp16&mode=semantic&q=${encodeURIComponent(QUERY)}`,
  );
  const hasShaderF16 = await page.evaluate(
    async () =>
      (await (navigator as Navigator & { gpu: GPU }).gpu.requestAdapter())?.features.has('shader-f16') ??
      false,
  );
  const status = page.getByTestId('status');
  await expect(status).toContainText('index: ready', { timeout: 100_000 });
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  const outcome = {
    hasShaderF16,
    device: await status.getAttribute('data-device'),
    dtype: await status.getAttribute('data-dtype'),
    reason: await status.getAttribute('data-dtype-reason'),
    notice: (await page.locator('.notice').allTextContents()).join(' '),
  };
  console.log(`WebGPU fp16 outcome (fixture-tiny, test model): ${JSON.stringify(outcome)}`);
  test.info().annotations.push({ type: 'webgpu-fp16', description: JSON.stringify(outcome) });
  if (!hasShaderF16) {
    // transformers.js refuses fp16 without shader-f16, so the app does not try it and says why.
    expect(outcome).toMatchObject({ device: 'webgpu', dtype: 'fp32' });
    expect(outcome.reason).toBe(
      'fp16 was asked for but cannot run here; this WebGPU adapter lacks shader-f16',
    );
  } else if (outcome.dtype !== 'fp16') {
    // fp16 failed (e.g. onnxruntime issue 32627's invalid LayerNorm shader): the fallback is said.
    expect(outcome.notice).toMatch(/webgpu fp16 failed: .+; using (webgpu fp32|wasm q8)\./);
  }
  await page.getByTestId('model-manager').locator('summary').click();
  await expect(page.getByTestId('dtype-reason')).toHaveText(`Precision ${outcome.dtype}: ${outcome.reason}`);
});

test('with WebGPU and WASM both working, each is timed at warm-up and the figures are shown', async ({
  page,
}) => {
  await page.goto(`/?model=fixture-tiny&mode=semantic&q=${encodeURIComponent(QUERY)}`);
  const status = page.getByTestId('status');
  await expect(status).toContainText('index: ready', { timeout: 100_000 });
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  await page.getByTestId('model-manager').locator('summary').click();
  const choice = page.getByTestId('device-choice');
  await expect(choice).toHaveText(
    /^Measured at warm-up: queries on (webgpu|wasm) \(\d+ ms vs \d+ on (webgpu|wasm)\), batches on (webgpu|wasm) \([\d.]+ ms per passage vs [\d.]+ on (webgpu|wasm)\)$/,
  );
  console.log(`device choice (fixture-tiny, test model, software WebGPU): ${await choice.textContent()}`);
  await page.screenshot({ path: test.info().outputPath('device-choice.png'), fullPage: true });
});
