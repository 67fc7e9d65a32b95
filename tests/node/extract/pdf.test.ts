import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf';
import { NODE_PDF_ASSETS, PDFJS_DIR } from '../../../scripts/build-index/pdf-assets';
import { BROWSER_PDF_ASSETS, PDFJS_ASSET_BASE } from '../../../src/extract/pdf-assets';
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

  it('fetches the CMaps over HTTP from the app’s asset path, as the app’s worker does', async () => {
    // A stand-in for the app's origin serving pdfjs-dist's files under /pdfjs/, recording every request.
    const requested: string[] = [];
    const server = createServer((request, response) => {
      const path = request.url ?? '';
      requested.push(path);
      if (!path.startsWith(PDFJS_ASSET_BASE)) return response.writeHead(404).end();
      try {
        response.end(readFileSync(join(PDFJS_DIR, path.slice(PDFJS_ASSET_BASE.length))));
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const assets = {
        ...BROWSER_PDF_ASSETS,
        cMapUrl: `${origin}${BROWSER_PDF_ASSETS.cMapUrl}`,
        standardFontDataUrl: `${origin}${BROWSER_PDF_ASSETS.standardFontDataUrl}`,
      };
      const doc = await extractPdf(await buildCMapPdf(), '印刷.pdf', assets);
      expect(doc.sections.map((section) => section.text)).toEqual(CMAP_PDF_PAGES);
    } finally {
      server.close();
    }
    expect(requested).toContain('/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
    expect(requested.filter((path) => !path.startsWith('/pdfjs/cmaps/'))).toEqual([]);
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
