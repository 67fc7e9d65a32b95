/**
 * pdf.js's character maps and standard fonts in Node: the folders of the installed `pdfjs-dist`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfAssets } from '../../src/extract/pdf-assets.ts';

/** The installed `pdfjs-dist` folder. */
export const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Asset folders for `extractPdf` when running in Node (pdf.js reads them from disk there). */
export const NODE_PDF_ASSETS: PdfAssets = {
  cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
  standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
};
