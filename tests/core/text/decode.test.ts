import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, IngestError, MAX_INPUT_BYTES } from '../../../src/core/text/decode';
import { corpusText } from './fixtures';

const encode = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));
const withBom = (text: string, encoding: string): Uint8Array =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM: true }));

function refusal(bytes: Uint8Array, source: string): IngestError {
  try {
    decodeBytes(bytes, source);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('decodeBytes', () => {
  // 000 is traditional Chinese that Big5 can represent; 002 is simplified (GBK only).
  const traditional = corpusText('000');
  const simplified = corpusText('002');

  it('reads a traditional article identically from UTF-8, UTF-8+BOM, UTF-16LE/BE+BOM, GBK and Big5', () => {
    const encodings: Array<[string, Uint8Array]> = [
      ['utf-8', encode(traditional, 'utf8')],
      ['utf-8', withBom(traditional, 'utf8')],
      ['utf-16le', withBom(traditional, 'utf16le')],
      ['utf-16be', withBom(traditional, 'utf16be')],
      ['gb18030', encode(traditional, 'gbk')],
      ['big5', encode(traditional, 'big5')],
    ];
    for (const [expected, bytes] of encodings) {
      const decoded = decodeBytes(bytes, '000.txt');
      expect(decoded.encoding).toBe(expected);
      expect(decoded.text).toBe(traditional);
      expect(decoded.replacements).toBe(0);
    }
  });

  it('reads a simplified article from GBK and GB18030 as GB18030, not Big5', () => {
    for (const encoding of ['gbk', 'gb18030']) {
      const decoded = decodeBytes(encode(simplified, encoding), '002.txt');
      expect(decoded).toEqual({ text: simplified, encoding: 'gb18030', replacements: 0 });
    }
  });

  it('tells GBK from Big5 even for a few words', () => {
    expect(decodeBytes(encode('開源模型', 'big5')).text).toBe('開源模型');
    expect(decodeBytes(encode('开源模型', 'gbk')).text).toBe('开源模型');
  });

  it('reads UTF-16 without a byte-order mark', () => {
    const text = 'Open source 開源 models\n';
    expect(decodeBytes(encode(text, 'utf16le'))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeBytes(encode(text, 'utf16be'))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('reports, never hides, the replacement characters of a slightly damaged GBK file', () => {
    const bytes = encode(simplified, 'gbk');
    bytes[100] = 0xff;
    const decoded = decodeBytes(bytes, '002.txt');
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.replacements).toBeGreaterThan(0);
    expect(decoded.text.match(/\uFFFD/g)?.length).toBe(decoded.replacements);
  });

  it('refuses an empty file', () => {
    const error = refusal(new Uint8Array(0), 'notes.txt');
    expect(error).toMatchObject({ name: 'IngestError', reason: 'empty' });
    expect(error.message).toBe('notes.txt: the file is empty');
    expect(refusal(encode(' \n\t\n', 'utf8'), 'blank.txt').reason).toBe('empty');
  });

  it('refuses binary files: NUL bytes, control characters, known signatures', () => {
    const pdf = refusal(encode('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1'), 'report.pdf');
    expect(pdf).toMatchObject({ name: 'IngestError', reason: 'binary' });
    expect(pdf.message).toBe('report.pdf: looks like a binary file, not text');
    expect(refusal(new Uint8Array([0x68, 0x69, 0x00, 0x01, 0x02, 0x68, 0x69, 0x21]), 'a.bin').reason).toBe(
      'binary',
    );
    const controls = new Uint8Array(200).map((_, i) => (i % 10 === 0 ? 0x01 : 0x61));
    expect(refusal(controls, 'b.dat').reason).toBe('binary');
  });

  it(`refuses files over ${MAX_INPUT_BYTES} bytes`, () => {
    const error = refusal(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), 'huge.txt');
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/^huge\.txt: the file is too large \(5\.0 MB; the limit is 5 MB\)$/);
    expect(() => decodeBytes(new Uint8Array(MAX_INPUT_BYTES).fill(0x61))).not.toThrow();
  });

  it('refuses bytes that no supported encoding reads', () => {
    const bytes = new Uint8Array([...encode('abc ', 'utf8'), ...new Uint8Array(40).fill(0xff)]);
    const error = refusal(bytes, 'weird.txt');
    expect(error.reason).toBe('undecodable');
    expect(error.message).toBe('weird.txt: could not be read as UTF-8, UTF-16, GB18030 (GBK) or Big5 text');
  });
});
