import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/extract';
import { NODE_PDF_ASSETS } from '../../../scripts/build-index/pdf-assets';
import { realTokenCounter } from '../../core/text/fixtures';
import { buildDocx, buildEpub } from '../../fixtures/documents/builders';
import { EPUB_CHAPTERS, EPUB_TITLE } from '../../fixtures/documents/content';
import { chinesePdf, refusalOf } from './helpers';

const count = realTokenCounter();

describe('ingestFile', () => {
  it('gives every PDF passage its page, never spanning two, with the pages’ spans in the document', async () => {
    const { document, passages } = await ingestFile(
      { bytes: chinesePdf(), source: '三页.pdf' },
      count,
      NODE_PDF_ASSETS,
    );
    expect(document.encoding).toBe('pdf');
    expect(document.pages?.map((p) => p.page)).toEqual([1, 2, 3]);
    const panda = passages.find((p) => p.text.includes('大熊猫主要生活'));
    expect(panda?.page).toBe(2);
    for (const passage of passages) {
      const page = document.pages?.find((p) => p.page === passage.page);
      expect(passage.start).toBeGreaterThanOrEqual(page?.start ?? -1);
      expect(passage.end).toBeLessThanOrEqual(page?.end ?? -1);
      expect(document.text.slice(passage.start, passage.end)).toBe(passage.text);
    }
  });

  it('keeps EPUB chapters apart: no passage holds text of two chapters', async () => {
    const { document, passages } = await ingestFile(
      { bytes: buildEpub(), source: '西域.epub' },
      count,
      NODE_PDF_ASSETS,
    );
    expect(document.title).toBe(EPUB_TITLE);
    expect(passages).toHaveLength(EPUB_CHAPTERS.length);
    expect(passages.map((p) => p.text)).toEqual(EPUB_CHAPTERS.map((c) => `${c.title}\n${c.text}`));
    expect(passages.every((p) => p.page === undefined)).toBe(true);
  });

  it('reads a DOCX through the same clean and chunk path, titled by its first heading', async () => {
    const { document, passages } = await ingestFile(
      { bytes: buildDocx(), source: '量子.docx' },
      count,
      NODE_PDF_ASSETS,
    );
    expect(document.title).toBe('量子计算简介');
    expect(passages.map((p) => p.text).join('\n')).toContain('量子纠缠');
  });

  it('still reads text files, and refuses an oversized file before looking inside', async () => {
    const text = await ingestFile(
      { bytes: new TextEncoder().encode('你好，世界。'), source: 'a.txt' },
      count,
      NODE_PDF_ASSETS,
    );
    expect(text.document.encoding).toBe('utf-8');
    const huge = { bytes: new Uint8Array(6 * 1024 * 1024), source: 'big.md' };
    expect((await refusalOf(ingestFile(huge, count, NODE_PDF_ASSETS))).reason).toBe('too-large');
  });
});
