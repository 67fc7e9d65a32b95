/**
 * The int8 dot-product kernels are exact in Chromium, in each of V8's code paths: the baseline compiler
 * (Liftoff), the optimising one, and the optimising one with AVX-VNNI and then AVX turned off (the
 * `pmaddubsw` lowering of relaxed SIMD that CPUs without AVX-VNNI get). The app searches with the first
 * kernel listed, relaxed SIMD, so it must be there (no silent fallback) and agree with JavaScript.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { expect, guardNetwork, test } from './fixtures';

/** V8 flags for each code path; '' is Chromium as users run it. */
const CODE_PATHS = [
  '',
  '--liftoff-only',
  '--no-liftoff',
  '--no-liftoff --no-enable-avx-vnni',
  '--no-liftoff --no-enable-avx-vnni --no-enable-avx --no-enable-avx2',
];

for (const flags of CODE_PATHS) {
  test(`every kernel equals the JavaScript sum at the extreme codes (V8 flags: ${flags || 'none'})`, async ({
    baseURL,
  }) => {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, ...(flags ? [`--js-flags=${flags}`] : [])],
    });
    try {
      const context = await browser.newContext();
      const blocked = await guardNetwork(context);
      const page = await context.newPage();
      await page.goto(`${baseURL}/bench.html`);
      await page.waitForFunction(() => window.kernelBench !== undefined);
      const result = await page.evaluate(() => window.kernelBench!.check(40));
      expect(result.kernels).toEqual(['relaxed-simd', 'simd']);
      expect(result.mismatches).toEqual({ 'relaxed-simd': 0, simd: 0 });
      expect(result.compared).toBe(16_000);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });
}
