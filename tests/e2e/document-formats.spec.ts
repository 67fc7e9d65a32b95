import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildCMapPdf, buildDocx, buildEpub } from '../fixtures/documents/builders';
import { TXT_TEXT } from '../fixtures/documents/content';
import { expect, test } from './fixtures';

/** A folder holding a PDF, a DOCX, an EPUB and a TXT (in a subfolder) and one unsupported file. */
function documentFolder(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'docs-')), '资料');
  mkdirSync(join(root, 'more'), { recursive: true });
  copyFileSync(new URL('../fixtures/documents/chinese-3-pages.pdf', import.meta.url), join(root, '三页.pdf'));
  writeFileSync(join(root, '量子.docx'), buildDocx());
  writeFileSync(join(root, '西域.epub'), buildEpub());
  writeFileSync(join(root, 'more', '航天.txt'), TXT_TEXT);
  return root;
}

async function search(page: Page, query: string) {
  await page.getByTestId('query').fill(query);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-query', query);
}

test('a picked folder of PDF, DOCX, EPUB and TXT becomes searchable; the PDF hit shows and opens its page', async ({
  page,
}) => {
  await page.goto('/?model=fixture-tiny');
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  await page.getByTestId('documents').locator('summary').first().click();
  await page.getByTestId('folder-input').setInputFiles(documentFolder());

  const messages = page.getByTestId('document-messages');
  for (const name of ['资料/三页.pdf', '资料/量子.docx', '资料/西域.epub', '资料/more/航天.txt']) {
    await expect(messages).toContainText(`${name}: added`);
  }
  await expect(page.locator('[data-testid="document"][data-source="资料/三页.pdf"]')).toContainText(
    'pdf · 3 pages',
  );

  const expected: [query: string, source: string][] = [
    ['量子纠缠', '资料/量子.docx'],
    ['敦煌莫高窟壁画', '资料/西域.epub'],
    ['嫦娥探测器月球背面', '资料/more/航天.txt'],
  ];
  for (const [query, source] of expected) {
    await search(page, query);
    await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', source);
  }

  await search(page, '大熊猫吃竹子');
  const hit = page.getByTestId('result').first();
  await expect(hit).toHaveAttribute('data-source', '资料/三页.pdf');
  await expect(hit).toHaveAttribute('data-page', '2');
  await expect(hit.getByTestId('result-page')).toHaveText('· page 2');
  await hit.getByRole('button', { name: 'Show in context' }).click();
  const viewer = page.getByTestId('viewer');
  await expect(viewer.getByTestId('viewer-page')).toHaveText(/Page 2 of 3/);
  await expect(viewer.getByTestId('context-passage')).toContainText('大熊猫');
  await expect(viewer.getByTestId('cleaned-text')).not.toContainText('长城');
});

test('a Chinese PDF whose font needs a predefined CMap is read with the CMaps of the app’s own origin', async ({
  page,
  context,
}) => {
  // CMap files fetched by the app (its worker runs pdf.js), not the service worker's precache downloads.
  const cmaps: string[] = [];
  context.on('request', (request) => {
    if (!request.serviceWorker() && request.url().endsWith('.bcmap')) cmaps.push(request.url());
  });
  await page.goto('/?model=fixture-tiny');
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  await page.getByTestId('documents').locator('summary').first().click();
  const folder = join(mkdtempSync(join(tmpdir(), 'cmap-')), '印刷');
  mkdirSync(folder);
  writeFileSync(join(folder, '印刷.pdf'), await buildCMapPdf());
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.getByTestId('document-messages')).toContainText('印刷/印刷.pdf: added');

  await search(page, '毕昇泥活字');
  const hit = page.getByTestId('result').first();
  await expect(hit).toHaveAttribute('data-source', '印刷/印刷.pdf');
  await expect(hit).toHaveAttribute('data-page', '2');
  const origin = new URL(page.url()).origin;
  expect(cmaps).toContain(`${origin}/pdfjs/cmaps/UniGB-UCS2-H.bcmap`);
  expect(cmaps.filter((url) => !url.startsWith(`${origin}/pdfjs/cmaps/`))).toEqual([]);
});
