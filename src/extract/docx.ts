/**
 * DOCX → text with mammoth: headings and paragraphs become lines, so the chunker keeps them as boundaries.
 */
import type { SectionedDocument } from '../core/ingest';
import { IngestError } from '../core/text/decode';
import { htmlToText } from '../core/text/html';
import { unzipCapped } from './zip';

/** An OLE compound file: what Word writes for a password-protected .docx (and for old .doc files). */
const COMPOUND_FILE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads a Word document: the archive is first inflated with a cap (zip bombs are refused before mammoth
 * sees them), then mammoth converts the body to HTML (headings as `<h1>`…, paragraphs as `<p>`, images
 * dropped), which the app's HTML reducer turns into one line per heading or paragraph.
 *
 * @throws {IngestError} `encrypted` (password-protected), `corrupt` (damaged, truncated, not a DOCX),
 * `too-large` (zip bomb), `empty`.
 * @example
 * const doc = await extractDocx(bytes, '报告.docx'); // { encoding: 'docx', sections: [{ text: '第一章\n…' }] }
 */
export async function extractDocx(bytes: Uint8Array, source: string): Promise<SectionedDocument> {
  if (COMPOUND_FILE_MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw new IngestError(
      'encrypted',
      source,
      'the file is password-protected, or an old .doc file saved as .docx',
    );
  }
  const parts = unzipCapped(bytes, source, { keep: (name) => name === 'word/document.xml' });
  if (!parts.has('word/document.xml'))
    throw new IngestError('corrupt', source, 'not a Word document (no word/document.xml)');
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const input = { arrayBuffer: bytes, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    html = (await mammoth.convertToHtml(input, { convertImage: noImages })).value;
  } catch {
    throw new IngestError('corrupt', source, 'the Word document is damaged and cannot be read');
  }
  const text = htmlToText(html);
  if (text === '') throw new IngestError('empty', source, 'the Word document has no text');
  return { source, encoding: 'docx', sections: [{ text }], raw: text };
}
