/**
 * Finds runs of mojibake that cannot be repaired, e.g. `黃埔軍?!睆倪@里`: UTF-8 read as GBK, with bytes
 * already lost to `?`. The text is kept; the runs are reported so snippets can avoid them.
 */
import type { TextSpan } from '../../types';
import { commonHan, isGarbageSymbol, isHan } from './common-chars';

/** Evidence weights: one strong sign makes a run, weak signs need company. */
const STRONG = 3;
const WEAK = 1;
const RUN_THRESHOLD = 3;
/** Signs at most this many characters apart belong to one run. */
const MAX_GAP = 5;

/** What follows a `?` that stands for lost bytes: `。”` becomes `?!`, `化` becomes `?;`. */
const AFTER_LOST_BYTES = /[!;/_@|、。，]/;

/** `</p>` whose `<` was lost to mojibake: `資產?!?/p>`. */
const TAG_REMNANT = /(?<=[?\p{Script=Han}])\/[a-z][a-z0-9]{0,8}>/gu;

/** A piece of evidence, as UTF-16 offsets. */
interface Sign extends TextSpan {
  weight: number;
}

function isKana(ch: string): boolean {
  return /[\u3040-\u30ff]/.test(ch);
}

function weightAt(chars: readonly string[], i: number): number {
  const ch = chars[i] ?? '';
  const prev = chars[i - 1] ?? '';
  const next = chars[i + 1] ?? '';
  if (isGarbageSymbol(ch)) return STRONG;
  if (ch === '?' && isHan(prev)) return AFTER_LOST_BYTES.test(next) ? STRONG : isHan(next) ? WEAK : 0;
  if (isHan(ch)) return commonHan().has(ch) ? 0 : WEAK;
  const sandwiched = isHan(prev) && isHan(next);
  if (sandwiched && (/[A-Za-z@_|^~`\\]/.test(ch) || isKana(ch))) return WEAK;
  return 0;
}

/** A `?` for lost bytes takes its neighbour with it, and after `!;` one more: `?!泵` stands for `。”每`. */
function garbledTail(chars: readonly string[], i: number, weight: number): string {
  if (chars[i] !== '?' || weight !== STRONG) return '';
  const next = chars[i + 1] ?? '';
  const after = /[!;]/.test(next) ? (chars[i + 2] ?? '') : '';
  return next + (/\s/.test(after) ? '' : after);
}

function characterSigns(text: string): Sign[] {
  const chars = Array.from(text);
  const signs: Sign[] = [];
  let offset = 0;
  chars.forEach((ch, i) => {
    const weight = weightAt(chars, i);
    if (weight > 0) {
      signs.push({ start: offset, end: offset + ch.length + garbledTail(chars, i, weight).length, weight });
    }
    offset += ch.length;
  });
  return signs;
}

function tagRemnantSigns(text: string): Sign[] {
  return Array.from(text.matchAll(TAG_REMNANT), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    weight: STRONG,
  }));
}

/**
 * Offsets of mojibake runs: clusters of signs (`?` for lost bytes before `!;、。`, box-drawing and
 * enclosed symbols, replacement characters, `/p>` tag remnants, rare Han characters, single Latin letters
 * or kana wedged between Han characters) whose weight reaches one strong sign. Clean prose yields none.
 *
 * @example
 * findMojibake('中國人工智能“黃埔軍?!睆倪@里發跡'); // [{ start: 10, end: 15 }]
 */
export function findMojibake(text: string): TextSpan[] {
  const signs = [...characterSigns(text), ...tagRemnantSigns(text)].sort((a, b) => a.start - b.start);
  const spans: TextSpan[] = [];
  let run: Sign | undefined;
  for (const sign of signs) {
    if (run && sign.start - run.end > MAX_GAP) {
      if (run.weight >= RUN_THRESHOLD) spans.push({ start: run.start, end: run.end });
      run = undefined;
    }
    if (run) {
      run.end = Math.max(run.end, sign.end);
      run.weight += sign.weight;
    } else run = { ...sign };
  }
  if (run && run.weight >= RUN_THRESHOLD) spans.push({ start: run.start, end: run.end });
  return spans;
}
