/**
 * Turns the bytes of a user's file into text: BOM, strict UTF-8, then GB18030 or Big5 by plausibility.
 */
import { commonHan, isGarbageSymbol, isHan } from './clean/common-chars';

/** Largest file accepted, in bytes (5 MB: far above any article, small enough to clean and embed in a tab). */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** {@link MAX_INPUT_BYTES} in megabytes, as the user reads it. */
export const MAX_INPUT_MB = MAX_INPUT_BYTES / 1024 / 1024;

/** Why a file was refused. */
export type IngestErrorReason =
  'empty' | 'binary' | 'too-large' | 'undecodable' | 'unsupported' | 'corrupt' | 'encrypted' | 'scanned';

/** The figures of a size refusal, in bytes: the file's size (when known) and the limit it passed. */
export interface IngestSize {
  /** The file's size. */
  bytes?: number;
  /** The limit; for an archive (`unpacked`), the limit on what it unpacks to. */
  limit: number;
  /** An archive that unpacks to more than `limit` (a zip bomb?). */
  unpacked?: boolean;
}

/**
 * A file that cannot become a document. `message` names the file and says why in plain English (for the
 * command line); the page shows `reason` and `size` in its own language.
 *
 * @example
 * new IngestError('binary', 'report.pdf').message; // 'report.pdf: looks like a binary file, not text'
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';

  constructor(
    readonly reason: IngestErrorReason,
    readonly source: string,
    detail?: string,
    readonly size?: IngestSize,
  ) {
    super(`${source}: ${detail ?? DEFAULT_DETAIL[reason]}`);
  }
}

const DEFAULT_DETAIL: Record<IngestErrorReason, string> = {
  empty: 'the file is empty',
  binary: 'looks like a binary file, not text',
  'too-large': `the file is too large (the limit is ${MAX_INPUT_MB} MB)`,
  undecodable: 'could not be read as UTF-8, UTF-16, GB18030 (GBK) or Big5 text',
  unsupported: 'this kind of file is not supported',
  corrupt: 'the file is damaged or truncated and cannot be read',
  encrypted: 'the file is password-protected (encrypted); save an unprotected copy and add that',
  scanned: 'no text layer; scanned PDFs are not supported',
};

/**
 * The refusal of a file over {@link MAX_INPUT_BYTES}, naming the file, its size and the limit. Also used by the
 * page, which refuses such files before reading them.
 *
 * @example
 * tooLargeError('huge.txt', 6 * 1024 * 1024).message; // 'huge.txt: the file is too large (6.0 MB; the limit is 5 MB)'
 */
export function tooLargeError(source: string, bytes: number): IngestError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new IngestError(
    'too-large',
    source,
    `the file is too large (${mb} MB; the limit is ${MAX_INPUT_MB} MB)`,
    { bytes, limit: MAX_INPUT_BYTES },
  );
}

/** Result of {@link decodeBytes}. */
export interface DecodedText {
  /** The decoded text, without byte-order mark. */
  text: string;
  /** WHATWG label of the encoding used: `utf-8`, `utf-16le`, `utf-16be`, `gb18030` or `big5`. */
  encoding: string;
  /** Number of undecodable sequences replaced by U+FFFD (0 unless the file is slightly damaged). */
  replacements: number;
}

const MAGIC_NUMBERS: number[][] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // zip, docx, xlsx, epub
  [0x89, 0x50, 0x4e, 0x47], // png
  [0x47, 0x49, 0x46, 0x38], // gif
  [0xff, 0xd8, 0xff], // jpeg
  [0x1f, 0x8b], // gzip
  [0xd0, 0xcf, 0x11, 0xe0], // doc, xls
];

/**
 * Share of unreadable characters (replacement characters, and private-use characters that decoders map
 * unassigned codes to) above which a legacy decoding is refused rather than returned.
 */
