/**
 * PDF → pages of text with pdf.js, loaded on first use. pdf.js runs in the calling thread (its "fake
 * worker"): the caller is already the app's worker, or Node.
 */
import type { SectionedDocument } from '../core/ingest';
import { IngestError } from '../core/text/decode';
import { unifyRadicals, unwrapLines } from '../core/text/layout';
import type { PdfAssets } from './pdf-assets';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoading: Promise<PdfJs> | undefined;

/** Loads pdf.js and its worker code once; the worker code is used in this thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

/**
 * A page's text: pieces joined, a line break wherever pdf.js marks the end of a line, lines wrapped by
 * the layout joined again, radical look-alikes replaced by the characters they stand for.
 */
function pageText(items: TextPiece[]): string {
  return unifyRadicals(
    unwrapLines(items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('')),
  );
}

function refusal(error: unknown, source: string): IngestError {
  if (error instanceof IngestError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new IngestError('encrypted', source);
  return new IngestError('corrupt', source, 'the PDF is damaged or truncated and cannot be read');
}

/**
 * Reads a PDF page by page (`getTextContent`), one section per page with its 1-based number, so every
 * passage knows its page. Evaluation stays off (`isEvalSupported: false`, the CSP forbids it).
 *
 * @throws {IngestError} `scanned` when no page has a text layer, `encrypted` when a password is needed,
 * `corrupt` for a damaged or truncated file.
 * @example
 * const doc = await extractPdf(bytes, '年报.pdf', { cMapUrl: '/pdfjs/cmaps/', standardFontDataUrl: '/pdfjs/standard_fonts/' });
 * doc.sections[0]; // { text: '…', page: 1 }
 */
export async function extractPdf(
  bytes: Uint8Array,
  source: string,
  assets: PdfAssets,
): Promise<SectionedDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...assets,
  });
  try {
    const pdf = await task.promise;
    const sections = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      sections.push({ text: pageText(content.items as TextPiece[]), page });
    }
    if (sections.every((section) => section.text.trim() === '')) throw new IngestError('scanned', source);
    const raw = sections.map((section) => `— ${section.page} —\n${section.text}`).join('\n\n');
    return { source, encoding: 'pdf', sections, raw };
  } catch (error) {
    throw refusal(error, source);
  } finally {
    await task.destroy();
  }
}
