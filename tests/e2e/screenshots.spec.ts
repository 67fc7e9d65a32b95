/**
 * Screenshots in each interface language: desktop, and 390 px wide in dark mode (with the test model
 * fixture-tiny, which the status bar names as one); and the inspector's model comparison (desktop,
 * `docs/inspector-compare.png`, the two test models).
 * Runs only when asked: `SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts`.
 */
import { cacheTinyFromFolder, compareWithTiny, openCompare } from './compare-helpers';
import { expect, test } from './fixtures';

const QUERY = '阿里已经开源了多少款模型';
const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
const LAYOUTS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' },
] as const;

test.skip(!process.env.SCREENSHOTS, 'screenshots are made on request (SCREENSHOTS=1)');

for (const layout of LAYOUTS) {
  test.describe(layout.name, () => {
    test.use({ viewport: layout.viewport, colorScheme: layout.colorScheme });

    for (const language of LANGUAGES) {
      test(`${language}`, async ({ page }) => {
        await page.goto(`/?model=fixture-tiny&lang=${language}&q=${encodeURIComponent(QUERY)}`);
        await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', {
          timeout: 110_000,
        });
        await expect(page.getByTestId('result').first()).toBeVisible();
        await page.screenshot({ path: `docs/screenshots/${language}-${layout.name}.png` });
      });
    }
  });
}

test.describe('inspector', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('compare models', async ({ page }) => {
    test.setTimeout(600_000);
    await openCompare(page);
    await cacheTinyFromFolder(page);
    await compareWithTiny(page);
    // The status bar is fixed to the window's foot: it would cover a tall element's screenshot.
    await page.getByTestId('status').evaluate((bar) => (bar.style.visibility = 'hidden'));
    await page.getByTestId('inspector').screenshot({ path: 'docs/inspector-compare.png' });
  });
});
