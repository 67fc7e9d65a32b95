import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const GBK_NAME = 'gbk-notes.txt';
const GBK_TEXT =
  '蓝鲸湖畔研究所发布了新的海洋观测报告。研究人员在湖畔设立了十二个观测站，记录水温与盐度的变化。';
const HTML_NAME = 'page.html';
const HTML = `<!doctype html><html><head><title>星河铁路</title><style>.x{color:red}</style></head>
<body><h1>星河铁路</h1><p>星河铁路公司宣布开通磁悬浮线路，全程只需十八分钟。</p>
<script>window.__scriptRan = true; document.title = 'pwned';</script></body></html>`;

async function dropFiles(page: Page, files: { name: string; bytes: number[]; type: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list)
      transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return transfer;
  }, files);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
}

async function search(page: Page, query: string) {
  await page.getByTestId('query').fill(query);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-query', query);
}

test('dropped GBK and HTML files become searchable, scripts never run, deletion sticks across reloads', async ({
  page,
}) => {
  await page.goto('/?model=fixture-tiny');
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });

  await dropFiles(page, [
    { name: GBK_NAME, bytes: [...iconv.encode(GBK_TEXT, 'gbk')], type: 'text/plain' },
    { name: HTML_NAME, bytes: [...Buffer.from(HTML, 'utf8')], type: 'text/html' },
  ]);
  const messages = page.getByTestId('document-messages');
  await expect(messages).toContainText(`${GBK_NAME}: added`);
  await expect(messages).toContainText(`${HTML_NAME}: added`);

  await search(page, '蓝鲸湖畔研究所');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', GBK_NAME);
  await search(page, '星河铁路磁悬浮');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', HTML_NAME);
  await expect(page.getByTestId('result').first()).not.toContainText('__scriptRan');
  expect(await page.evaluate(() => (window as { __scriptRan?: boolean }).__scriptRan)).toBeUndefined();
  await expect(page).not.toHaveTitle('pwned');

  await page.getByTestId('documents').locator('summary').first().click();
  await expect(page.locator(`[data-testid="document"][data-source="${GBK_NAME}"]`)).toContainText('gb18030');
  await page
    .locator(`[data-testid="document"][data-source="${HTML_NAME}"]`)
    .getByTestId('delete-document')
    .click();
  await expect(messages).toContainText(`${HTML_NAME}: deleted`);
  await search(page, '星河铁路磁悬浮');
  await expect(page.locator(`[data-testid="result"][data-source="${HTML_NAME}"]`)).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready');
  await search(page, '蓝鲸湖畔研究所');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', GBK_NAME);
  await search(page, '星河铁路磁悬浮');
  await expect(page.locator(`[data-testid="result"][data-source="${HTML_NAME}"]`)).toHaveCount(0);
});
