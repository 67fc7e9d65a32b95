/**
 * Which characters of the text each WordPiece token came from. The tokenizer library reports no offsets,
 * so tokens are aligned back onto the text the way BERT's normaliser and pre-tokeniser cut it: spaces and
 * control characters dropped, each CJK character and each punctuation mark its own word, letters
 * lower-cased with accents stripped, `##` marking a piece that continues a word, `[UNK]` a whole word.
 */

/** What kind of token a chip shows. */
export type TokenKind = 'cls' | 'sep' | 'unk' | 'special' | 'word' | 'piece';

/** One token with the characters it came from. */
export interface TokenSpan {
  /** The token as the vocabulary spells it (`##` for a continuing piece). */
  token: string;
  /** Its id in the vocabulary. */
  id: number;
  /** Kind, for colouring and marking. */
  kind: TokenKind;
  /** First code point of the text it came from (special tokens: where they stand). */
  start: number;
  /** End (exclusive) in code points; equals `start` for special tokens. */
  end: number;
}

const SPECIAL: Record<string, TokenKind> = { '[CLS]': 'cls', '[SEP]': 'sep', '[UNK]': 'unk' };
const SKIPPED = /[\s\p{Cc}\p{Cf}\uFFFD]/u;
const OWN_WORD = /[\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A character as BERT's normaliser sees it: lower case, accents stripped. */
function normalised(char: string): string {
  return char.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Aligns tokens (from the tokenizer, `[CLS]`/`[SEP]` included) onto the code points of `text`, the string
 * that was tokenised or any string with the same code points in the same places (script conversion keeps
 * them, so a traditional query maps onto the simplified text the model saw).
 *
 * @example
 * mapTokens(['[CLS]', '开', '源', '[SEP]'], [101, 2458, 3975, 102], '開源');
 * // [{ token: '[CLS]', kind: 'cls', start: 0, end: 0 }, { token: '开', kind: 'word', start: 0, end: 1 }, ...]
 */
export function mapTokens(tokens: readonly string[], ids: readonly number[], text: string): TokenSpan[] {
  if (tokens.length !== ids.length)
    throw new Error(`mapTokens: ${tokens.length} tokens but ${ids.length} ids`);
  const chars = Array.from(text);
  let pos = 0;
  const skipSpaces = () => {
    while (pos < chars.length && SKIPPED.test(chars[pos]!)) pos++;
  };
  return tokens.map((token, i) => {
    const id = ids[i]!;
    const special = SPECIAL[token];
    if (special === 'cls' || special === 'sep' || (/^\[[A-Z]+\]$/.test(token) && special === undefined)) {
      return { token, id, kind: special ?? 'special', start: pos, end: pos };
    }
    const continues = token.startsWith('##');
    if (!continues) skipSpaces();
    const start = pos;
    if (special === 'unk') {
      if (pos < chars.length && OWN_WORD.test(chars[pos]!)) pos++;
      else while (pos < chars.length && !SKIPPED.test(chars[pos]!) && !OWN_WORD.test(chars[pos]!)) pos++;
      return { token, id, kind: 'unk', start, end: pos };
    }
    const piece = continues ? token.slice(2) : token;
    let consumed = '';
    while (pos < chars.length && consumed.length < piece.length) consumed += normalised(chars[pos++]!);
    return { token, id, kind: continues ? 'piece' : 'word', start, end: pos };
  });
}

/**
 * The source characters of a token span, taken from `text` by code point.
 *
 * @example
 * sourceOf('開源', { start: 0, end: 1 }); // '開'
 */
export function sourceOf(text: string, span: Pick<TokenSpan, 'start' | 'end'>): string {
  return Array.from(text).slice(span.start, span.end).join('');
}
