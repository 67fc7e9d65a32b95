import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const QUERY = '阿里已经开源了多少款模型';

async function resultSources(page: Page): Promise<string[]> {
  await expect(page.getByTestId('timing')).toHaveAttribute('data-query', QUERY);
  return page
    .getByTestId('result')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-source') ?? ''));
}

test('export, clear all data, import: the same results with nothing embedded again; another model is refused', async ({
  page,
}) => {
  await page.goto(`/?model=fixture-tiny&q=${encodeURIComponent(QUERY)}`);
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  const before = await resultSources(page);
  const firstBefore = await page.locator('[data-testid="result"] .passage').first().textContent();
  expect(before[0]).toBe('002_eef8f8e27b2a39d9.txt');

  await page.getByTestId('data-panel').locator('summary').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-index').click();
  const exported = await (await downloading).path();
  await expect(page.getByTestId('data-message')).toContainText('Exported');

  await page.getByTestId('clear-all').click();
  await page.getByTestId('confirm-clear').click();
  await expect(page.getByTestId('data-message')).toContainText(
    'All documents, passages, vectors and indexes were deleted',
  );
  await expect(status).toContainText('0 documents · 0 passages');

  await page.getByTestId('import-index').setInputFiles(exported);
  await expect(page.getByTestId('data-message')).toContainText('nothing was embedded again');
  await expect(status).toHaveAttribute('data-index-phase', 'ready');
  await expect(status).toHaveAttribute('data-embedded', '0');
  await page.getByTestId('query').fill('');
  await page.getByTestId('query').fill(QUERY);
  expect(await resultSources(page)).toEqual(before);
  expect(await page.locator('[data-testid="result"] .passage').first().textContent()).toBe(firstBefore);

  // The same file, opened while another model is in use, is refused with a message naming both models.
  await page.goto('/?model=fixture-small-zh');
  await page.getByTestId('data-panel').locator('summary').click();
  await page.getByTestId('import-index').setInputFiles({
    name: 'index.ossindex',
    mimeType: 'application/octet-stream',
    buffer: await readFile(exported),
  });
  await expect(page.getByTestId('data-message')).toContainText(
    'This index was made with fixture-tiny (64 dimensions), but the app is using fixture-small-zh',
  );
});
