import { modelLabel } from '../app/model-label';
import { useTranslation } from 'react-i18next';
import { MODELS } from '../embed/registry';

interface ErrorBannerProps {
  /** Which step failed, in the reader's language. */
  summary: string;
  /** What went wrong, in words a user understands. */
  message: string;
  /** Retry the failed step. */
  onRetry: () => void;
  /** Offer the bundled test models as a way forward. */
  offerTestModels: boolean;
}

/** A failure with a retry and, for model failures, the test models as an alternative. */
export function ErrorBanner({ summary, message, onRetry, offerTestModels }: ErrorBannerProps) {
  const testModels = MODELS.filter((model) => model.testModel);
  const { t } = useTranslation();
  return (
    <div className="error" role="alert" data-testid="error">
      <p>
        <strong data-testid="error-summary">{summary}</strong> {message}
      </p>
      <button type="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
      {offerTestModels &&
        testModels.map((model) => (
          <a key={model.id} className="button" href={`?model=${encodeURIComponent(model.id)}`}>
            {t('error.useTestModel', { label: modelLabel(model, t), note: t('models.testModelNote') })}
          </a>
        ))}
    </div>
  );
}
