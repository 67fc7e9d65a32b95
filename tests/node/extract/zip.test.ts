import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../../src/extract/docx';
import { extractEpub } from '../../../src/extract/epub';
import { MAX_UNZIPPED_BYTES, unzipCapped } from '../../../src/extract/zip';
import { buildEpub } from '../../fixtures/documents/builders';
import { refusalOf } from './helpers';

/** A zip whose one entry inflates to `bytes` zeros (about 1,000 : 1), written in 1 MB pieces. */
function zeroBomb(name: string, bytes: number, extra: Record<string, string> = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [file, text] of Object.entries(extra)) {
    const entry = new ZipDeflate(file);
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  const entry = new ZipDeflate(name, { level: 1 });
  zip.add(entry);
  const megabyte = new Uint8Array(1024 * 1024);
  for (let left = bytes; left > 0; left -= megabyte.length)
    entry.push(megabyte.subarray(0, Math.min(left, megabyte.length)), left <= megabyte.length);
  zip.end();
  return new Uint8Array(Buffer.concat(chunks));
}

describe('unzipCapped', () => {
  it('returns the kept entries', () => {
    const files = unzipCapped(zipSync({ 'a.txt': strToU8('甲'), 'b.txt': strToU8('乙') }), 'x.zip', {
      keep: (n) => n === 'b.txt',
    });
    expect([...files.keys()]).toEqual(['b.txt']);
    expect(new TextDecoder().decode(files.get('b.txt'))).toBe('乙');
  });

  it('stops a zip bomb at the cap, counting what really inflates', async () => {
    const bomb = zeroBomb('big.bin', 3 * 1024 * 1024);
    const error = await refusalOf(() => unzipCapped(bomb, 'bomb.zip', { maxBytes: 2 * 1024 * 1024 }));
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe('bomb.zip: the archive unpacks to more than 2 MB (a zip bomb?)');
  });

  it('refuses a DOCX that unpacks past the default cap before mammoth reads it', async () => {
    const bomb = zeroBomb('word/media/fill.bin', MAX_UNZIPPED_BYTES + 1024 * 1024, {
      'word/document.xml': '<w:document/>',
    });
    const error = await refusalOf(extractDocx(bomb, 'bomb.docx'));
    expect(error.message).toBe('bomb.docx: the archive unpacks to more than 200 MB (a zip bomb?)');
  });

  it('refuses an EPUB bomb too', async () => {
    const bomb = zeroBomb('OEBPS/fill.xhtml', 2 * 1024 * 1024);
    expect((await refusalOf(() => unzipCapped(bomb, 'bomb.epub', { maxBytes: 1024 * 1024 }))).reason).toBe(
      'too-large',
    );
    expect((await refusalOf(() => extractEpub(bomb.slice(0, 100), 'bomb.epub'))).reason).toBe('corrupt');
  });

  it('refuses bytes that are not a zip', async () => {
    expect((await refusalOf(() => unzipCapped(strToU8('just text'), 'x.epub'))).reason).toBe('corrupt');
    expect(unzipCapped(buildEpub(), 'ok.epub').size).toBeGreaterThan(0);
  });
});
