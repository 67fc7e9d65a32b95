/**
 * The inspector's "Compare models" tab in Chromium with the two test models: the second model's engine
 * embeds the passages it has no vectors for (once), both top-10 lists are shown with overlap and rank moves
 * that agree with each other, the second side is what a search with that model returns, and leaving the tab
 * ends the second engine's worker.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cacheTinyFromFolder, compareWithTiny, openCompare } from './compare-helpers';
import { QUERY } from './inspector-helpers';

/** Search workers running (the main engine's, plus one while a comparison is open). */
const searchWorkers = (page: Page) => page.workers().filter((worker) => /search/.test(worker.url())).length;

test('compare models ranks the query with a second cached model, side by side', async ({ page }) => {
  test.setTimeout(600_000);
  const compare = await openCompare(page);
  // Only the current model is cached: the tab names the others, test models as test models.
  const none = compare.getByTestId('compare-none');
  await expect(none).toContainText('No other model is cached');
  await expect(none).toContainText('fixture-tiny (test model)');
  await expect(none).toContainText('Xenova/bge-small-zh-v1.5');
  await expect(compare).toContainText('fixture-small-zh');
  await expect(compare.locator('.test-model').first()).toContainText('test model');

  await cacheTinyFromFolder(page);
  await compareWithTiny(page);
  const passages = await page.getByTestId('status').getAttribute('data-passages');
  // Nothing had been embedded with fixture-tiny: the second engine embedded every passage.
  await expect(compare).toHaveAttribute('data-embedded', passages!);
  expect(searchWorkers(page)).toBe(2);

  const rowsA = compare.locator('[data-testid="compare-row"][data-side="a"]');
  const rowsB = compare.locator('[data-testid="compare-row"][data-side="b"]');
  await expect(rowsA).toHaveCount(10);
  await expect(rowsB).toHaveCount(10);
  const read = (rows: typeof rowsA) =>
    rows.evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-passage-id')!,
        a: el.getAttribute('data-rank-a'),
        b: el.getAttribute('data-rank-b'),
        move: el.querySelector('[data-move]')!.getAttribute('data-move'),
      })),
    );
  const a = await read(rowsA);
  const b = await read(rowsB);
  expect(a.map((row) => row.a)).toEqual(a.map((_, i) => String(i + 1)));
  expect(b.map((row) => row.b)).toEqual(b.map((_, i) => String(i + 1)));
  // data-overlap is the number of passages both lists show, seen from either side.
  const overlap = Number(await compare.getAttribute('data-overlap'));
  const shared = a.filter((row) => b.some((other) => other.id === row.id));
  expect(shared).toHaveLength(overlap);
  expect(a.filter((row) => row.b !== '')).toHaveLength(overlap);
  expect(b.filter((row) => row.a !== '')).toHaveLength(overlap);
  // A passage's ranks agree on both sides, and its move says the same.
  for (const row of shared) expect(b.find((other) => other.id === row.id)).toEqual(row);
  expect(a.filter((row) => row.move === 'dropped')).toHaveLength(10 - overlap);
  expect(b.filter((row) => row.move === 'new')).toHaveLength(10 - overlap);
  // Computed, not copied: two different models rank differently, unless both lists are equal.
  const sameOrder = overlap === 10 && a.every((row) => row.a === row.b);
  expect(sameOrder || a.some((row) => row.a !== row.b)).toBe(true);
  await expect(compare.getByTestId('compare-overlap')).toContainText(`Overlap@10: ${overlap} of 10`);

  // Leaving the tab ends the second engine's worker; a second comparison reuses the stored vectors.
  await page.getByTestId('inspector').getByRole('tab', { name: 'Pipeline' }).click();
  await expect.poll(() => searchWorkers(page)).toBe(1);
  await page.getByTestId('inspector').getByRole('tab', { name: 'Compare models' }).click();
  await compareWithTiny(page);
  await expect(compare).toHaveAttribute('data-embedded', '0');
  await expect(compare).toHaveAttribute('data-reused', passages!);
  expect(await read(rowsB)).toEqual(b);

  // The second side is what a semantic search with fixture-tiny returns (with the vectors stored above).
  await page.goto(`/?model=fixture-tiny&mode=semantic&q=${encodeURIComponent(QUERY)}`);
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-index-phase', 'ready', { timeout: 300_000 });
  await expect(status).toHaveAttribute('data-embedded', '0');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'semantic');
  await expect(page.getByTestId('result').first().locator('h3')).toHaveAttribute('id', `result-${b[0]!.id}`);
});

test('a second model that cannot load is named with the reason, and the current model keeps working', async ({
  page,
  context,
}) => {
  test.setTimeout(600_000);
  const compare = await openCompare(page);
  await cacheTinyFromFolder(page);
  // Its weights leave the cache (as when the browser evicts them) and the site cannot serve them either.
  await context.route('**/models/fixture-tiny/**', (route) => route.abort('connectionrefused'));
  await page.evaluate(async () => {
    const cache = await caches.open('transformers-cache');
    for (const request of await cache.keys())
      if (request.url.includes('fixture-tiny') && request.url.endsWith('.onnx')) await cache.delete(request);
  });
  await compare.getByTestId('compare-model').selectOption('fixture-tiny');
  await expect(compare).toHaveAttribute('data-phase', 'failed', { timeout: 120_000 });
  await expect(compare.getByTestId('compare-error')).toContainText(/^fixture-tiny could not be loaded: \S/);
  await expect(compare.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(compare.getByTestId('compare-row')).toHaveCount(0);
  await expect(page.getByTestId('status')).toHaveAttribute('data-model-phase', 'ready');
  await expect(page.getByTestId('result').first()).toBeVisible();
});
