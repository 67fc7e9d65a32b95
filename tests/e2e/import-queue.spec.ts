/**
 * The import queue with many small generated files (test model fixture-tiny; searches in keyword mode, so
 * each file's unique word finds exactly that file): cancel keeps what finished; a reload mid-import offers
 * to resume, and resuming (files picked again, or a folder handle read again) ends with
 * every file stored once; a folder imported again offers to remove exactly the document whose file is
 * gone; odd file names are imported and listed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectSearchableOnce, openApp, pathOf, search, smallFiles, textOf, word } from './import-helpers';

/** Files the queue says are done. */
async function doneCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('import-queue').getAttribute('data-done'));
}

/** Sources of the listed documents under `folder/`. */
async function sourcesUnder(page: Page, folder: string): Promise<string[]> {
  return page
    .locator(`[data-testid="document"][data-source^="${folder}/"]`)
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-source') ?? ''));
}

/** Documents the panel's summary counts (the 5 bundled articles included). */
async function documentCount(page: Page): Promise<number> {
  const summary = await page.getByTestId('documents').locator('summary').first().textContent();
  return Number(/Documents \((\d+)\)/.exec(summary ?? '')?.[1]);
}

test('cancel keeps the finished documents searchable and reads no more files', async ({ page }) => {
  test.setTimeout(180_000);
  const count = 200;
  await openApp(page);
  await page.getByTestId('folder-input').setInputFiles(smallFiles('cancelled', count));
  const queue = page.getByTestId('import-queue');
  await expect.poll(() => doneCount(page)).toBeGreaterThan(0);
  await page.getByTestId('import-cancel').click();
  await expect(queue).toHaveAttribute('data-state', 'cancelled');
  await expect(queue).toHaveAttribute('data-in-flight', '0'); // the batch at the worker when cancelled is kept
  await expect(page.getByTestId('import-summary')).toContainText('stay in the library');
  const done = await doneCount(page);
  expect(done).toBeLessThan(count);
  await page.waitForTimeout(1000);
  expect(await doneCount(page)).toBe(done);

  await expectSearchableOnce(page, 'cancelled', [0, done - 1]);
  await search(page, word(count - 1));
  await expect(
    page.locator(`[data-testid="result"][data-source="${pathOf('cancelled', count - 1)}"]`),
  ).toHaveCount(0);
  await expect.poll(() => documentCount(page)).toBe(5 + done);
});

test('a reload mid-import offers to resume; the files picked again finish, each stored once', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const count = 150;
  const folder = smallFiles('reloaded', count);
  await openApp(page);
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect.poll(() => doneCount(page)).toBeGreaterThanOrEqual(8);
  await page.reload();

  const offer = page.getByTestId('import-resume-offer');
  await expect(offer).toContainText(
    new RegExp(`An import of ${count} files was interrupted after \\d+; resume\\?`),
  );
  const before = Number(/after (\d+)/.exec((await offer.textContent()) ?? '')?.[1]);
  expect(before).toBeGreaterThanOrEqual(8);
  await offer.getByTestId('resume-offer-accept').click();
  await expect(offer).toContainText(`the ${before} files already imported are skipped`);
  await offer.getByTestId('resume-folder-input').setInputFiles(folder);

  const queue = page.getByTestId('import-queue');
  await expect(queue).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(queue).toHaveAttribute('data-done', String(count));
  await expect(offer).toHaveCount(0);
  await openApp(page);
  await expect.poll(() => documentCount(page)).toBe(5 + count);
  await expectSearchableOnce(page, 'reloaded', [0, before, count - 1]);

  await page.reload();
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready');
  await expect(offer).toHaveCount(0);
});

test('a folder picked with showDirectoryPicker resumes after a reload from its stored handle', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const count = 120;
  await openApp(page);
  // The folder lives in the origin private file system, whose handle behaves like a picked folder's.
  await page.evaluate(
    async ({ count, texts }) => {
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle('picked', { create: true });
      for (let i = 0; i < count; i++) {
        const handle = await folder.getFileHandle(`f${String(i).padStart(4, '0')}.txt`, { create: true });
        const writable = await handle.createWritable();
        await writable.write(texts[i]!);
        await writable.close();
      }
      window.showDirectoryPicker = async () => folder;
    },
    { count, texts: Array.from({ length: count }, (_, i) => textOf(i)) },
  );
  await page.getByText('Add a folder…').click();
  await expect.poll(() => doneCount(page)).toBeGreaterThanOrEqual(8);
  await page.reload();

  const offer = page.getByTestId('import-resume-offer');
  await expect(offer).toContainText(`An import of ${count} files was interrupted`);
  await offer.getByTestId('resume-offer-accept').click();
  const queue = page.getByTestId('import-queue');
  await expect(queue).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(queue).toHaveAttribute('data-done', String(count));
  await openApp(page);
  await expect.poll(() => documentCount(page)).toBe(5 + count);
  await expectSearchableOnce(page, 'picked', [0, count - 1]);
});

