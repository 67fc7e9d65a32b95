import type { AppStatus } from '../core/status/reducer';
import { findModel } from '../embed/registry';

/** One line of facts: model, device, dtype, threads, index state. */
export function StatusBar({ status }: { status: AppStatus }) {
  const { model, index, corpus } = status;
  const entry = findModel(model.id);
  return (
    <footer
      className="status"
      data-testid="status"
      data-model={model.id}
      data-model-phase={model.phase}
      data-device={model.device}
      data-dtype={model.dtype}
      data-dtype-reason={model.dtypeReason}
      data-threads={model.threads}
      data-isolated={model.isolated}
      data-load-ms={model.loadMs}
      data-index-phase={index.phase}
      data-embedded={index.done}
      data-index-ms={index.ms}
      data-passages={index.total}
      aria-live="polite"
    >
      <span>
        <b>{entry?.label ?? (model.id || 'no model')}</b>
        {entry?.testModel && <em className="test-model"> ({entry.testModel})</em>}
      </span>
      <span>model: {model.phase}</span>
      {model.device && <span>device: {model.device}</span>}
      {model.dtype && <span title={model.dtypeReason}>dtype: {model.dtype}</span>}
      {model.device === 'wasm' && (
        <span title={model.isolated ? 'cross-origin isolated' : 'not cross-origin isolated: one thread only'}>
          threads: {model.threads}
          {model.isolated ? '' : ' (not isolated)'}
        </span>
      )}
      <span>
        index: {index.phase}
        {index.phase === 'ready' &&
          ` · ${index.total} passages (${index.done} embedded now, ${index.reused} reused)`}
      </span>
      <span>
        {corpus.documents} documents · {corpus.passages} passages
      </span>
    </footer>
  );
}
