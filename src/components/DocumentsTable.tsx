/**
 * The library's table of documents. Built to stay cheap while an import changes the page many times: each
 * row is its own memoised component (so React renders a long list in small slices, and not at all when only
 * `busy` changes), `busy` reaches only the delete buttons (through a context), the words every row shares
 * are translated once per table, and what cleaning removed is rendered only when opened.
 */
import { createContext, memo, useContext, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../shared/protocol';

/** Removed passages listed per cleaning step before "and N more". */
const SHOWN_REMOVALS = 20;

/** Rows rendered before "Show all", so a library of thousands of documents re-renders in a short task. */
const SHOWN_DOCUMENTS = 100;

/** An action or an import is running: documents cannot be deleted now. */
const BusyContext = createContext(false);

/** The words every row uses, translated once per table render. */
interface RowWords {
  t: TFunction;
  bundled: string;
  yours: string;
  hidden: string;
  view: string;
  hide: string;
  remove: string;
  nothingRemoved: string;
}

/**
 * What cleaning removed from a document: the counts, and the removed text once opened (rendered only then,
 * so a table of many documents does not build every document's lists).
 */
function CleaningReport({ doc, words }: { doc: DocumentSummary; words: RowWords }) {
  const { t } = words;
  const [open, setOpen] = useState(false);
  const steps = doc.report.filter((step) => step.count > 0);
  if (steps.length === 0) return <span className="detail">{words.nothingRemoved}</span>;
  const stepName = (step: string) => t(`cleaning.${step}`, { defaultValue: step });
  return (
    <details
      className="report"
      data-testid="cleaning-report"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{steps.map((step) => `${stepName(step.step)} ${step.count}`).join(' · ')}</summary>
      {open &&
        steps.map((step) => (
          <div key={step.step}>
            <h4>{t('documents.step', { step: stepName(step.step), count: step.count })}</h4>
            <ul>
              {step.removed.slice(0, SHOWN_REMOVALS).map((text, i) => (
                <li key={i}>
                  <code>{text}</code>
                </li>
              ))}
              {step.removed.length > SHOWN_REMOVALS && (
                <li>{t('documents.moreRemoved', { count: step.removed.length - SHOWN_REMOVALS })}</li>
              )}
            </ul>
          </div>
        ))}
    </details>
  );
}

/** Deletes a user document or hides a bundled one; disabled while the table is busy. */
function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const busy = useContext(BusyContext);
  return (
    <button type="button" onClick={onClick} disabled={busy} data-testid="delete-document">
      {label}
    </button>
  );
}

interface DocumentRowProps {
  doc: DocumentSummary;
  words: RowWords;
  onView: (docId: string) => void;
  onRemove: (doc: DocumentSummary) => void;
}

/** One document's row. Memoised on the document and the words (the callbacks do the same whatever their identity). */
const DocumentRow = memo(
  function DocumentRow({ doc, words, onView, onRemove }: DocumentRowProps) {
    const { t } = words;
    return (
      <tr data-testid="document" data-source={doc.source} className={doc.hidden ? 'hidden-doc' : ''}>
        <td>
          <b className="wrap" title={doc.title}>
            {doc.title}
          </b>
          <div className="source wrap" title={doc.source}>
            {doc.source} · {doc.origin === 'corpus' ? words.bundled : words.yours}
            {doc.hidden && ` · ${words.hidden}`}
          </div>
        </td>
        <td>
          {doc.pages === undefined
            ? doc.encoding
            : t('documents.formatWithPages', { format: doc.encoding, count: doc.pages })}
        </td>
        <td>{t('common.bytes', { size: doc.size })}</td>
        <td>{doc.passages}</td>
        <td>
          <CleaningReport doc={doc} words={words} />
        </td>
        <td className="actions">
          <button type="button" onClick={() => onView(doc.id)}>
            {words.view}
          </button>
          {!doc.hidden && (
            <RemoveButton
              label={doc.origin === 'corpus' ? words.hide : words.remove}
              onClick={() => onRemove(doc)}
            />
          )}
        </td>
      </tr>
    );
  },
  (before, after) => before.doc === after.doc && before.words === after.words,
);

interface DocumentsTableProps {
  /** The library's documents. */
  documents: DocumentSummary[];
  /** An action or an import is running (delete buttons are disabled). */
  busy: boolean;
  /** Opens a document. */
  onView: (docId: string) => void;
  /** Deletes or hides a document. */
  onRemove: (doc: DocumentSummary) => void;
}

/**
 * The library's table: the first {@link SHOWN_DOCUMENTS} documents, then all on request. Memoised on the
 * document list (the callbacks do the same whatever their identity); `busy` re-renders only the delete
 * buttons.
 */
export const DocumentsTable = memo(
  function DocumentsTable({ documents, busy, onView, onRemove }: DocumentsTableProps) {
    const { t } = useTranslation();
    const [all, setAll] = useState(false);
    const words = useMemo<RowWords>(
      () => ({
        t,
        bundled: t('documents.bundled'),
        yours: t('documents.yours'),
        hidden: t('documents.hidden'),
        view: t('documents.view'),
        hide: t('documents.hide'),
        remove: t('documents.delete'),
        nothingRemoved: t('documents.nothingRemoved'),
      }),
      [t],
    );
    return (
      <BusyContext.Provider value={busy}>
        <table className="documents-table">
          <thead>
            <tr>
              <th>{t('documents.column.document')}</th>
              <th>{t('documents.column.encoding')}</th>
              <th>{t('documents.column.size')}</th>
              <th>{t('documents.column.passages')}</th>
              <th>{t('documents.column.cleaning')}</th>
              <th>
                <span className="visually-hidden">{t('documents.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.slice(0, all ? undefined : SHOWN_DOCUMENTS).map((doc) => (
              <DocumentRow key={doc.id} doc={doc} words={words} onView={onView} onRemove={onRemove} />
            ))}
          </tbody>
        </table>
        {!all && documents.length > SHOWN_DOCUMENTS && (
          <button type="button" onClick={() => setAll(true)} data-testid="show-all-documents">
            {t('documents.showAll', { count: documents.length })}
          </button>
        )}
      </BusyContext.Provider>
    );
  },
  (before, after) => before.documents === after.documents && before.busy === after.busy,
);
