import { useTranslation } from 'react-i18next';
import { deviceChoiceText, precisionText } from '../app/model-notes-text';
import type { ModelStatus } from '../core/status/reducer';
import { useWasmTiming } from '../hooks/use-wasm-timing';

/**
 * Why the model runs at its precision, and which device does which work with the warm-up figures; when WASM
 * was left untimed to spare a download, a button that downloads and times it.
 */
export function RuntimeNotes({ model }: { model: ModelStatus }) {
  const { t } = useTranslation();
  const timing = useWasmTiming();
  const choice = model.deviceChoice;
  return (
    <>
      {model.dtypeReason && (
        <p className="detail" data-testid="dtype-reason" data-reason={model.dtypeReason.code}>
          {t('models.dtypeReason', { dtype: model.dtype, reason: precisionText(model.dtypeReason, t) })}
        </p>
      )}
      {choice && (
        <p className="detail" data-testid="device-choice" data-choice={choice.code}>
          {deviceChoiceText(choice, t)}
          {choice.code === 'wasm-not-timed' && (
            <>
              {' '}
              <button type="button" onClick={timing.run} disabled={timing.busy} data-testid="time-wasm">
                {timing.busy ? t('common.working') : t('runtime.choice.timeWasm', { bytes: choice.bytes })}
              </button>
            </>
          )}
        </p>
      )}
      {timing.error && (
        <p className="error" role="alert">
          {timing.error}
        </p>
      )}
    </>
  );
}
