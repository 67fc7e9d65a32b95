import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openInspected, runLab } from './inspector-helpers';

const QUERY = '阿里已经开源了多少款模型';

/** Serious and critical axe violations on the page as it is now, as `rule: targets` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

async function withResults(page: Page): Promise<void> {
  await page.goto(`/?model=fixture-tiny&q=${encodeURIComponent(QUERY)}`);
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 110_000 });
  await expect(page.getByTestId('result').first()).toBeVisible();
}

for (const locale of ['en-US', 'zh-CN']) {
  test.describe(`axe, ${locale}`, () => {
    test.use({ locale });

    test('empty page', async ({ page }) => {
      await page.goto('/?model=fixture-tiny');
      await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', {
        timeout: 110_000,
      });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('results, then each panel open, then the document viewer', async ({ page }) => {
      await withResults(page);
      expect(await seriousViolations(page)).toEqual([]);
      for (const panel of ['documents', 'data-panel', 'model-manager']) {
        await page.getByTestId(panel).locator('summary').first().click();
        expect(await seriousViolations(page), panel).toEqual([]);
      }
      await page.getByTestId('show-in-context').first().click();
      await expect(page.getByTestId('viewer')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('an error banner', async ({ page, context }) => {
      await context.route('**/models/fixture-tiny/**', (route) => route.abort('connectionrefused'));
      await page.goto(`/?model=fixture-tiny&q=${encodeURIComponent(QUERY)}`);
      await expect(page.getByTestId('error')).toBeVisible();
      await expect(page.getByTestId('result').first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('the check itself finds a serious violation: an unlabelled field', async ({ page }) => {
  await page.goto('/?model=fixture-tiny');
  await expect(page.getByTestId('query')).toBeVisible();
  // The placeholder names a field too (axe's `non-empty-placeholder`), so both go.
  await page.getByTestId('query').evaluate((input) => {
    input.removeAttribute('aria-label');
    input.removeAttribute('placeholder');
  });
  expect(await seriousViolations(page)).toEqual([expect.stringMatching(/^label: /)]);
});

test.describe('axe, phone width in dark mode', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', locale: 'zh-TW' });

  test('results and the document viewer', async ({ page }) => {
    await withResults(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('show-in-context').first().click();
    await expect(page.getByTestId('viewer')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

for (const locale of ['en-US', 'zh-CN']) {
  test.describe(`axe, the inspector, ${locale}`, () => {
    test.use({ locale });

    test('pipeline view, presentation mode, embedding map and device lab', async ({ page }) => {
      test.setTimeout(400_000);
      const inspector = await openInspected(page, 'fixture-tiny');
      await expect(inspector.getByTestId('inspector-step')).toHaveCount(8);
      await expect(inspector.locator('[data-stage="render"]')).toHaveCount(1);
      expect(await seriousViolations(page), 'pipeline view').toEqual([]);

      await inspector.locator('.presentation-bar button').click();
      await expect(inspector.getByTestId('presentation-bar')).toBeVisible();
      expect(await seriousViolations(page), 'presentation mode').toEqual([]);
      await page.keyboard.press('Escape');

      const tabs = inspector.getByRole('tab');
      await tabs.nth(1).click();
      const map = inspector.getByTestId('inspector-map');
      await expect(map).toHaveAttribute('data-query-point', '1');
      expect(await seriousViolations(page), 'embedding map').toEqual([]);

      if (locale === 'en-US') await runLab(page);
      else await tabs.nth(2).click();
      await expect(inspector.getByTestId('device-lab')).toBeVisible();
      expect(await seriousViolations(page), 'device lab').toEqual([]);
    });
  });
}

test.describe('axe, the inspector at phone width in dark mode', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', locale: 'zh-TW' });

  test('pipeline view and presentation mode', async ({ page }) => {
    test.setTimeout(400_000);
    const inspector = await openInspected(page, 'fixture-tiny');
    await expect(inspector.locator('[data-stage="render"]')).toHaveCount(1);
    expect(await seriousViolations(page), 'pipeline view').toEqual([]);
    await inspector.locator('.presentation-bar button').click();
    await expect(inspector.getByTestId('presentation-bar')).toBeVisible();
    expect(await seriousViolations(page), 'presentation mode').toEqual([]);
  });
});
