/**
 * Bad input as a user meets it, on one page with the tiny test model: files that are refused say which and
 * why while the rest are added; markup never runs; odd scripts stay searchable; a 10,000-character query
 * answers; damaged or too-new index files are refused and the library is kept. RELIABILITY.md lists each.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { INDEX_FILE_VERSION } from '../../src/core/index-file';
import { expect, test } from './fixtures';

const SENTENCE = '阿里巴巴宣布开源了新的语言模型，研究人员表示这个模型在多个测试中表现出色。';

/** Files to add at once, by name: refused ones with the message the user must read. */
const REFUSED: Record<string, { bytes: Uint8Array; message: string }> = {
  'empty.txt': { bytes: new Uint8Array(), message: 'empty.txt: the file is empty' },
  'photo.txt': {
    bytes: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82),
    message: 'photo.txt: looks like a binary file, not text',
  },
  'mixed.txt': {
    bytes: Uint8Array.from([
      ...Buffer.from(SENTENCE.repeat(3), 'utf8'),
      ...iconv.encode(SENTENCE.repeat(3), 'gbk'),
    ]),
    message: 'mixed.txt: could not be read as UTF-8, UTF-16, GB18030 (GBK) or Big5 text',
  },
};
const HUGE = {
  name: 'huge.txt',
  message: 'huge.txt: the file is too large (50.0 MB; the limit is 5.0 MB)',
};
const ADDED: Record<string, string> = {
  'page.html': `<html><head><style>body{display:none}</style><script>window.__pwned = 'script'</script></head>
<body><p onclick="window.__pwned='onclick'">蓝鲸湖畔研究所发布海洋报告。</p>
<iframe src="javascript:window.__pwned='iframe'">框架</iframe><img src="x" onerror="window.__pwned='onerror'"></body></html>`,
  'notes.md':
    '# 星河铁路\n\n星河铁路开通磁悬浮<script>window.__pwned = "md"</script><b onmouseover="x()">线路</b>。\n',
  'scripts.txt': '紫藤\u200b书院\u200d迎来😀访客👍🏽。\nשלום עולם مرحبا بالعالم 紫藤书院\u202e倒序\u202c。\n',
};

async function writeFiles(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, Uint8Array | string][] = [
    ...Object.entries(REFUSED).map(([name, { bytes }]) => [name, bytes] as [string, Uint8Array]),
    ...Object.entries(ADDED),
    [HUGE.name, new Uint8Array(50 * 1024 * 1024).fill(0x61)],
  ];
  return Promise.all(
    files.map(async ([name, content]) => {
      await writeFile(join(dir, name), content);
      return join(dir, name);
    }),
  );
}

async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('query').fill(query);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-query', query);
}

async function importIndex(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page
    .getByTestId('import-index')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('bad files are refused by name while good ones are added; markup never runs; damaged index files change nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.goto('/?model=fixture-tiny');
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });

  await page.getByTestId('documents').locator('summary').first().click();
  await page.getByTestId('file-input').setInputFiles(await writeFiles(test.info().outputPath('files')));
  const messages = page.getByTestId('document-messages');
  await expect(messages).toContainText(HUGE.message);
  for (const { message } of Object.values(REFUSED)) await expect(messages).toContainText(message);
  for (const name of Object.keys(ADDED)) await expect(messages).toContainText(`${name}: added`);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();

  // Markdown's raw HTML is shown as text, never as elements.
  await search(page, '星河铁路磁悬浮');
  const markdown = page.locator('[data-testid="result"][data-source="notes.md"]');
  await expect(markdown.locator('.passage')).toContainText('<script>window.__pwned = "md"</script>');
  await expect(page.locator('[data-testid="result"] script, [data-testid="result"] b')).toHaveCount(0);
  // Zero-width characters are gone, so the words match; emoji and right-to-left text are kept.
  await search(page, '紫藤书院');
  const scripts = page.locator('[data-testid="result"][data-source="scripts.txt"]');
  await expect(scripts).toHaveCount(1);
  await expect(scripts.locator('.passage')).toContainText(/紫藤书院迎来😀访客👍🏽|مرحبا بالعالم/);
  await search(page, '蓝鲸湖畔研究所');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', 'page.html');
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();

  // A 10,000-character query answers, and the next query still does.
  const longQuery = `${SENTENCE}${'模型'.repeat(5000)}`.slice(0, 10_000);
  await page.getByTestId('query').fill(longQuery);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-query', longQuery, { timeout: 60_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);
  await search(page, '蓝鲸湖畔研究所');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', 'page.html');

  // Index files: not one, cut short, from a newer app. Each is refused and the library stays as it was.
  const passages = await status.getAttribute('data-passages');
  await page.getByTestId('data-panel').locator('summary').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-index').click();
  const exported = await readFile((await (await downloading).path())!);
  const newer = Buffer.from(
    exported
      .toString('latin1')
      .replace(`"version":${INDEX_FILE_VERSION}`, `"version":${INDEX_FILE_VERSION + 1}`),
    'latin1',
  );
  const message = page.getByTestId('data-message');
  for (const [name, buffer, expected] of [
    ['notes.ossindex', Buffer.from('not an index at all'), 'This is not an index file exported by this app.'],
    ['cut.ossindex', exported.subarray(0, exported.length - 100), 'The index file is damaged'],
    ['newer.ossindex', newer, 'This index file was made by a newer version of the app'],
  ] as const) {
    await importIndex(page, name, buffer);
    await expect(message, name).toContainText(expected);
  }
  await expect(status).toHaveAttribute('data-passages', passages ?? '');
  await search(page, '蓝鲸湖畔研究所');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', 'page.html');
});
