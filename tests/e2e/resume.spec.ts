import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { decodeIndexFile } from '../../src/core/index-file';
import { expect, guardNetwork, test } from './fixtures';

const URL = '/?model=fixture-small-zh&device=wasm';

async function exportedIndex(page: Page) {
  await page.getByTestId('data-panel').locator('summary').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-index').click();
  return decodeIndexFile(new Uint8Array(await readFile((await (await downloading).path())!)));
}

test('a reload in the middle of indexing resumes and ends with exactly the vectors of an uninterrupted run', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000); // two full indexing runs of the bge-small-sized test model
  await page.goto(URL);
  const status = page.getByTestId('status');
  // Interrupt once some batches are stored.
  await expect(page.locator('.progress', { hasText: 'Indexing' })).toContainText(
    / (1[6-9]|[2-8]\d) of \d+ passages/,
    {
      timeout: 100_000,
    },
  );
  await page.reload();
  await expect(status).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  const total = Number(await status.getAttribute('data-passages'));
  const embeddedAfterReload = Number(await status.getAttribute('data-embedded'));
  expect(embeddedAfterReload).toBeGreaterThan(0);
  expect(embeddedAfterReload).toBeLessThan(total);
  await expect(status).toContainText(
    `(${embeddedAfterReload} embedded now, ${total - embeddedAfterReload} reused)`,
  );
  const resumed = await exportedIndex(page);

  const context = await browser.newContext({ baseURL });
  const blocked = await guardNetwork(context);
  const fresh = await context.newPage();
  await fresh.goto(URL);
  await expect(fresh.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', {
    timeout: 100_000,
  });
  await expect(fresh.getByTestId('status')).toHaveAttribute('data-embedded', String(total));
  const uninterrupted = await exportedIndex(fresh);
  await context.close();
  expect(blocked).toEqual([]);

  expect(resumed.passages).toEqual(uninterrupted.passages);
  expect(resumed.vectorIds).toEqual(uninterrupted.vectorIds);
  expect(resumed.vectors.length).toBe(uninterrupted.vectors.length);
  let largest = 0;
  resumed.vectors.forEach(
    (value, i) => (largest = Math.max(largest, Math.abs(value - uninterrupted.vectors[i]!))),
  );
  expect(largest).toBeLessThan(1e-5);
});
