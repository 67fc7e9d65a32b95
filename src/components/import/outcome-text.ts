/**
 * Each file's line in an import report, in the reader's language, and the group it is counted in.
 */
import type { TFunction } from 'i18next';
import { messageText } from '../../app/message-text';
import type { ImportOutcome } from '../../app/import-runner';
import type { AddFileResult } from '../../shared/protocol';

/** How the report counts a file. */
export type OutcomeGroup = 'added' | 'duplicate' | 'refused' | 'unsupported';

/**
 * How the report counts a file.
 *
 * @example
 * outcomeGroup({ kind: 'refused', reason: 'unsupported', refusal }); // 'unsupported'
 */
export function outcomeGroup(outcome: ImportOutcome): OutcomeGroup {
  if (outcome.kind === 'unreadable') return 'refused';
  if (outcome.kind === 'refused') return outcome.reason === 'unsupported' ? 'unsupported' : 'refused';
  const { result } = outcome;
  return !result.ok ? 'refused' : result.duplicate ? 'duplicate' : 'added';
}

/**
 * The worker's answer for one file, in words: the one place that renders an {@link AddFileResult}.
 *
 * @example
 * resultText({ name: 'a.txt', ok: true, docId, passages: 3, duplicate: false }, t); // 'a.txt: added: 3 passages, searchable now'
 */
export function resultText(result: AddFileResult, t: TFunction): string {
  if (!result.ok) return messageText(result.refusal, t);
  const name = result.name;
  if (result.duplicate) return t('importQueue.outcome.duplicate', { name });
  if (!result.vectorsPending) return t('importQueue.outcome.added', { name, count: result.passages });
  const pending = {
    code: 'vectors-pending',
    passages: result.passages,
    storageFull: result.storageFull,
  } as const;
  return t('importQueue.outcome.named', { name, text: messageText(pending, t) });
}

/**
 * A file's line in the report, naming the file, whatever happened to it.
 *
 * @example
 * outcomeText('notes/a.pdf', { kind: 'unreadable' }, t); // 'notes/a.pdf: could not be read (…)'
 */
export function outcomeText(path: string, outcome: ImportOutcome, t: TFunction): string {
  if (outcome.kind === 'result') return resultText(outcome.result, t);
  if (outcome.kind === 'unreadable') return t('importQueue.outcome.unreadable', { name: path });
  return messageText(outcome.refusal, t);
}
