/**
 * Sentence boundaries for Chinese and English text, as offsets into the text.
 */
import type { TextSpan } from '../types';

/** Chinese sentence ends; always a boundary. */
const CJK_END = /[。！？；…]/;
/** ASCII `!?;`: a boundary before a space, the line end or a CJK character (`閃耀?為什么`), not in `?ref=`. */
const ASCII_END = /[!?;]/;
const TERMINATOR = /[。！？；…!?;.]/;
/** Closing quotes and brackets that belong to the sentence they follow: `。”`, `?」`, `.)`. */
const CLOSER = /[”’」』）)》〉】"'\]]/;
const CJK = /[\p{Script=Han}\u3000-\u303f\u3040-\u30ff\uff00-\uffef]/u;
/** Words whose trailing `.` does not end an English sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:[A-Za-z]|Mr|Mrs|Ms|Dr|Prof|St|vs|etc|No|Fig|e\.g|i\.e|U\.S)$/;

function endsSentence(line: string, at: number, after: number): boolean {
  const ch = line[at] ?? '';
  const next = line[after];
  if (CJK_END.test(ch)) return true;
  if (next !== undefined && !/\s/.test(next)) return ASCII_END.test(ch) && CJK.test(next);
  return ch !== '.' || !ABBREVIATION.test(line.slice(0, at));
}

function pushTrimmed(spans: TextSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/**
 * Splits text into sentences. A line break always ends a sentence; within a line, a sentence ends after
 * `。！？；…`, after `!?;` followed by a space or a CJK character, and after `.` followed by a space
 * (not after `Mr.`, `e.g.` or a single letter), taking closing quotes and brackets with it. Spans are
 * trimmed, in order, and together hold every non-whitespace character.
 *
 * @example
 * splitSentences('他說:“好。”然後走了。Yes. No'); // spans of '他說:“好。”', '然後走了。', 'Yes.', 'No'
 */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    const line = match[0];
    const base = match.index;
    let start = 0;
    let i = 0;
    while (i < line.length) {
      if (!TERMINATOR.test(line[i] ?? '')) {
        i++;
        continue;
      }
      let after = i + 1;
      while (after < line.length && TERMINATOR.test(line[after] ?? '')) after++;
      while (after < line.length && CLOSER.test(line[after] ?? '')) after++;
      if (endsSentence(line, i, after)) {
        pushTrimmed(spans, text, base + start, base + after);
        start = after;
      }
      i = after;
    }
    pushTrimmed(spans, text, base + start, base + line.length);
  }
  return spans;
}
