/**
 * Where pdf.js finds its character maps and standard fonts.
 */

/** Where pdf.js finds its CJK character maps and standard fonts: URLs in a browser, folders in Node. */
export interface PdfAssets {
  /** Folder of the packed Adobe CMaps (`pdfjs-dist/cmaps/`), with a trailing slash. */
  cMapUrl: string;
  /** Folder of the standard font data (`pdfjs-dist/standard_fonts/`), with a trailing slash. */
  standardFontDataUrl: string;
  /**
   * Fetch the files with `fetch` in this thread (pdf.js's `useWorkerFetch`). Needed in a Web Worker: pdf.js's
   * other browser path resolves URLs against `document`, which a worker lacks, so a PDF that names a
   * predefined CMap (most Chinese office PDFs) would read as having no text. Off in Node (files on disk).
   */
  useWorkerFetch?: boolean;
}

/** URL path the app serves pdf.js's assets under (`scripts/vite-pdfjs-assets.ts`). */
export const PDFJS_ASSET_BASE = '/pdfjs/';

/** The assets as the app's worker finds them: on the app's own origin, fetched from the worker. */
export const BROWSER_PDF_ASSETS: PdfAssets = {
  cMapUrl: `${PDFJS_ASSET_BASE}cmaps/`,
  standardFontDataUrl: `${PDFJS_ASSET_BASE}standard_fonts/`,
  useWorkerFetch: true,
};
