/**
 * Picks a document title: a headline-shaped first line, else a short lead from the first sentence.
 */

/** Longest first line still taken as a headline, in characters. */
const MAX_HEADLINE = 64;
/** Longest lead built from the first sentence, in characters (before the ellipsis). */
const MAX_LEAD = 30;

const SENTENCE_END = /[。！？!?；;…]/;
const CLAUSE_END = /[，,、：:；;]/g;

function lead(line: string): string {
  const end = line.search(SENTENCE_END);
  const sentence = end >= 0 ? line.slice(0, end) : line;
  const chars = Array.from(sentence);
  if (chars.length <= MAX_LEAD) return sentence;
  const head = chars.slice(0, MAX_LEAD + 1).join('');
  let cut = 0;
  for (const m of head.matchAll(CLAUSE_END)) cut = m.index;
  return `${cut > 0 ? head.slice(0, cut) : chars.slice(0, MAX_LEAD).join('')}…`;
}

/**
 * Title of a cleaned text (one paragraph per line). The first line is the title when it looks like a
 * headline: at most 64 characters, not ending like a sentence, not just a number. Otherwise the title is
 * a lead: the first sentence, cut at a clause boundary to at most 30 characters plus `…`. Markdown `#`
 * markers are dropped. Empty text has the empty title.
 *
 * @example
 * extractTitle('大廠AI各走“開源”路\n當科技巨頭們…'); // '大廠AI各走“開源”路'
 * extractTitle('在人類發展的星辰大海中,每一次顛覆性的技術浪潮,都不僅僅是冰冷的技術迭代。');
 * // '在人類發展的星辰大海中,每一次顛覆性的技術浪潮…'
 */
export function extractTitle(text: string): string {
  const first = (text.split('\n', 1)[0] ?? '').replace(/^#{1,6}\s+/, '');
  const length = Array.from(first).length;
  const headline =
    length >= 2 && length <= MAX_HEADLINE && !/[。！？!?；;…,，:：]$/.test(first) && !/^\d+$/.test(first);
  return headline ? first : lead(first);
}
