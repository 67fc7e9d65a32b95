import { useTranslation } from 'react-i18next';
import { importer } from '../../app/importer';
import type { ResumeOffer as Offer } from '../../app/import-runner';
import { PickButton } from './PickButton';

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
          <PickButton
            label={t('importQueue.offer.pickFolder')}
            testId="resume-folder-input"
            folder
            onFiles={(files) => void importer.resumeWith(files)}
          />
          <PickButton
            label={t('importQueue.offer.pickFiles')}
            testId="resume-file-input"
            onFiles={(files) => void importer.resumeWith(files)}
          />
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
