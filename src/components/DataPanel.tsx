import { useState } from 'react';
import { useIndexTransfer } from '../hooks/use-index-transfer';

/** Export the index to a file, import one made elsewhere, or delete everything stored. */
export function DataPanel() {
  const transfer = useIndexTransfer();
  const [confirming, setConfirming] = useState(false);
  return (
    <details className="data-panel" data-testid="data-panel">
      <summary>Index file · move your index to another browser or device</summary>
      <div className="data-actions">
        <button
          type="button"
          onClick={transfer.exportIndex}
          disabled={transfer.busy}
          data-testid="export-index"
        >
          Export index
        </button>
        <label className="button">
          Import index…
          <input
            type="file"
            accept=".ossindex,application/octet-stream"
            className="visually-hidden"
            data-testid="import-index"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) transfer.importIndex(file);
              event.target.value = '';
            }}
          />
        </label>
        {confirming ? (
          <>
            <button
              type="button"
              className="danger"
              data-testid="confirm-clear"
              onClick={() => {
                setConfirming(false);
                transfer.clearAll();
              }}
            >
              Yes, delete all data
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={transfer.busy}
            data-testid="clear-all"
          >
            Delete all data…
          </button>
        )}
      </div>
      {transfer.busy && <p className="detail">Working…</p>}
      {transfer.message && (
        <p className={transfer.message.error ? 'error' : 'notice'} role="status" data-testid="data-message">
          {transfer.message.text}
        </p>
      )}
    </details>
  );
}
