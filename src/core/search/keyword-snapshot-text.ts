/**
 * A keyword snapshot as one JSON string, for `.ossindex` files (whose header is JSON): typed arrays are
 * written as base64 (`{ "u32": "…" }`, `{ "u8": "…" }`) so the postings stay bytes, not numbers.
 */
import { corpusHash } from '../index-plan';
import type { Passage } from '../types';
import type { KeywordSnapshot } from './keyword-snapshot';

const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint32Array)
    return { u32: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (value instanceof Uint8Array) return { u8: toBase64(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  const { u32, u8 } = value as { u32?: unknown; u8?: unknown };
  if (typeof u8 === 'string') return fromBase64(u8);
  if (typeof u32 === 'string') {
    const bytes = fromBase64(u32);
    if (bytes.length % 4 !== 0) throw new Error('keyword-index: a damaged array');
    return new Uint32Array(bytes.buffer, 0, bytes.length / 4);
  }
  return value;
}

/**
 * The snapshot as text, with the hash of the passages it covers (read back with {@link snapshotOfText}).
 *
 * @example
 * encodeIndexFile({ ...contents, keywordIndex: snapshotText(snapshot, passages) });
 */
export function snapshotText(snapshot: KeywordSnapshot, passages: readonly Passage[]): string {
  const head = { ...snapshot.head, fingerprints: {}, corpusSignature: corpusHash(passages) };
  return JSON.stringify({ ...snapshot, head }, replacer);
}

/**
 * The snapshot in a text written by {@link snapshotText}, or `undefined` for any other text (an older
 * file's keyword index, which the app then rebuilds from the passages).
 *
 * @example
 * const snapshot = snapshotOfText(file.keywordIndex);
 */
export function snapshotOfText(text: string): KeywordSnapshot | undefined {
  try {
    const snapshot = JSON.parse(text, reviver) as Partial<KeywordSnapshot> | null;
    if (typeof snapshot?.head !== 'object' || !Array.isArray(snapshot.parts)) return undefined;
    return snapshot as KeywordSnapshot;
  } catch {
    return undefined;
  }
}
