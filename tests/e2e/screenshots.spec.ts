/**
 * Screenshots in each interface language: desktop, and 390 px wide in dark mode (with the test model
 * fixture-tiny, which the status bar names as one).
 * Runs only when asked: `SCREENSHOTS=1 npx playwright test tests/e2e/screenshots.spec.ts`.
 */
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

test.describe('embedding map', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });

  test('390 px, dark', async ({ page }) => {
    await page.goto(`/?model=fixture-small-zh&q=${encodeURIComponent(QUERY)}&inspect=1`);
    await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', {
      timeout: 400_000,
    });
    const inspector = page.getByTestId('inspector');
    await inspector.getByRole('tab', { name: 'Embedding map' }).click();
    const map = inspector.getByTestId('inspector-map');
    await expect(map).toHaveAttribute('data-query-point', '1', { timeout: 120_000 });
    await map.screenshot({ path: 'docs/inspector-map.png' });
  });
});
