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
    expect(outcome).toMatchObject({ device: 'webgpu', dtype: 'fp32', reason: 'no-shader-f16' });
  } else if (outcome.dtype !== 'fp16') {
    // fp16 failed (e.g. onnxruntime issue 32627's invalid LayerNorm shader): the fallback is said.
    expect(outcome.notice).toMatch(/webgpu fp16 failed: .+; using (webgpu fp32|wasm q8)\./);
  }
  await page.getByTestId('model-manager').locator('summary').click();
  await expect(page.getByTestId('dtype-reason')).toHaveText(
    hasShaderF16
      ? /^Precision fp(16|32): /
      : 'Precision fp32: fp16 was asked for but cannot run here; this WebGPU adapter lacks shader-f16',
  );
});

const MEASURED =
  /^Measured at warm-up: queries on (webgpu|wasm) \([\d,]+ ms vs [\d,]+ ms on (webgpu|wasm)\), batches on (webgpu|wasm) \([\d,.]+ ms per passage vs [\d,.]+ ms on (webgpu|wasm)\)$/;

test('with WebGPU working, WASM is timed only once its weights are cached: the user opts in to the download', async ({
  page,
  context,
}) => {
  const q8Requests: string[] = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/onnx/model_quantized.onnx')) q8Requests.push(request.url());
  });
  await page.goto(`/?model=fixture-tiny&mode=semantic&q=${encodeURIComponent(QUERY)}`);
  const status = page.getByTestId('status');
  await expect(status).toContainText('index: ready', { timeout: 100_000 });
  await expect(status).toHaveAttribute('data-device', 'webgpu');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  await page.getByTestId('model-manager').locator('summary').click();
  const choice = page.getByTestId('device-choice');
  await expect(choice).toHaveAttribute('data-choice', 'wasm-not-timed');
  await expect(choice).toContainText(
    /^WebGPU does all the work\. WASM was not timed against it: that would download its q8 weights, about [\d.]+ MB more\./,
  );
  expect(q8Requests, 'the q8 file is not downloaded just to time WASM').toEqual([]);
  await page.screenshot({ path: test.info().outputPath('device-choice-not-timed.png'), fullPage: true });

  await page.getByTestId('time-wasm').click();
  await expect(choice).toHaveAttribute('data-choice', 'measured', { timeout: 60_000 });
  await expect(choice).toHaveText(MEASURED);
  expect(q8Requests.length, 'the opt-in downloads the q8 file').toBeGreaterThan(0);
  console.log(`device choice (fixture-tiny, test model, software WebGPU): ${await choice.textContent()}`);
  await expect(page.getByTestId('time-wasm')).toHaveCount(0);

  // The q8 file is cached now, so the next load times both devices without asking.
  await page.reload();
  await expect(status).toContainText('index: ready', { timeout: 100_000 });
  await page.getByTestId('model-manager').locator('summary').click();
  await expect(choice).toHaveAttribute('data-choice', 'measured', { timeout: 60_000 });
  await expect(choice).toHaveText(MEASURED);
  await page.screenshot({ path: test.info().outputPath('device-choice.png'), fullPage: true });
});

test.describe('browser locale zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('the device-choice line and the precision reason are Chinese', async ({ page }) => {
    await page.goto(`/?model=fixture-tiny&mode=semantic&q=${encodeURIComponent(QUERY)}`);
    await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', {
      timeout: 100_000,
    });
    await page.getByTestId('model-manager').locator('summary').click();
    await expect(page.getByTestId('device-choice')).toContainText(
      /^全部工作由 WebGPU 完成。未对 WASM 计时：那需要再下载它的 q8 权重，约 [\d.]+ MB。/,
    );
    await expect(page.getByTestId('time-wasm')).toContainText('下载 WASM 的权重');
    await expect(page.getByTestId('dtype-reason')).toHaveText(
      /^精度 fp(16|32)：(webgpu 上的默认精度|此 WebGPU 适配器不支持 shader-f16)$/,
    );
    const panel = page.getByTestId('model-manager');
    await panel.screenshot({ path: test.info().outputPath('model-panel-zh-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: test.info().outputPath('model-panel-zh-phone-dark.png') });
  });
});
