import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf';
import { NODE_PDF_ASSETS } from '../../../scripts/build-index/pdf-assets';
import { buildCMapPdf, buildEncryptedPdf, buildScannedPdf } from '../../fixtures/documents/builders';
import { CMAP_PDF_PAGES, PDF_PAGES } from '../../fixtures/documents/content';
import { chinesePdf, refusalOf } from './helpers';

describe('extractPdf', () => {
  it('reads every page of a Chinese PDF in order, each with its 1-based page number', async () => {
    const doc = await extractPdf(chinesePdf(), '三页.pdf', NODE_PDF_ASSETS);
    expect(doc.encoding).toBe('pdf');
    expect(doc.sections.map((s) => s.page)).toEqual([1, 2, 3]);
    PDF_PAGES.forEach((page, i) => expect(doc.sections[i]?.text).toBe(page));
  });

  it('reads Chinese text whose font needs a predefined CMap (UniGB-UCS2-H, no ToUnicode) with pdf.js’s CMaps', async () => {
    const bytes = await buildCMapPdf();
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toContain('/Encoding /UniGB-UCS2-H');
    expect(text).not.toContain('/ToUnicode');
    expect(text).not.toMatch(/\/FontFile/);
    expect(readdirSync(NODE_PDF_ASSETS.cMapUrl)).toContain('UniGB-UCS2-H.bcmap');
    const doc = await extractPdf(bytes, '印刷.pdf', NODE_PDF_ASSETS);
    expect(doc.sections).toEqual(CMAP_PDF_PAGES.map((page, i) => ({ text: page, page: i + 1 })));
  });

  it('cannot read that PDF without the CMaps: the test above depends on them', async () => {
    const noCMaps = { ...NODE_PDF_ASSETS, cMapUrl: `${mkdtempSync(join(tmpdir(), 'no-cmaps-'))}/` };
    const error = await refusalOf(extractPdf(await buildCMapPdf(), '印刷.pdf', noCMaps));
    expect(error.reason).toBe('scanned');
  });

  it('refuses a PDF without a text layer as a scan, not as an empty file', async () => {
    const error = await refusalOf(extractPdf(await buildScannedPdf(), 'scan.pdf', NODE_PDF_ASSETS));
    expect(error.reason).toBe('scanned');
    expect(error.message).toBe('scan.pdf: no text layer; scanned PDFs are not supported');
  });

  it('refuses a password-protected PDF with a clear message', async () => {
    const error = await refusalOf(extractPdf(await buildEncryptedPdf(), 'secret.pdf', NODE_PDF_ASSETS));
    expect(error.reason).toBe('encrypted');
    expect(error.message).toMatch(/^secret\.pdf: the file is password-protected/);
  });

  it('refuses a truncated PDF as damaged', async () => {
    const error = await refusalOf(extractPdf(chinesePdf().slice(0, 4000), 'cut.pdf', NODE_PDF_ASSETS));
    expect(error.reason).toBe('corrupt');
    expect(error.message).toBe('cut.pdf: the PDF is damaged or truncated and cannot be read');
  });

  it('leaves the caller’s bytes intact (pdf.js gets a copy)', async () => {
    const bytes = chinesePdf();
    await extractPdf(bytes, 'a.pdf', NODE_PDF_ASSETS);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});
