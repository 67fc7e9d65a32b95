import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentMessage, DocumentsState } from '../hooks/use-documents';
import type { DocumentSummary } from '../shared/protocol';
import { directoryFiles } from './import/directory-files';
import { ACCEPT, IMPORT_LIMITS_MB } from './import/accept';
import { ImportReport } from './import/ImportReport';
import { PickButton } from './import/PickButton';

const SHOWN_REMOVALS = 20;

function CleaningReport({ doc }: { doc: DocumentSummary }) {
  const { t } = useTranslation();
  const steps = doc.report.filter((step) => step.count > 0);
  if (steps.length === 0) return <span className="detail">{t('documents.nothingRemoved')}</span>;
  const stepName = (step: string) => t(`cleaning.${step}`, { defaultValue: step });
  return (
    <details className="report" data-testid="cleaning-report">
      <summary>{steps.map((step) => `${stepName(step.step)} ${step.count}`).join(' · ')}</summary>
      {steps.map((step) => (
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

/** A delete, hide or reset message in words. */
function actionText(message: DocumentMessage, t: ReturnType<typeof useTranslation>['t']): string {
  if (message.kind === 'failed') return message.text;
  if (message.kind === 'shown') return t('documents.message.shown');
  return t(`documents.message.${message.kind}`, { name: message.name });
}

/**
 * Lets the user pick a folder with `showDirectoryPicker`, whose handle lets an interrupted import resume
 * after a reload; `false` where the browser lacks it (the `<input webkitdirectory>` is used instead).
 */
function pickDirectory(addFiles: DocumentsState['addFiles']): boolean {
  if (!window.showDirectoryPicker) return false;
  window
    .showDirectoryPicker({ id: 'documents', mode: 'read' })
    .then((directory) => addFiles(directoryFiles(directory), directory))
    .catch(() => undefined); // the user closed the picker
  return true;
}

/** Rows rendered before "Show all", so a library of thousands of documents re-renders in a short task. */
const SHOWN_DOCUMENTS = 100;

interface DocumentsTableProps {
  documents: DocumentSummary[];
  busy: boolean;
  onView: (docId: string) => void;
  onRemove: (doc: DocumentSummary) => void;
}

/**
 * The library's table. Memoised on the document list and `busy` (the callbacks do the same whatever their
 * identity), so the many state changes of an import do not re-render hundreds of rows each time.
 */
const DocumentsTable = memo(
  function DocumentsTable({ documents, busy, onView, onRemove }: DocumentsTableProps) {
    const { t } = useTranslation();
    const [all, setAll] = useState(false);
    return (
      <>
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
              <tr
                key={doc.id}
                data-testid="document"
                data-source={doc.source}
                className={doc.hidden ? 'hidden-doc' : ''}
              >
                <td>
                  <b className="wrap" title={doc.title}>
                    {doc.title}
                  </b>
                  <div className="source wrap" title={doc.source}>
                    {doc.source} · {t(doc.origin === 'corpus' ? 'documents.bundled' : 'documents.yours')}
                    {doc.hidden && ` · ${t('documents.hidden')}`}
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
                  <CleaningReport doc={doc} />
                </td>
                <td className="actions">
                  <button type="button" onClick={() => onView(doc.id)}>
                    {t('documents.view')}
                  </button>
                  {!doc.hidden && (
                    <button
                      type="button"
                      onClick={() => onRemove(doc)}
                      disabled={busy}
                      data-testid="delete-document"
                    >
                      {t(doc.origin === 'corpus' ? 'documents.hide' : 'documents.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!all && documents.length > SHOWN_DOCUMENTS && (
          <button type="button" onClick={() => setAll(true)} data-testid="show-all-documents">
            {t('documents.showAll', { count: documents.length })}
          </button>
        )}
      </>
    );
  },
  (before, after) => before.documents === after.documents && before.busy === after.busy,
);

interface DocumentsPanelProps {
  /** Documents and actions. */
  state: DocumentsState;
  /** Opens a document's original beside its cleaned text. */
  onView: (docId: string) => void;
}

/** The library: add files by picker or paste, see what cleaning removed, view, delete, reset. */
export function DocumentsPanel({ state, onView }: DocumentsPanelProps) {
  const [pasted, setPasted] = useState('');
  const { t } = useTranslation();
  const { documents, messages, busy } = state;
  const hidden = documents.filter((doc) => doc.hidden).length;
  const addPasted = () => {
    state.addFiles([
      new File([pasted], `pasted-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.txt`),
    ]);
    setPasted('');
  };
  return (
    <details className="documents" data-testid="documents">
      <summary>
        {t('documents.summary', { count: documents.length - hidden, formats: t('documents.formats') })}
        {hidden > 0 && t('documents.hiddenCount', { count: hidden })}
      </summary>
      <div className="add-files">
        <PickButton
          label={t('documents.addFiles')}
          testId="file-input"
          accept={ACCEPT}
          onFiles={(files) => state.addFiles(files)}
        />
        <PickButton
          label={t('documents.addFolder')}
          testId="folder-input"
          folder
          onFiles={(files) => state.addFiles(files)}
          onActivate={() => pickDirectory(state.addFiles)}
        />
        <span className="detail">{t('documents.dropHint', IMPORT_LIMITS_MB)}</span>
        <textarea
          aria-label={t('documents.pasteLabel')}
          placeholder={t('documents.pastePlaceholder')}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
        <button type="button" disabled={pasted.trim() === '' || busy} onClick={addPasted}>
          {t('documents.addPasted')}
        </button>
        {hidden > 0 && (
          <button type="button" onClick={state.reset} disabled={busy}>
            {t('documents.reset', { count: hidden })}
          </button>
        )}
      </div>
      {busy && <p className="detail">{t('common.working')}</p>}
      <ul className="messages" role="status" data-testid="document-messages">
        {messages.map((message, i) => (
          <li key={i} className={message.kind === 'failed' ? 'error' : 'notice'}>
            {actionText(message, t)}
          </li>
        ))}
        <ImportReport />
      </ul>
      <DocumentsTable documents={documents} busy={busy} onView={onView} onRemove={state.remove} />
    </details>
  );
}