test('importing a folder again offers to remove exactly the document whose file is gone', async ({
  page,
}) => {
  const folder = smallFiles('notes', 4);
  await openApp(page);
  await page.getByTestId('folder-input').setInputFiles(folder);
  const queue = page.getByTestId('import-queue');
  await expect(queue).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('vanished')).toHaveCount(0);

  rmSync(join(folder, 'f0002.txt'));
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(queue).toHaveAttribute('data-total', '3');
  await expect(queue).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('document-messages')).toContainText(
    'notes/f0001.txt: already in the library',
  );
  const vanished = page.getByTestId('vanished-document');
  await expect(vanished).toHaveCount(1);
  await expect(vanished).toHaveAttribute('data-source', 'notes/f0002.txt');
  expect(await sourcesUnder(page, 'notes')).toContain('notes/f0002.txt'); // nothing removed without the click

  await page.getByTestId('vanished-remove').click();
  await expect(page.getByTestId('vanished')).toHaveCount(0);
  await expect
    .poll(() => sourcesUnder(page, 'notes'))
    .toEqual(['notes/f0000.txt', 'notes/f0001.txt', 'notes/f0003.txt'].sort());
  await search(page, word(2));
  await expect(page.locator(`[data-testid="result"][data-source="notes/f0002.txt"]`)).toHaveCount(0);
});

/**
 * A word only odd-named file `i` holds (`zqaaaa`, `zqbbbb`, …): at least four edits from every other file's
 * word, so fuzzy keyword matching cannot rank another file of the test above the one that holds it.
 */
const oddWord = (i: number) => `zq${String.fromCharCode(97 + i).repeat(4)}`;

/** The text of odd-named file `i`: its own word in a short sentence. */
const oddText = (i: number) => `${oddWord(i)} 只在第 ${i} 个文件里出现。\n`;

test('odd file names, duplicates and unsupported files: each listed by name, the rest added', async ({
  page,
}) => {
  const root = join(mkdtempSync(join(tmpdir(), 'odd-')), 'odd names');
  // A path over 255 characters: two folders and a file name of 100 characters each (each under the
  // 255-byte limit of a name on disk).
  const longDir = join(root, 'd'.repeat(100), 'e'.repeat(100));
  mkdirSync(longDir, { recursive: true });
  const files: [path: string, text: string][] = [
    ['with  two  spaces .txt', oddText(0)],
    ['emoji 😀👍🏽 notes.txt', oddText(1)],
    ['שלום עולם مرحبا.txt', oddText(2)],
    [`${'d'.repeat(100)}/${'e'.repeat(100)}/${'f'.repeat(96)}.txt`, oddText(3)],
    ['copy one.txt', oddText(4)],
    ['copy two.txt', oddText(4)],
    ['photo.jpg', 'not an image'],
  ];
  for (const [path, text] of files) writeFileSync(join(root, path), text);
  expect(`odd names/${files[3]![0]}`.length).toBeGreaterThan(255);

  await openApp(page);
  await page.getByTestId('folder-input').setInputFiles(root);
  const queue = page.getByTestId('import-queue');
  await expect(queue).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('import-summary')).toContainText(
    'Added 5 · already in the library 1 · refused 0 · not supported 1',
  );
  const messages = page.getByTestId('document-messages');
  for (const [path] of files.slice(0, 5)) await expect(messages).toContainText(`odd names/${path}: added`);
  await expect(messages).toContainText('odd names/copy two.txt: already in the library');
  await expect(messages.locator('[data-group="unsupported"]')).toHaveText(
    /^odd names\/photo\.jpg: this kind of file is not supported/,
  );
  for (const [i, [path]] of files.slice(0, 4).entries()) {
    await search(page, oddWord(i));
    await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', `odd names/${path}`);
  }
});

test('screenshots of the panel mid-import (SCREENSHOTS=1): desktop, and 390 px in dark mode', async ({
  page,
}) => {
  test.skip(!process.env.SCREENSHOTS, 'screenshots are made on request (SCREENSHOTS=1)');
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.getByTestId('folder-input').setInputFiles(smallFiles('screenshots', 400));
  await expect.poll(() => doneCount(page)).toBeGreaterThan(40);
  await page.getByTestId('import-pause').click();
  await expect(page.getByTestId('import-queue')).toHaveAttribute('data-in-flight', '0');
  await page.getByTestId('import-queue').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/import-queue-desktop.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('import-queue').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/import-queue-phone-dark.png' });
});
