/**
 * Shared steps of the inspector's browser tests.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The query the inspector tests trace. */
export const QUERY = '阿里已经开源了多少款模型';

/** Opens the app with the inspector on {@link QUERY} and waits for the index. */
export async function openInspected(page: Page, model: string, extra = '') {
  await page.goto(`/?model=${model}&q=${encodeURIComponent(QUERY)}&inspect=1${extra}`);
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 400_000 });
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toBeVisible();
  return inspector;
}

/** Runs the device lab for batch 1 × 64 tokens only and waits until it can be saved. */
export async function runLab(page: Page) {
  const inspector = page.getByTestId('inspector');
  await inspector.getByRole('tab', { name: 'Device lab' }).click();
  const lab = inspector.getByTestId('device-lab');
  for (const name of ['batch-8', 'batch-32', 'tokens-256', 'tokens-512'])
    await lab.locator(`input[name="${name}"]`).uncheck();
  await lab.getByRole('button', { name: 'Run the device lab' }).click();
  await expect(lab.getByRole('link', { name: 'Save CSV' })).toBeVisible({ timeout: 400_000 });
  return lab;
}
