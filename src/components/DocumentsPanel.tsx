import { useState } from 'react';
import type { DocumentsState } from '../hooks/use-documents';
import type { DocumentSummary } from '../shared/protocol';
import { folderFiles } from './import/dropped-files';
import { ADD_FILES_DETAIL, ADD_FOLDER, ACCEPT, FORMATS_LABEL, formatWithPages } from './import/strings';

const SHOWN_REMOVALS = 20;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function CleaningReport({ doc }: { doc: DocumentSummary }) {
  const steps = doc.report.filter((step) => step.count > 0);
  if (steps.length === 0) return <span className="detail">nothing removed</span>;
  return (
    <details className="report" data-testid="cleaning-report">
      <summary>{steps.map((step) => `${step.step} ${step.count}`).join(' · ')}</summary>
      {steps.map((step) => (
        <div key={step.step}>
          <h4>
            {step.step} ({step.count})
          </h4>
          <ul>
            {step.removed.slice(0, SHOWN_REMOVALS).map((text, i) => (
              <li key={i}>
                <code>{text}</code>
              </li>
            ))}
            {step.removed.length > SHOWN_REMOVALS && <li>… {step.removed.length - SHOWN_REMOVALS} more</li>}
          </ul>
        </div>
      ))}
    </details>
  );
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
        Documents ({documents.length - hidden}
        {hidden > 0 && `, ${hidden} hidden`}) · add your own {FORMATS_LABEL} files
      </summary>
      <div className="add-files">
        <label className="button">
          Add files…
          <input
            type="file"
            multiple
            accept={ACCEPT}
            data-testid="file-input"
            className="visually-hidden"
            onChange={(event) => {
              state.addFiles(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
        </label>
        <label className="button">
          {ADD_FOLDER}
          <input
            type="file"
            multiple
            // React has no typed prop for it: the folder picker of every current browser.
            {...{ webkitdirectory: '' }}
            data-testid="folder-input"
            className="visually-hidden"
            onChange={(event) => {
              state.addFiles(folderFiles(event.target.files));
              event.target.value = '';
            }}
          />
        </label>
        <span className="detail">{ADD_FILES_DETAIL}</span>
        <textarea
          aria-label="Paste text"
          placeholder="…or paste text here"
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
        <button type="button" disabled={pasted.trim() === '' || busy} onClick={addPasted}>
          Add pasted text
        </button>
        {hidden > 0 && (
          <button type="button" onClick={state.reset} disabled={busy}>
            Reset: show the {hidden} hidden bundled {hidden === 1 ? 'article' : 'articles'}
          </button>
        )}
      </div>
      {busy && <p className="detail">Working…</p>}
      <ul className="messages" role="status" data-testid="document-messages">
        {messages.map((message, i) => (
          <li key={i} className={message.error ? 'error' : 'notice'}>
            {message.error ? message.text : `${message.name}: ${message.text}`}
          </li>
        ))}
      </ul>
      <table className="documents-table">
        <thead>
          <tr>
            <th>Document</th>
            <th>Encoding or format</th>
            <th>Size</th>
            <th>Passages</th>
            <th>Cleaning removed</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <tr
              key={doc.id}
              data-testid="document"
              data-source={doc.source}
              className={doc.hidden ? 'hidden-doc' : ''}
            >
              <td>
                <b>{doc.title}</b>
                <div className="source">
                  {doc.source} · {doc.origin === 'corpus' ? 'bundled' : 'yours'}
                  {doc.hidden && ' · hidden'}
                </div>
              </td>
              <td>{doc.pages === undefined ? doc.encoding : formatWithPages(doc.encoding, doc.pages)}</td>
              <td>{formatSize(doc.size)}</td>
              <td>{doc.passages}</td>
              <td>
                <CleaningReport doc={doc} />
              </td>
              <td className="actions">
                <button type="button" onClick={() => onView(doc.id)}>
                  View
                </button>
                {!doc.hidden && (
                  <button
                    type="button"
                    onClick={() => state.remove(doc)}
                    disabled={busy}
                    data-testid="delete-document"
                  >
                    {doc.origin === 'corpus' ? 'Hide' : 'Delete'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
