import { memo } from 'react';
import { modelLabel } from '../app/model-label';
import { precisionText } from '../app/model-notes-text';
import { useTranslation } from 'react-i18next';
import type { AppStatus, CorpusStatus, IndexStatus, ModelStatus } from '../core/status/reducer';
import { findModel } from '../embed/registry';

/**
 * The model's facts. Memoised on the model's status, which keeps its identity while other parts change
 * (an import changes the library and the index after every batch, not the model).
 */
const ModelFacts = memo(function ModelFacts({ model }: { model: ModelStatus }) {
  const entry = findModel(model.id);
  const { t } = useTranslation();
  return (
    <>
      <span>
        <b>{entry ? modelLabel(entry, t) : model.id || t('status.noModel')}</b>
        {entry?.testModel && <em className="test-model"> ({t('models.testModelNote')})</em>}
      </span>
      <span>{t('status.model', { phase: t(`phase.${model.phase}`) })}</span>
      {model.device && <span>{t('status.device', { device: model.device })}</span>}
      {model.dtype && (
        <span title={model.dtypeReason && precisionText(model.dtypeReason, t)}>
          {t('status.dtype', { dtype: model.dtype })}
        </span>
      )}
      {model.device === 'wasm' && (
        <span title={t(model.isolated ? 'status.isolated' : 'status.notIsolated')}>
          {t(model.isolated ? 'status.threads' : 'status.threadsNotIsolated', { count: model.threads })}
        </span>
      )}
    </>
  );
});

/** The index's phase and counts; memoised on the index's status. */
const IndexFacts = memo(function IndexFacts({ index }: { index: IndexStatus }) {
  const { t } = useTranslation();
  return (
    <span>
      {t('status.index', { phase: t(`phase.${index.phase}`) })}
      {index.phase === 'ready' &&
        t('status.indexReady', { total: index.total, done: index.done, reused: index.reused })}
    </span>
  );
});

/** Documents and passages in the library; memoised on the corpus's status. */
const LibraryFacts = memo(function LibraryFacts({ corpus }: { corpus: CorpusStatus }) {
  const { t } = useTranslation();
  return <span>{t('status.library', { count: corpus.documents, passages: corpus.passages })}</span>;
});

/** One line of facts: model, device, dtype, threads, index state. */
export const StatusBar = memo(function StatusBar({ status }: { status: AppStatus }) {
  const { model, index, corpus } = status;
  return (
    <footer
      className="status"
      data-testid="status"
      data-model={model.id}
      data-model-phase={model.phase}
      data-device={model.device}
      data-dtype={model.dtype}
      data-dtype-reason={model.dtypeReason?.code ?? ''}
      data-threads={model.threads}
      data-isolated={model.isolated}
      data-load-ms={model.loadMs}
      data-index-phase={index.phase}
      data-embedded={index.done}
      data-index-ms={index.ms}
      data-passages={index.total}
      aria-live="polite"
    >
      <ModelFacts model={model} />
      <IndexFacts index={index} />
      <LibraryFacts corpus={corpus} />
    </footer>
  );
});
