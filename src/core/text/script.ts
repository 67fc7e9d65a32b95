/**
 * Script normalisation: simplified/traditional Chinese conversion (opencc-js) and the normal forms
 * used to match text (search, highlighting) and to judge relevance (evaluation).
 *
 * Conversion uses OpenCC's Taiwan configurations (`tw2s`, `s2tw`). Their dictionaries never change the
 * number of code points (the phrase variants `tw2sp`/`s2twp`, which do, are deliberately not used), so
 * the i-th code point of a conversion corresponds to the i-th code point of its input. That is what
 * lets {@link normalizeWithOffsets} map every normalised character back to the original text.
 */
import { ConverterBuilder, type ConverterFunction } from 'opencc-js/core';
import * as toSimplifiedPreset from 'opencc-js/preset/t2cn';

let simplifier: ConverterFunction | undefined;
let traditionalizer: Promise<ConverterFunction> | undefined;
let graphemes: Intl.Segmenter | undefined;

/**
 * Converts traditional Chinese to simplified (OpenCC `tw2s`: Taiwan variants first, then characters and
 * phrases, so `接著` becomes `接着` while `著名` stays). Length in code points is preserved.
 * The converter is built on first use.
 *
 * @example
 * toSimplified('北京AI相關社會融資'); // '北京AI相关社会融资'
 */
export function toSimplified(text: string): string {
  simplifier ??= ConverterBuilder(toSimplifiedPreset)({ from: 'tw', to: 'cn' });
  return simplifier(text);
}

/**
 * Loads the simplified→traditional converter, Taiwan glyphs (OpenCC `s2tw`). Taiwan rather than Hong
 * Kong because the corpus' traditional articles use Taiwan forms (為, 眾, 說, 裡): a tw2s→s2tw round trip
 * of them differs in fewer characters than the HK or OpenCC-standard variants. Its dictionary (about 1 MB)
 * is imported on first use only, so start-up does not pay for it.
 *
 * @example
 * const toTraditional = await traditionalConverter();
 * toTraditional('开源模型'); // '開源模型'
 */
export function traditionalConverter(): Promise<ConverterFunction> {
  traditionalizer ??= import('opencc-js/preset/cn2t').then((preset) =>
    ConverterBuilder(preset)({ from: 'cn', to: 'tw' }),
  );
  return traditionalizer;
}

/** Normalised text and, for each of its UTF-16 units, the range of the original text it came from. */
export interface MappedText {
  /** The normalised text, identical to `normalizeForMatch(original)`. */
  text: string;
  /** `starts[i]` is where the original text of `text[i]` starts (UTF-16 offset). */
  starts: number[];
  /** `ends[i]` is where the original text of `text[i]` ends (exclusive). */
  ends: number[];
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

/** NFKC per code point, or per grapheme cluster when NFKC composes across code points (e + ◌́). */
function nfkcPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const char of text) {
    pieces.push({ text: char.normalize('NFKC'), start: offset, end: offset + char.length });
    offset += char.length;
  }
  if (pieces.map((p) => p.text).join('') === text.normalize('NFKC')) return pieces;
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text), ({ segment, index }) => ({
    text: segment.normalize('NFKC'),
    start: index,
    end: index + segment.length,
  }));
}

/**
 * Normalises text for matching (NFKC, traditional→simplified, lower case) and records where every
 * normalised UTF-16 unit came from, so matches found in the normalised text can be highlighted in the
 * original. If conversion ever changed the number of code points, each code point is converted alone.
 *
 * @example
 * const m = normalizeWithOffsets('Ｑwen 開源');
 * m.text; // 'qwen 开源'
 * m.starts[5]; // 5 (开 comes from 開 at offset 5)
 */
export function normalizeWithOffsets(original: string): MappedText {
  const chars: string[] = [];
  const from: Piece[] = [];
  for (const piece of nfkcPieces(original)) {
    for (const char of piece.text) {
      chars.push(char);
      from.push(piece);
    }
  }
  let converted = Array.from(toSimplified(chars.join('')));
  if (converted.length !== chars.length) converted = chars.map((char) => toSimplified(char));
  const mapped: MappedText = { text: '', starts: [], ends: [] };
  const parts: string[] = [];
  converted.forEach((char, i) => {
    const source = from[i];
    if (source === undefined) return;
    const lower = char.toLowerCase();
    parts.push(lower);
    for (let u = 0; u < lower.length; u++) {
      mapped.starts.push(source.start);
      mapped.ends.push(source.end);
    }
  });
  mapped.text = parts.join('');
  return mapped;
}

/**
 * Normal form for search and highlighting: NFKC, traditional→simplified (`tw2s`), lower case.
 * Whitespace is kept, so word boundaries survive.
 *
 * @example
 * normalizeForMatch('PP-OCRv5，僅0.07B參數'); // 'pp-ocrv5,仅0.07b参数'
 */
export function normalizeForMatch(text: string): string {
  return normalizeWithOffsets(text).text;
}

/**
 * Normal form of the evaluation's relevance rule: NFKC, traditional→simplified, all whitespace removed
 * (case is kept, as the rule says nothing about it).
 *
 * @example
 * normalizeForRelevance('單日 3% 的下跌'); // '单日3%的下跌'
 */
export function normalizeForRelevance(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(/\s+/gu, '');
}
