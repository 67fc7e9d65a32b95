/**
 * Repairs for text taken from a page layout (PDF): radical look-alikes and lines wrapped by the layout.
 */

/**
 * CJK Radicals Supplement characters that stand for a whole character; PDF writers map glyphs shared by
 * a radical and a character to the radical (`⻓城` for `长城`). Kangxi radicals are handled by NFKC.
 */
const SUPPLEMENT_RADICALS: Record<string, string> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/**
 * Replaces Kangxi radicals (U+2F00–U+2FD5, by NFKC) and the radical-supplement characters above with
 * the ideographs they look like, leaving all other text as it is.
 *
 * @example
 * unifyRadicals('⻓城是⼀项⼯程'); // '长城是一项工程'
 */
export function unifyRadicals(text: string): string {
  return text
    .replace(/[\u2f00-\u2fd5]/g, (radical) => radical.normalize('NFKC'))
    .replace(/[\u2e80-\u2eff]/g, (radical) => SUPPLEMENT_RADICALS[radical] ?? radical);
}

/** A line ending a sentence or a clause list: never joined to the next. */
const LINE_END = /[。！？!?；;：:…"”』」)）]$/;

/** Share of the longest line above which a line is taken as wrapped by the layout rather than ended. */
const FULL_LINE_SHARE = 0.8;

/**
 * Joins lines the layout wrapped: a line at least 80% as long as the page's longest and not ending a
 * sentence continues on the next line (joined without a space after CJK, with one after Latin text).
 * Short lines (headings, last lines of paragraphs) stay lines.
 *
 * @example
 * unwrapLines('标题\n很长的一行文字被排版，\n折到下一行。'); // '标题\n很长的一行文字被排版，折到下一行。'
 */
export function unwrapLines(text: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  const longest = Math.max(...lines.map((line) => line.length));
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1] ?? '';
    const wrapped = previous.length >= longest * FULL_LINE_SHARE && !LINE_END.test(previous);
    const latin = /[A-Za-z0-9,]$/.test(previous);
    out += wrapped ? (latin ? ' ' : '') + lines[i] : `\n${lines[i]}`;
  }
  return out;
}
