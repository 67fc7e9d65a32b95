/**
 * Bytes of any supported file → an ingested document: text formats through the decoder, PDF, DOCX and
 * EPUB through their extractors (loaded on first use), then the same clean → chunk path.
 */
import type { ChunkOptions } from '../core/chunk/chunk';
import {
  formatFromName,
  isExtractedFormat,
  refusalBeforeReading,
  type ExtractedFormat,
} from '../core/formats';
import {
  ingestDocument,
  ingestSections,
  type IngestedDocument,
  type SectionedDocument,
} from '../core/ingest';
import type { TokenCounter } from '../core/tokenize/bert-tokenizer';
import type { PdfAssets } from './pdf-assets';

export { BROWSER_PDF_ASSETS, type PdfAssets } from './pdf-assets';

/** A file to ingest. */
export interface FileToIngest {
  /** Raw file content. */
  bytes: Uint8Array;
  /** File name; its extension picks the format. */
  source: string;
}

async function extract(
  format: ExtractedFormat,
  file: FileToIngest,
  pdfAssets: PdfAssets,
): Promise<SectionedDocument> {
  if (format === 'pdf') return (await import('./pdf')).extractPdf(file.bytes, file.source, pdfAssets);
  if (format === 'docx') return (await import('./docx')).extractDocx(file.bytes, file.source);
  return (await import('./epub')).extractEpub(file.bytes, file.source);
}

/**
 * Ingests a file of any supported format. Runs in the app's worker and in Node, never on the page.
 *
 * @throws {IngestError} with a message naming the file and what is wrong with it.
 * @example
 * const { document, passages } = await ingestFile({ bytes, source: '年报.pdf' }, count, assets);
 * passages[0].page; // 1
 */
export async function ingestFile(
  file: FileToIngest,
  countTokens: TokenCounter,
  pdfAssets: PdfAssets,
  options?: ChunkOptions,
): Promise<IngestedDocument> {
  const refused = refusalBeforeReading(file.source, file.bytes.length);
  if (refused) throw refused;
  const format = formatFromName(file.source);
  if (format !== undefined && isExtractedFormat(format)) {
    return ingestSections(await extract(format, file, pdfAssets), countTokens, options);
  }
  return ingestDocument({ bytes: file.bytes, source: file.source }, countTokens, options);
}
