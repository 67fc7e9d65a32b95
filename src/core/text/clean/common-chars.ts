/**
 * Sets of everyday CJK characters, used to judge whether decoded text is plausible and to spot mojibake.
 * Built from the legacy encodings' own "frequent characters" planes with `TextDecoder`, so no table ships.
 */

let cached: ReadonlySet<string> | undefined;

function decodePlane(label: string, leads: [number, number], trails: Array<[number, number]>): string[] {
  const decoder = new TextDecoder(label);
  const chars: string[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [from, to] of trails) {
      for (let trail = from; trail <= to; trail++) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD') chars.push(ch);
      }
    }
  }
  return chars;
}

/**
 * The frequent Han characters: GB2312 level 1 (3,755 simplified) plus Big5 level 1 (5,401 traditional).
 * Characters outside it are not wrong, only rarer; rarity counts as evidence of mis-decoding only in bulk
 * or next to other evidence.
 *
 * @example
 * commonHan().has('開'); // true
 * commonHan().has('睆'); // false
 */
export function commonHan(): ReadonlySet<string> {
  cached ??= new Set([
    ...decodePlane('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]]),
    ...decodePlane(
      'big5',
      [0xa4, 0xc5],
      [
        [0x40, 0x7e],
        [0xa1, 0xfe],
      ],
    ),
    ...decodePlane('big5', [0xc6, 0xc6], [[0x40, 0x7e]]),
  ]);
  return cached;
}

/** True for a Han ideograph (any CJK block). */
export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/**
 * True for characters that almost never occur in ordinary Chinese or English prose but are typical of
 * text decoded with the wrong encoding: box drawing, block elements, enclosed numbers, private use,
 * C1 controls and the replacement character.
 */
export function isGarbageSymbol(ch: string): boolean {
  return /[\u0080-\u009f\u2460-\u24ff\u2500-\u259f\ue000-\uf8ff\ufffd]/u.test(ch);
}
