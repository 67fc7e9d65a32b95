/**
 * The bundled corpus and the real BGE-zh token counter, for the ingestion tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTokenCounter, type TokenCounter } from '../../../src/core/tokenize/bert-tokenizer';

const PUBLIC = fileURLToPath(new URL('../../../public/', import.meta.url));

/** Corpus file names, sorted: 000_… to 004_…. */
export const CORPUS_FILES = readdirSync(`${PUBLIC}corpus`)
  .filter((name) => name.endsWith('.txt'))
  .sort();

/** Raw bytes of a corpus file, by name or by its three-digit prefix. */
export function corpusBytes(nameOrPrefix: string): Uint8Array {
  const name = CORPUS_FILES.find((file) => file.startsWith(nameOrPrefix));
  if (!name) throw new Error(`no corpus file ${nameOrPrefix}`);
  return new Uint8Array(readFileSync(`${PUBLIC}corpus/${name}`));
}

/** Text of a corpus file (they are UTF-8). */
export function corpusText(nameOrPrefix: string): string {
  return new TextDecoder().decode(corpusBytes(nameOrPrefix));
}

let counter: TokenCounter | undefined;

/** Token counter with the real 21,128-token vocabulary, [CLS]/[SEP] included. */
export function realTokenCounter(): TokenCounter {
  counter ??= createTokenCounter(readFileSync(`${PUBLIC}tokenizer/bert-base-chinese-vocab.txt`, 'utf8'));
  return counter;
}
