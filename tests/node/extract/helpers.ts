/**
 * Shared pieces of the extractor tests: the committed Chinese PDF and a refusal catcher.
 */
import { readFileSync } from 'node:fs';
import { IngestError } from '../../../src/core/ingest';

/** The three-page Chinese PDF printed by Chromium (`npm run make-document-fixtures`). */
export function chinesePdf(): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL('../../fixtures/documents/chinese-3-pages.pdf', import.meta.url)),
  );
}

/** The `IngestError` a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function refusalOf(work: Promise<unknown> | (() => unknown)): Promise<IngestError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError, but the file was accepted');
}
