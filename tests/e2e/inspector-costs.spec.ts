/**
 * The embedding map's costs in Chromium, measured on the bench page (`window.inspectorBench`): scatter-gl
 * drawing 50,000 synthetic points and panning them with the mouse, and PCA and UMAP of 10,000 synthetic
 * 512-d vectors in the projection worker, each with the page's long tasks (PerformanceObserver `longtask`).
 * Figures go to BENCHMARKS.md, so this runs only when asked:
 * `INSPECTOR_COSTS=1 npx playwright test tests/e2e/inspector-costs.spec.ts`.
 */
import { expect, test } from './fixtures';

test.skip(!process.env.INSPECTOR_COSTS, 'measured on request (INSPECTOR_COSTS=1)');
test.setTimeout(180_000);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto('/bench.html');
  await page.waitForFunction(() => window.inspectorBench !== undefined);
  await page.evaluate(() => window.inspectorBench!.watchLongTasks());
});

test('the map draws 50,000 points and pans without long tasks', async ({ page, browser }, testInfo) => {
  const drawn = await page.evaluate(() => window.inspectorBench!.drawMap(50_000));
  // A Chrome trace of the panning (threads of the page and of the GPU process), for where the time goes.
  await browser.startTracing(page, { path: testInfo.outputPath('pan-trace.json') });
  const before = await page.evaluate(() => performance.now());
  await page.mouse.move(400, 300);
  await page.mouse.down();
  for (let step = 0; step < 60; step++) await page.mouse.move(400 + step * 4, 300 + step * 2);
  await page.mouse.up();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const after = await page.evaluate(() => performance.now());
  await browser.stopTracing();
  const tasks = await page.evaluate((since) => window.inspectorBench!.longTasksSince(since), before);
  console.log(
    `map: ${drawn.points} points drawn in ${drawn.drawMs.toFixed(0)} ms; panned 60 mouse moves in ` +
      `${(after - before).toFixed(0)} ms; long tasks while panning: ${tasks.length}` +
      (tasks.length ? ` (longest ${Math.max(...tasks.map((t) => t.ms)).toFixed(0)} ms)` : ''),
  );
  expect(drawn.points).toBe(50_000);
});

test('PCA of 10,000 × 512 vectors in the worker (the map’s default)', async ({ page }) => {
  const runs = [];
  // A new worker each time: the first includes loading the worker and compiling druidjs's WASM.
  for (let run = 0; run < 3; run++)
    runs.push(await page.evaluate(() => window.inspectorBench!.project('pca', 10_000)));
  const tasks = await page.evaluate(
    (since) => window.inspectorBench!.longTasksSince(since),
    runs[0]!.startedAt,
  );
  console.log(
    `PCA: ${runs[0]!.rows} × 512 in a new worker, 3 runs: ${runs.map((run) => run.ms.toFixed(0)).join(', ')} ms; ` +
      `page long tasks meanwhile: ${tasks.length}`,
  );
  expect(runs.every((run) => run.rows === 10_000)).toBe(true);
});

test('UMAP of 10,000 vectors runs in the worker with progress', async ({ page }) => {
  test.setTimeout(420_000);
  page.on('console', (message) => {
    if (message.text().startsWith('umap ')) console.log(message.text());
  });
  const result = await page.evaluate(() => window.inspectorBench!.project('umap', 10_000));
  const tasks = await page.evaluate(
    (since) => window.inspectorBench!.longTasksSince(since),
    result.startedAt,
  );
  console.log(
    `UMAP: ${result.rows} × 512 in the worker in ${(result.ms / 1000).toFixed(1)} s, ` +
      `${result.progress} progress messages; page long tasks meanwhile: ${tasks.length}` +
      (tasks.length ? ` (longest ${Math.max(...tasks.map((t) => t.ms)).toFixed(0)} ms)` : ''),
  );
  expect(result.progress).toBeGreaterThan(1);
});
