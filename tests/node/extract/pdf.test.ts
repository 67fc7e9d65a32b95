import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf';
import { NODE_PDF_ASSETS } from '../../../scripts/build-index/pdf-assets';
import { buildEncryptedPdf, buildScannedPdf } from '../../fixtures/documents/builders';
import { PDF_PAGES } from '../../fixtures/documents/content';
import { chinesePdf, refusalOf } from './helpers';

describe('extractPdf', () => {
  it('reads every page of a Chinese PDF in order, each with its 1-based page number', async () => {
    const doc = await extractPdf(chinesePdf(), '三页.pdf', NODE_PDF_ASSETS);
    expect(doc.encoding).toBe('pdf');
    expect(doc.sections.map((s) => s.page)).toEqual([1, 2, 3]);
    PDF_PAGES.forEach((page, i) => expect(doc.sections[i]?.text).toBe(page));
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
