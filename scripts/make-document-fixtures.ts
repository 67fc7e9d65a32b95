/**
 * Prints the Chinese multi-page PDF fixture with headless Chromium (real CJK fonts, a real text layer):
 * `npm run make-document-fixtures` writes `tests/fixtures/documents/chinese-3-pages.pdf`, which is
 * committed (about 40 KB) so unit tests need no browser. DOCX, EPUB and the special PDFs are built at
 * test time instead (`tests/fixtures/documents/builders.ts`).
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium';
import { PDF_PAGES } from '../tests/fixtures/documents/content';

const OUT = new URL('../tests/fixtures/documents/chinese-3-pages.pdf', import.meta.url);

const pageHtml = (text: string): string => {
  const [heading, ...body] = text.split('\n');
  return `<section><h1>${heading}</h1>${body.map((p) => `<p>${p}</p>`).join('')}</section>`;
};

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.setContent(
    `<html lang="zh-CN"><style>body{font-family:"Noto Sans CJK SC"}section{break-after:page}</style>` +
      `<body>${PDF_PAGES.map(pageHtml).join('')}</body></html>`,
  );
  writeFileSync(OUT, await page.pdf({ format: 'A5' }));
  console.log(`wrote ${OUT.pathname}`);
} finally {
  await browser.close();
}
