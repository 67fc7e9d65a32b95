import { expect, test } from './fixtures';
import { openInspected } from './inspector-helpers';

const QUERY = '阿里已经开源了多少款模型';

test('works from the keyboard: / to search, ↑/↓ through results, Enter to open, Esc to close', async ({
  page,
}) => {
  await page.goto(`/?model=fixture-tiny&q=${encodeURIComponent(QUERY)}`);
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 110_000 });
  const results = page.getByTestId('result');
  await expect(results.nth(1)).toBeVisible();
  await expect(page.getByTestId('announcement')).toHaveText(/^\d+ passages? in \d+ articles, Hybrid search$/);

  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('/');
  const search = page.getByTestId('query');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue(QUERY);

  await page.keyboard.press('ArrowDown');
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(results.nth(0)).toBeFocused();

  const source = await results.nth(0).getAttribute('data-doc-id');
  await page.keyboard.press('Enter');
  const viewer = page.getByTestId('viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer.getByTestId('context-passage')).toBeVisible();
  expect(source).toBeTruthy();

  // Tab and Shift+Tab stay inside the dialog.
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await viewer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(results.nth(0)).toBeFocused();

  await page.getByRole('radio', { name: 'Keyword' }).check();
  await expect(page.getByTestId('announcement')).toHaveText(/, Keyword search$/);
});

test('a result card shows its best sentences and the whole passage one click away', async ({ page }) => {
  await page.goto(`/?model=fixture-tiny&mode=keyword&q=${encodeURIComponent(QUERY)}`);
  const card = page.getByTestId('result').first();
  const passage = card.getByTestId('passage').first();
  await expect(passage).toContainText('200多款');
  const shortText = (await passage.textContent()) ?? '';
  await card.getByRole('button', { name: 'Show the whole passage' }).click();
  const wholeText = (await passage.textContent()) ?? '';
  expect(wholeText.length).toBeGreaterThan(shortText.length);
  await card.getByRole('button', { name: 'Show only the best sentences' }).click();
  await expect(passage).toHaveText(shortText);
});

test('presentation mode from the keyboard: arrows move through the stages, Esc leaves', async ({ page }) => {
  test.setTimeout(300_000);
  const inspector = await openInspected(page, 'fixture-tiny');
  const steps = inspector.getByTestId('inspector-step');
  await expect(steps).toHaveCount(8);

  const start = inspector.getByRole('button', { name: 'Presentation mode' });
  await start.focus();
  await page.keyboard.press('Enter');
  const bar = inspector.getByTestId('presentation-bar');
  await expect(bar).toContainText('Step 1 of 8');
  await expect(steps).toHaveCount(1);
  await expect(steps).toHaveAttribute('data-step', 'normalise');
  // Focus stays in the bar, visible, so the next key reaches the presentation.
  expect(await bar.evaluate((element) => element.contains(document.activeElement))).toBe(true);

  await page.keyboard.press('ArrowRight');
  await expect(steps).toHaveAttribute('data-step', 'tokenise');
  await page.keyboard.press('ArrowRight');
  await expect(steps).toHaveAttribute('data-step', 'tensors');
  await expect(bar).toContainText('Step 3 of 8');
  await page.keyboard.press('ArrowLeft');
  await expect(steps).toHaveAttribute('data-step', 'tokenise');
  await page.keyboard.press('PageDown');
  await expect(steps).toHaveAttribute('data-step', 'tensors');

  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(steps).toHaveCount(8);
  await expect(start).toBeFocused();
  await expect(inspector).toBeVisible();
});
