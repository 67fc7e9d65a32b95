import { useTranslation } from 'react-i18next';
import { importer } from '../../app/importer';
import type { ResumeOffer as Offer } from '../../app/import-runner';
import { folderFiles } from './dropped-files';

/**
 * "An import of N files was interrupted after M; resume?" with Resume and Discard. Resume reads the folder
 * again through its stored handle; without one (or without permission), it asks for the same folder or
 * files again and skips the files already done.
 */
export function ResumeOffer({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  return (
    <div className="notice resume-offer" data-testid="import-resume-offer" role="status">
      <p>{t('importQueue.offer.text', { count: offer.total, done: offer.done })}</p>
      {offer.pickAgain ? (
        <p className="import-actions">
          {t('importQueue.offer.pickAgain', { count: offer.done })}{' '}
          <label className="button">
            {t('importQueue.offer.pickFolder')}
            <input
              type="file"
              multiple
              {...{ webkitdirectory: '' }}
              data-testid="resume-folder-input"
              className="visually-hidden"
              onChange={(event) => void importer.resumeWith(folderFiles(event.target.files))}
            />
          </label>
          <label className="button">
            {t('importQueue.offer.pickFiles')}
            <input
              type="file"
              multiple
              data-testid="resume-file-input"
              className="visually-hidden"
              onChange={(event) => void importer.resumeWith(Array.from(event.target.files ?? []))}
            />
          </label>
        </p>
      ) : (
        <p className="import-actions">
          <button
            type="button"
            data-testid="resume-offer-accept"
            onClick={() => void importer.resumeInterrupted()}
          >
            {t('importQueue.offer.resume')}
          </button>
        </p>
      )}
      <button
        type="button"
        data-testid="resume-offer-discard"
        onClick={() => void importer.discardInterrupted()}
      >
        {t('importQueue.offer.discard')}
      </button>
    </div>
  );
}
