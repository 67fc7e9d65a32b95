/**
 * The teaching inspector in Chromium with the test models: every pipeline step from the live run, token ids
 * equal to the tokenizer's, a 512-cell vector, a waterfall that adds up, the embedding map and the device lab.
 */
import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import { STAGES } from '../../src/core/inspect/stages';
import { bertTokenizerFiles } from '../../src/core/tokenize/bert-tokenizer';
import { findModel } from '../../src/embed/registry';
import { expect, test } from './fixtures';
import { QUERY, openInspected, runLab } from './inspector-helpers';

test('the inspector traces the live query step by step, maps the passages and measures the device', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const inspector = await openInspected(page, 'fixture-small-zh');
  const steps = inspector.getByTestId('inspector-step');
  await expect(steps).toHaveCount(8);
  expect(await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-step')))).toEqual([
    'normalise',
    'tokenise',
    'tensors',
    'vector',
    'dense',
    'keyword',
    'fusion',
    'waterfall',
  ]);
  await expect(inspector.getByTestId('inspector-test-model')).toContainText('matches shared characters');

  const instruction = findModel('fixture-small-zh')!.queryInstruction;
  const files = bertTokenizerFiles(readFileSync('public/tokenizer/bert-base-chinese-vocab.txt', 'utf8'));
  const expected = new Tokenizer(files.tokenizer, files.config).encode(instruction + QUERY).ids;
  const ids = await inspector
    .getByTestId('inspector-token')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-token-id'))));
  expect(ids).toEqual(expected);
  await expect(inspector.getByTestId('inspector-token').first()).toHaveAttribute('data-kind', 'cls');
  await expect(inspector.getByTestId('inspector-token').last()).toHaveAttribute('data-kind', 'sep');
  await expect(inspector.getByTestId('inspector-model-text').locator('.instruction')).toHaveText(instruction);

  const vector = inspector.getByTestId('inspector-vector');
  await expect(vector).toHaveAttribute('data-dims', '512');
  await expect(vector.locator('.vector-cell')).toHaveCount(512);
  await expect(inspector.getByTestId('inspector-tensors')).toContainText('input_ids');
  await expect(inspector.getByTestId('inspector-model-card')).toContainText('512');

  const stages = inspector.getByTestId('inspector-stage');
  await expect(inspector.locator('[data-testid="inspector-stage"][data-stage="render"]')).toHaveCount(1);
  const names = await stages.evaluateAll((els) => els.map((el) => el.getAttribute('data-stage')));
  expect(names).toEqual([...STAGES]);
  const sum = (await stages.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-ms'))))).reduce(
    (a, b) => a + b,
  );
  const total = Number(await inspector.getByTestId('inspector-total').getAttribute('data-ms'));
  expect(total).toBeGreaterThan(0);
  expect(Math.abs(sum - total) / total).toBeLessThanOrEqual(0.1);

  // "Why this result" opens the fusion step with that passage's row marked.
  await page.getByTestId('why').first().click();
  await expect(page.getByTestId('why-panel')).toContainText('Fused score');
  await expect(inspector.getByTestId('inspector-fusion').locator('tr.focus')).toHaveCount(1);

  // The embedding map: one point per passage plus the query, with PCA and with UMAP.
  await expect(inspector.getByTestId('inspector-vector')).toBeVisible();
  const passages = Number(await page.getByTestId('status').getAttribute('data-passages'));
  await inspector.getByRole('tab', { name: 'Embedding map' }).click();
  const map = inspector.getByTestId('inspector-map');
  await expect(map).toHaveAttribute('data-query-point', '1');
  await expect(map).toHaveAttribute('data-points', String(passages + 1));
  await map.getByLabel('UMAP').check();
  await expect(map).toHaveAttribute('data-method', 'umap');
  await expect(map).toHaveAttribute('data-query-point', '1', { timeout: 60_000 });

  // The device lab on WASM, one thread and all threads.
  const lab = await runLab(page);
  const rows = lab.getByTestId('device-lab-row');
  const threads = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-threads')));
  expect(threads[0]).toBe('1');
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-device', 'wasm');
    await expect(row).toHaveAttribute('data-batch', '1');
    await expect(row).toHaveAttribute('data-seq', '64');
    expect(Number(await row.getAttribute('data-ms'))).toBeGreaterThan(0);
  }
  await expect(lab.getByTestId('device-lab-peak').first()).toContainText('GFLOP/s');
});
