import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { expect, test } from './fixtures';
import { openInspected, runLab } from './inspector-helpers';

// Chromium's software WebGPU adapter runs the tiny test model (the full-size one crashes it).
test.use({
  launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] },
});

test('the device lab adds WebGPU rows for the tiny test model', async ({ page }) => {
  test.setTimeout(600_000);
  await openInspected(page, 'fixture-tiny', '&device=wasm');
  const lab = await runLab(page);
  await expect(lab.locator('[data-testid="device-lab-row"][data-device="webgpu"]')).toHaveCount(1);
  await expect(lab.locator('[data-testid="device-lab-row"][data-device="wasm"]').first()).toBeVisible();
});
