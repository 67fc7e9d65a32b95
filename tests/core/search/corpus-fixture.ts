/**
 * Test helpers: passages from small strings, and the real corpus split naively into paragraphs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Passage, StoredDocument } from '../../../src/core/types';

/** Passages of one document, one per string. */
export function passagesOf(docId: string, texts: readonly string[]): Passage[] {
  return texts.map((text, index) => ({
    id: `${docId}#${index}`,
    docId,
    index,
    text,
    start: 0,
    end: text.length,
    tokens: 0,
  }));
}

/** A user document `id` whose cleaned text is its passages' texts, one per line. */
export function documentOf(id: string, passages: readonly Passage[]): StoredDocument {
  return {
    id,
    source: `${id}.txt`,
    title: id,
    encoding: 'utf-8',
    text: passages.map((passage) => passage.text).join('\n'),
    report: [],
    size: 0,
    origin: 'user',
    hidden: false,
    raw: '',
    addedAt: 0,
  };
}

/** The raw corpus files, each split at blank or single newlines into non-empty paragraphs. */
export function naiveCorpusPassages(): Array<Passage & { source: string }> {
  const dir = join(__dirname, '../../../public/corpus');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((source) => {
      const paragraphs = readFileSync(join(dir, source), 'utf8')
        .split(/\n+/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
      return passagesOf(source, paragraphs).map((p) => ({ ...p, source }));
    });
}
