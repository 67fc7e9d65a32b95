import { useTranslation } from 'react-i18next';
import { importer } from '../../app/importer';
import type { DocumentSummary } from '../../shared/protocol';

/** Documents of a re-imported folder whose files are gone, with "Remove N documents" and "Keep them". */
export function StaleDocuments({ documents }: { documents: DocumentSummary[] }) {
  const { t } = useTranslation();
  return (
    <div className="notice stale-documents" data-testid="vanished">
      <p>{t('importQueue.stale.text', { count: documents.length })}</p>
      <ul>
        {documents.map((doc) => (
          <li key={doc.id} className="wrap" data-testid="vanished-document" data-source={doc.source}>
            {doc.source}
          </li>
        ))}
      </ul>
      <p className="import-actions">
        <button type="button" data-testid="vanished-remove" onClick={() => void importer.removeStale()}>
          {t('importQueue.stale.remove', { count: documents.length })}
        </button>
        <button type="button" data-testid="vanished-keep" onClick={() => importer.keepStale()}>
          {t('importQueue.stale.keep')}
        </button>
      </p>
    </div>
  );
}
