import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentMessage, DocumentsState } from '../hooks/use-documents';
import { DocumentsTable } from './DocumentsTable';
import { directoryFiles } from './import/directory-files';
import { ACCEPT, IMPORT_LIMITS_MB } from './import/accept';
import { ImportReport } from './import/ImportReport';
import { PickButton } from './import/PickButton';

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
