/**
 * The model host's notes — why this precision, which device does which work with the warm-up figures, which
 * fallback was taken — in the reader's language, from the catalogs' `runtime` section. Figures go through
 * `Intl` (the `ms` and `megabytes` formatters), lists through i18next's `list` formatter (`Intl.ListFormat`).
 */
import type { TFunction } from 'i18next';
import type {
  DeviceChoiceNote,
  DeviceTiming,
  ModelNotice,
  PrecisionReason,
} from '../core/status/model-notes';
import { i18n } from '../i18n/i18n';

/**
 * Why the model runs at its precision.
 *
 * @example
 * precisionText({ code: 'no-shader-f16', ignored: 'fp16' });
 * // en: 'fp16 was asked for but cannot run here; this WebGPU adapter lacks shader-f16'
 */
export function precisionText(reason: PrecisionReason, t: TFunction = i18n.t): string {
  const text = (() => {
    switch (reason.code) {
      case 'default':
        return t('runtime.reason.default', { device: reason.device });
      case 'asked':
        return t('runtime.reason.asked');
      case 'no-shader-f16':
        return t('runtime.reason.noShaderF16');
      case 'no-file':
        return t('runtime.reason.noFile', { model: reason.model, missing: reason.missing });
      case 'no-file-for-device':
        return t('runtime.reason.noFileForDevice', {
          model: reason.model,
          missing: reason.missing,
          wanted: reason.wanted,
          device: reason.device,
          dtype: reason.dtype,
        });
    }
  })();
  return reason.ignored ? t('runtime.reason.ignored', { dtype: reason.ignored, reason: text }) : text;
}

const perPassage = (timing: DeviceTiming) => timing.batchMs / timing.batchSize;

/** `queries on wasm (4 ms vs 9 ms on webgpu)`, or the same for batches, per passage. */
function workText(
  kind: 'queries' | 'batches',
  device: string,
  timings: readonly DeviceTiming[],
  t: TFunction,
): string {
  const cost = kind === 'queries' ? (timing: DeviceTiming) => timing.queryMs : perPassage;
  const chosen = timings.find((timing) => timing.device === device);
  const others = timings
    .filter((timing) => timing.device !== device)
    .map((timing) => t(`runtime.choice.${kind}On`, { ms: cost(timing), device: timing.device }));
  const versus = others.length > 0 ? t('runtime.choice.versus', { others }) : '';
  return t(`runtime.choice.${kind}`, { device, ms: chosen ? cost(chosen) : 0, versus });
}

/**
 * Which device embeds queries and which batches, with the warm-up figures; or why WebGPU does everything.
 *
 * @example
 * deviceChoiceText({ code: 'wasm-not-timed', dtype: 'q8', bytes: 25_165_824 });
 * // en: 'WebGPU does all the work: WASM was not timed, because that would download its q8 file (24.0 MB) more.'
 */
export function deviceChoiceText(note: DeviceChoiceNote, t: TFunction = i18n.t): string {
  switch (note.code) {
    case 'measured':
      return t('models.deviceChoice', {
        choice: t('runtime.choice.measured', {
          queries: workText('queries', note.query, note.timings, t),
          batches: workText('batches', note.batch, note.timings, t),
        }),
      });
    case 'gpu-batch-failed':
      return t('runtime.choice.gpuBatchFailed', { detail: note.detail });
    case 'wasm-failed':
      return t('runtime.choice.wasmFailed', { detail: note.detail });
    case 'wasm-not-timed':
      return t('runtime.choice.wasmNotTimed', { dtype: note.dtype, bytes: note.bytes });
  }
}

/**
 * A notice about the model load.
 *
 * @example
 * modelNoticeText({ code: 'fallback', failures: [{ device: 'webgpu', dtype: 'fp16', detail: 'x' }], device: 'wasm', dtype: 'q8' });
 * // en: 'webgpu fp16 failed: x; using wasm q8.'
 */
export function modelNoticeText(notice: ModelNotice, t: TFunction = i18n.t): string {
  if (notice.code === 'no-webgpu-adapter') return t('runtime.notice.noWebgpuAdapter');
  const failures = notice.failures.map((failure) => t('runtime.notice.failed', { ...failure }));
  return t('runtime.notice.fallback', {
    failures,
    device: notice.device,
    dtype: notice.dtype,
  });
}
