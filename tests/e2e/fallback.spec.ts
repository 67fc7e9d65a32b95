import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';

const QUERY = '阿里已经开源了多少款模型';

/** Records, in page time, when the first result appears (installed before the app loads). */
const recordFirstResult = () => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="result"]')) {
      (window as { firstResultAt?: number }).firstResultAt = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true }),
  );
};

// Keyword results must never wait for the model: not for its files, nor its compilation, nor the save of a
// rebuilt keyword index (a task of its own since 2026-12-03; tests/worker/keyword-save-at-start).
// This test used to ask for the first result within 1 s of the load event, and failed at 1.85–1.9 s on a
// loaded 2-core machine. Traces of the bench's reloads (BENCHMARKS.md, "Cold start") show the slow starts
// spending their time in the browser before the app's worker runs any code (its own start-up to the first
// keyword result took 0.3–0.8 s), which a wall-clock limit on a shared machine cannot tell apart.
// So the test asserts the order a person sees, which no machine load can change: with the model's files
// held unanswered, keyword results appear, and say why once the files fail. How fast is measured by
// `npm run bench -- --only cold-start`; this run's figure is attached to the test as an annotation.
test('without model files, keyword results come without waiting for the model and say why; they upgrade once the model is back', async ({
  page,
  context,
}) => {
  await context.route('**/models/**', (route) => route.abort('connectionrefused'));
  await page.addInitScript(recordFirstResult);
  const url = `/?model=fixture-small-zh&q=${encodeURIComponent(QUERY)}`;

  // First visit: the corpus is ingested into IndexedDB; results arrive in keyword mode.
  await page.goto(url);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'keyword');
  await expect(page.getByTestId('fallback')).toContainText('Could not load fixture-small-zh');
  await expect(page.getByTestId('error')).toContainText('Could not load fixture-small-zh');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');

  // A later visit while the model's files are asked for and never answered: keyword results still come.
  const held: Route[] = [];
  await context.unroute('**/models/**');
  await context.route('**/models/**', (route) => void held.push(route));
  await page.reload();
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'keyword');
  await expect(page.getByTestId('status')).not.toHaveAttribute('data-index-phase', 'ready');
  const sinceLoad = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return (
      ((window as { firstResultAt?: number }).firstResultAt ?? Infinity) - (navigation?.loadEventEnd ?? 0)
    );
  });
  test.info().annotations.push({ type: 'first keyword result after load (ms)', description: `${sinceLoad}` });

  // The held files fail: the results stay, and say why.
  await context.unroute('**/models/**');
  await context.route('**/models/**', (route) => route.abort('connectionrefused'));
  await Promise.all(held.map((route) => route.abort('connectionrefused')));
  await expect(page.getByTestId('fallback')).toContainText('Could not load fixture-small-zh');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'keyword');

  // The model becomes available: retry loads it, the index is built and the same query upgrades to hybrid.
  await context.unroute('**/models/**');
  await page.getByTestId('error').getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('fallback')).toHaveCount(0);
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  await expect(page.getByTestId('found-by').first()).toHaveAttribute('data-found-by', 'both');
});