const MAX_UNREADABLE_SHARE = 0.01;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** Detects UTF-16 without BOM: ASCII-heavy UTF-16 has NUL in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (pairs < 2) return undefined;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Control characters no text file has: C0 except tab, line feed, form feed, carriage return and ESC; DEL. */
function isBinaryControl(code: number): boolean {
  return (code < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(code)) || code === 0x7f;
}

/** True when the text holds NUL, or binary control characters in more than 0.5% of its first 64K. */
function hasBinaryControls(text: string): boolean {
  const sample = text.slice(0, 65536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (isBinaryControl(code)) controls++;
  }
  return controls > sample.length * 0.005;
}

function countReplacements(text: string): number {
  return text.match(/\uFFFD/g)?.length ?? 0;
}

/**
 * Plausibility of a decoding: frequent CJK characters and punctuation score, rare Han characters and
 * mojibake symbols cost, replacement characters cost most. Higher is better; only compared per input.
 */
function plausibility(text: string): number {
  const common = commonHan();
  let score = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') score -= 10;
    else if (isGarbageSymbol(ch)) score -= 3;
    else if (common.has(ch)) score += 2;
    else if (isHan(ch)) score -= 1;
    else if (/[\u3000-\u303f\uff01-\uff5e]/u.test(ch)) score += 1;
    else if (/[\u0370-\u052f\u3040-\u30ff\u3100-\u31ff]/u.test(ch)) score -= 2;
  }
  return score;
}

function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeKnown(bytes: Uint8Array, encoding: string, source: string): DecodedText {
  const text = decodeStrict(bytes, encoding);
  const name = encoding.toUpperCase();
  if (text === undefined)
    throw new IngestError('undecodable', source, `looks like ${name} but is not valid ${name}`);
  return { text, encoding, replacements: 0 };
}

function decodeUnknown(bytes: Uint8Array, source: string): DecodedText {
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', replacements: 0 };
  const candidates = ['gb18030', 'big5', 'utf-8'].map((encoding) => {
    const text = new TextDecoder(encoding).decode(bytes);
    return { text, encoding, replacements: countReplacements(text), score: plausibility(text) };
  });
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const unreadable = best.replacements + (best.text.match(/[\ue000-\uf8ff]/g)?.length ?? 0);
  if (unreadable > Math.max(1, best.text.length * MAX_UNREADABLE_SHARE)) {
    throw new IngestError('undecodable', source);
  }
  return { text: best.text, encoding: best.encoding, replacements: best.replacements };
}

/**
 * Decodes a text file of unknown encoding. Order: byte-order mark (UTF-8, UTF-16LE/BE), BOM-less UTF-16,
 * strict UTF-8, then whichever of GB18030 (GBK) and Big5 reads most plausibly. A decoding with
 * replacement characters is returned only when they are rare, and then `replacements` says how many.
 *
 * @param source file name used in error messages.
 * @throws {IngestError} `empty`, `too-large`, `binary` or `undecodable`.
 * @example
 * decodeBytes(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])); // { text: '你好', encoding: 'gb18030', replacements: 0 }
 */
export function decodeBytes(bytes: Uint8Array, source = 'input'): DecodedText {
  if (bytes.length === 0) throw new IngestError('empty', source);
  if (bytes.length > MAX_INPUT_BYTES) throw tooLargeError(source, bytes.length);
  if (MAGIC_NUMBERS.some((magic) => startsWith(bytes, magic))) throw new IngestError('binary', source);

  let decoded: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) decoded = decodeKnown(bytes, 'utf-8', source);
  else if (startsWith(bytes, [0xff, 0xfe])) decoded = decodeKnown(bytes, 'utf-16le', source);
  else if (startsWith(bytes, [0xfe, 0xff])) decoded = decodeKnown(bytes, 'utf-16be', source);
  else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) decoded = decodeKnown(bytes, utf16, source);
    else if (bytes.includes(0)) throw new IngestError('binary', source);
    else decoded = decodeUnknown(bytes, source);
  }

  if (hasBinaryControls(decoded.text)) throw new IngestError('binary', source);
  if (decoded.text.trim() === '') throw new IngestError('empty', source, 'the file contains no text');
  return decoded;
}
