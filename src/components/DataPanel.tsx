import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndexTransfer } from '../hooks/use-index-transfer';

/** Export the index to a file, import one made elsewhere, or delete everything stored. */
export const DataPanel = memo(function DataPanel() {
  const transfer = useIndexTransfer();
  const [confirming, setConfirming] = useState(false);
  const { t } = useTranslation();
  return (
    <details className="data-panel" data-testid="data-panel">
      <summary>{t('data.summary')}</summary>
      <div className="data-actions">
        <button
          type="button"
          onClick={transfer.exportIndex}
          disabled={transfer.busy}
          data-testid="export-index"
        >
          {t('data.export')}
        </button>
        <label className="button">
          {t('data.import')}
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
              {t('data.confirmClear')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('data.keep')}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={transfer.busy}
            data-testid="clear-all"
          >
            {t('data.clear')}
          </button>
        )}
      </div>
      {transfer.busy && <p className="detail">{t('common.working')}</p>}
      {transfer.message && (
        <p className={transfer.message.error ? 'error' : 'notice'} role="status" data-testid="data-message">
          {transfer.message.text}
        </p>
      )}
    </details>
  );
});
