/**
 * Steps of the model comparison's browser tests: caching the tiny test model without indexing with it, and
 * comparing the current model with it in the inspector.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { openInspected } from './inspector-helpers';

const MODELS_DIR = fileURLToPath(new URL('../../public/models/', import.meta.url));

/** Stores fixture-tiny from its folder through the model manager: cached, with no vectors embedded yet. */
export async function cacheTinyFromFolder(page: Page) {
  const panel = page.getByTestId('model-manager');
  await panel.locator('summary').click();
  await panel.getByTestId('model-folder').setInputFiles(join(MODELS_DIR, 'fixture-tiny'));
  await expect(panel.locator('[data-testid="model-row"][data-model-id="fixture-tiny"]')).toHaveAttribute(
    'data-cached',
    'true',
  );
  await panel.locator('summary').click();
}

/** Opens the inspector's "Compare models" tab on fixture-small-zh and returns its root. */
export async function openCompare(page: Page) {
  const inspector = await openInspected(page, 'fixture-small-zh');
  await inspector.getByRole('tab', { name: 'Compare models' }).click();
  return inspector.getByTestId('inspector-compare');
}

/** Picks fixture-tiny as the second model and waits until both rankings are shown. */
export async function compareWithTiny(page: Page) {
  const compare = page.getByTestId('inspector-compare');
  await compare.getByTestId('compare-model').selectOption('fixture-tiny');
  await expect(compare).toHaveAttribute('data-phase', 'ready', { timeout: 300_000 });
  await expect(compare).toHaveAttribute('data-overlap', /^\d+$/);
  return compare;
}
