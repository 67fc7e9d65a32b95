import { memo, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../app/import-runner';
import type { ImportQueue } from '../../core/import-queue';
import { useImport } from '../../hooks/use-import';
import { outcomeGroup, outcomeText, type OutcomeGroup } from './outcome-text';

/** Lines shown before "Show all", so a report of thousands of files renders in one short task. */
const SHOWN_LINES = 100;

/** Problems first, then what was not supported, then what was added or already there. */
const ORDER: OutcomeGroup[] = ['refused', 'unsupported', 'added', 'duplicate'];

/** Files of an import by group, each group in import order. */
function byGroup(queue: ImportQueue<ImportOutcome>): Record<OutcomeGroup, number[]> {
  const groups: Record<OutcomeGroup, number[]> = { refused: [], unsupported: [], added: [], duplicate: [] };
  queue.finished.forEach((entry, index) => {
    if (entry) groups[outcomeGroup(entry.outcome)].push(index);
  });
  return groups;
}

interface ReportLineProps {
  path: string;
  outcome: ImportOutcome;
  group: OutcomeGroup;
  t: TFunction;
}

/**
 * One file's line. Memoised: a finished file's outcome keeps its identity, so a batch re-renders only the
 * lines it adds instead of translating a hundred lines again (`t` is the report's, not a hook per line).
 */
const ReportLine = memo(function ReportLine({ path, outcome, group, t }: ReportLineProps) {
  return (
    <li className={group === 'refused' || group === 'unsupported' ? 'error' : 'notice'} data-group={group}>
      {outcomeText(path, outcome, t)}
    </li>
  );
});

/**
 * The per-file lines of the last import (as `li` items of the documents panel's message list): refused files
 * first, then unsupported ones, then added and already-there files; the first {@link SHOWN_LINES}, then all
 * on request.
 */
export function ImportReport() {
  const { queue } = useImport();
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const groups = useMemo(() => queue && byGroup(queue), [queue]);
  if (!queue || !groups) return null;
  const order = ORDER.flatMap((group) => groups[group].map((index) => ({ index, group })));
  const shown = all ? order : order.slice(0, SHOWN_LINES);
  return (
    <>
      {shown.map(({ index, group }) => (
        <ReportLine
          key={index}
          path={queue.files[index]!.path}
          outcome={queue.finished[index]!.outcome}
          group={group}
          t={t}
        />
      ))}
      {shown.length < order.length && (
        <li>
          <button type="button" onClick={() => setAll(true)}>
            {t('importQueue.report.showAll', { count: order.length })}
          </button>
        </li>
      )}
    </>
  );
}

/**
 * How many files of an import fall in each group.
 *
 * @example
 * groupCounts(queue); // { added: 290, duplicate: 5, refused: 3, unsupported: 2 }
 */
export function groupCounts(queue: ImportQueue<ImportOutcome>): Record<OutcomeGroup, number> {
  const groups = byGroup(queue);
  return {
    added: groups.added.length,
    duplicate: groups.duplicate.length,
    refused: groups.refused.length,
    unsupported: groups.unsupported.length,
  };
}
