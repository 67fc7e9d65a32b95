import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const ROOT = new URL('../../', import.meta.url).pathname;
const QUERIES = readFileSync(join(ROOT, 'tests/fixtures/eval/dev-queries.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { query: string }).query);

/**
 * The index `npm run build-index` writes for the bundled corpus with the tiny test model, in fp32: q8's
 * dynamic quantisation can round differently in onnxruntime-node and onnxruntime-web, enough to swap near-tied
 * passages (seen: two passages of one article swapped), so the exact comparison runs both sides at fp32.
 */
function buildWithCli(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'cli-index-')), 'corpus.ossindex');
  const corpus = readdirSync(join(ROOT, 'public/corpus'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(ROOT, 'public/corpus', name));
  execFileSync(
    'npx',
    ['tsx', 'scripts/build-index.ts', ...corpus, '--model', 'fixture-tiny', '--dtype', 'fp32', '--out', out],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  return out;
}

/** For each dev query: the top three results as `source · passage text`. */
async function topResults(page: Page): Promise<string[][]> {
  const answers: string[][] = [];
  for (const query of QUERIES) {
    await page.getByTestId('query').fill(query);
    await expect(page.getByTestId('timing')).toHaveAttribute('data-query', query);
    await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
    answers.push(
      await page
        .getByTestId('result')
        .evaluateAll((items) =>
          items
            .slice(0, 3)
            .map(
              (item) =>
                `${item.getAttribute('data-source')} · ${item.querySelector('.passage')?.textContent}`,
            ),
        ),
    );
  }
  return answers;
}

test('the CLI’s index, imported, answers the dev queries exactly as the index the browser built', async ({
  page,
}) => {
  const cliIndex = buildWithCli();
  await page.goto('/?model=fixture-tiny&dtype=fp32');
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  const builtInBrowser = await topResults(page);
  expect(builtInBrowser.every((top) => top.length > 0)).toBe(true);

  await page.getByTestId('data-panel').locator('summary').click();
  await page.getByTestId('clear-all').click();
  await page.getByTestId('confirm-clear').click();
  await expect(status).toContainText('0 documents · 0 passages');
  await page.getByTestId('import-index').setInputFiles(cliIndex);
  await expect(page.getByTestId('data-message')).toContainText('nothing was embedded again');
  await expect(status).toHaveAttribute('data-index-phase', 'ready');
  await expect(status).toHaveAttribute('data-embedded', '0');
  expect(await topResults(page)).toEqual(builtInBrowser);
});
