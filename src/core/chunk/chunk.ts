/**
 * Packs sentences into passages that fit the embedding model.
 */
import { MAX_MODEL_TOKENS, type TokenCounter } from '../tokenize/bert-tokenizer';
import { splitSentences } from './sentences';
import { splitOversized } from './split-long';

/**
 * Default passage size in tokens, [CLS] and [SEP] included: about 250 Chinese characters or 180 English
 * words. Short enough that a passage stays on one point (a sharper embedding, a snippet that can be read
 * at a glance), long enough to carry the context a sentence needs to be understood; and well under the
 * 512-token limit, so a long sentence still fits next to its neighbours.
 */
export const DEFAULT_TARGET_TOKENS = 256;

/** Longest passage in characters, whatever its token count (a 4,000-letter "word" is one [UNK] token). */
export const MAX_CHUNK_CHARS = 4096;

/** A passage of a text. */
export interface Chunk {
  /** `text.slice(start, end)` of the chunked text. */
  text: string;
  /** Start offset (UTF-16 code units). */
  start: number;
  /** End offset, exclusive. */
  end: number;
  /** Token count by the counter given, [CLS] and [SEP] included. */
  tokens: number;
}

/** Sizes for {@link chunkText}. */
export interface ChunkOptions {
  /** Packing target in tokens; a single sentence may exceed it. Default {@link DEFAULT_TARGET_TOKENS}. */
  targetTokens?: number;
  /** Hard limit in tokens, never exceeded. Default `MAX_MODEL_TOKENS` (512). */
  maxTokens?: number;
  /** Hard limit in characters. Default {@link MAX_CHUNK_CHARS}. */
  maxChars?: number;
}

interface Unit {
  start: number;
  end: number;
  /** Tokens without [CLS]/[SEP]. */
  tokens: number;
}

/** Longest line taken as a heading, in UTF-16 units. */
const MAX_HEADING = 40;

/** A whole short line that does not end like a sentence: `01`, `開閉源之爭出現新轉折點`, `必然的選擇:`. */
function isHeading(text: string, unit: Unit | undefined): boolean {
  if (!unit || unit.end - unit.start > MAX_HEADING) return false;
  const wholeLine = (unit.start === 0 || text[unit.start - 1] === '\n') && (text[unit.end] ?? '\n') === '\n';
  return wholeLine && !/[。！？!?；;…,，.、]$/.test(text.slice(unit.start, unit.end));
}

function sentenceUnits(text: string, count: TokenCounter, maxTokens: number, maxChars: number): Unit[] {
  const units: Unit[] = [];
  for (const sentence of splitSentences(text)) {
    const tokens = count(text.slice(sentence.start, sentence.end));
    const fits = tokens <= maxTokens && sentence.end - sentence.start <= maxChars;
    const pieces = fits
      ? [sentence]
      : splitOversized(text, sentence, {
          countTokens: count,
          limit: maxTokens,
          maxChars,
          spanTokens: tokens,
        });
    for (const piece of pieces) {
      const pieceTokens = fits ? tokens : count(text.slice(piece.start, piece.end));
      units.push({ ...piece, tokens: Math.max(0, pieceTokens - 2) });
    }
  }
  return units;
}

/**
 * Splits cleaned text into passages on paragraph and sentence boundaries (see `splitSentences`),
 * packing consecutive sentences up to `targetTokens`, with the last sentence of a passage repeated at
 * the start of the next (unless it is longer than half the target, would push the next passage over the
 * limit, or a heading follows). A passage more than half full stops before a heading line, and none ends
 * on one: the heading opens the next passage. A sentence is cut only when it alone exceeds `maxTokens`
 * or `maxChars`. Token counts are summed per sentence, then every passage is counted once to verify it:
 * `tokens <= maxTokens` always. Passages are `text.slice(start, end)`, in order, and cover every
 * non-whitespace character.
 *
 * @example
 * const count = createTokenCounter(vocabText);
 * chunkText('第一句。第二句。', count); // [{ text: '第一句。第二句。', start: 0, end: 8, tokens: 10 }]
 */
export function chunkText(text: string, countTokens: TokenCounter, options: ChunkOptions = {}): Chunk[] {
  const maxTokens = options.maxTokens ?? MAX_MODEL_TOKENS;
  const target = Math.min(options.targetTokens ?? DEFAULT_TARGET_TOKENS, maxTokens);
  const maxChars = options.maxChars ?? MAX_CHUNK_CHARS;
  if (maxTokens < 3 || maxChars < 2)
    throw new RangeError('chunkText: maxTokens must be ≥ 3 and maxChars ≥ 2');

  const units = sentenceUnits(text, countTokens, maxTokens, maxChars);
  const startOf = (i: number): number => units[i]?.start ?? 0;
  const endOf = (i: number): number => units[i]?.end ?? 0;
  const tokensOf = (i: number): number => units[i]?.tokens ?? 0;
  const chunks: Chunk[] = [];
  let overlap: number | undefined;
  for (let next = 0; next < units.length;) {
    const withOverlap = overlap === undefined ? Infinity : 2 + tokensOf(overlap) + tokensOf(next);
    const keepOverlap =
      overlap !== undefined && withOverlap <= maxTokens && endOf(next) - startOf(overlap) <= maxChars;
    let first = keepOverlap ? (overlap ?? next) : next;
    let estimate = keepOverlap ? withOverlap : 2 + tokensOf(next);
    let last = next;
    while (
      last + 1 < units.length &&
      estimate + tokensOf(last + 1) <= target &&
      endOf(last + 1) - startOf(first) <= maxChars &&
      !(isHeading(text, units[last + 1]) && estimate * 2 >= target)
    ) {
      last++;
      estimate += tokensOf(last);
    }
    while (last > next && isHeading(text, units[last])) last--;
    let tokens = countTokens(text.slice(startOf(first), endOf(last)));
    while (tokens > maxTokens && (last > next || first < next)) {
      if (last > next) last--;
      else first = next;
      tokens = countTokens(text.slice(startOf(first), endOf(last)));
    }
    const start = startOf(first);
    const end = endOf(last);
    chunks.push({ text: text.slice(start, end), start, end, tokens });
    const nextIsHeading = isHeading(text, units[last + 1]);
    overlap = last > first && tokensOf(last) * 2 <= target && !nextIsHeading ? last : undefined;
    next = last + 1;
  }
  return chunks;
}
