/**
 * Content hashes with Web Crypto (`crypto.subtle`, present in browsers, workers and Node 20).
 */

/** Hex characters kept for ids: 64 bits, collision-free for any personal library. */
export const ID_HEX_LENGTH = 16;

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex characters.
 *
 * @example
 * await sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Short content id: the first 16 hex characters of the SHA-256 of the text. Same text, same id.
 *
 * @example
 * await contentId('abc'); // 'ba7816bf8f01cfea'
 */
export async function contentId(text: string): Promise<string> {
  return (await sha256Hex(text)).slice(0, ID_HEX_LENGTH);
}
