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
