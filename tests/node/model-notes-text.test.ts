import { describe, expect, it } from 'vitest';
import { deviceChoiceText, modelNoticeText, precisionText } from '../../src/app/model-notes-text';
import type { DeviceChoiceNote, ModelNotice, PrecisionReason } from '../../src/core/status/model-notes';
import { i18n, startI18n } from '../../src/i18n/i18n';

const REASONS: PrecisionReason[] = [
  { code: 'default', device: 'wasm' },
  { code: 'asked' },
  { code: 'no-shader-f16' },
  { code: 'no-file', model: 'fixture-tiny', missing: 'q8' },
  {
    code: 'no-file-for-device',
    model: 'Xenova/bge-m3',
    wanted: 'webgpu',
    missing: ['fp16', 'fp32'],
    device: 'wasm',
    dtype: 'q8',
  },
  { code: 'no-shader-f16', ignored: 'fp16' },
];

const MEASURED: DeviceChoiceNote = {
  code: 'measured',
  query: 'wasm',
  batch: 'webgpu',
  timings: [
    { device: 'webgpu', dtype: 'fp16', queryMs: 9.2, batchMs: 20, batchSize: 8 },
    { device: 'wasm', dtype: 'q8', queryMs: 4.4, batchMs: 60, batchSize: 8 },
  ],
};
const CHOICES: DeviceChoiceNote[] = [
  MEASURED,
  { code: 'gpu-batch-failed', detail: 'invalid LayerNorm shader module' },
  { code: 'wasm-failed', detail: 'out of memory' },
  { code: 'wasm-not-timed', dtype: 'q8', bytes: 24 * 1024 ** 2 },
];

const NOTICES: ModelNotice[] = [
  { code: 'no-webgpu-adapter' },
  {
    code: 'fallback',
    failures: [
      { device: 'webgpu', dtype: 'fp16', detail: 'E1' },
      { device: 'webgpu', dtype: 'fp32', detail: 'E2' },
    ],
    device: 'wasm',
    dtype: 'q8',
  },
];

const everyText = () => [
  ...REASONS.map((reason) => precisionText(reason)),
  ...CHOICES.map((choice) => deviceChoiceText(choice)),
  ...NOTICES.map((notice) => modelNoticeText(notice)),
];

/** Latin words other than device, precision and model names, feature names and the runtime's own words. */
const englishWords = (text: string) =>
  (text.match(/[A-Za-z][\w-]*/g) ?? []).filter(
    (word) =>
      !/^(wasm|webgpu|WebGPU|WASM|fp16|fp32|q8|shader-f16|MB|Xenova|bge-m3|fixture-tiny|invalid|LayerNorm|shader|module|out|of|memory|E1|E2)$/.test(
        word,
      ),
  );

describe('model notes in the reader’s language', () => {
  startI18n('en');

  it('says why this precision, which device does what with the figures, and the fallbacks, in English', async () => {
    await i18n.changeLanguage('en');
    expect(everyText()).toEqual([
      'the default on wasm',
      'asked for',
      'this WebGPU adapter lacks shader-f16',
      'fixture-tiny has no q8 file',
      'Xenova/bge-m3 has no fp16 or fp32 file for webgpu; using wasm q8',
      'fp16 was asked for but cannot run here; this WebGPU adapter lacks shader-f16',
      'Measured at warm-up: queries on wasm (4 ms vs 9 ms on webgpu), batches on webgpu (2.5 ms per passage vs 7.5 ms on wasm)',
      'WebGPU failed a batch at warm-up (invalid LayerNorm shader module), so WASM does all the work.',
      'WASM could not be loaded to time it (out of memory), so WebGPU does all the work.',
      'WebGPU does all the work. WASM was not timed against it: that would download its q8 weights, about 24.0 MB more.',
      'WebGPU was requested but this browser has no WebGPU adapter; using WASM.',
      'webgpu fp16 failed: E1 and webgpu fp32 failed: E2; using wasm q8.',
    ]);
  });

  it('says them in simplified Chinese, with the figures through Intl and no English sentence left', async () => {
    await i18n.changeLanguage('zh-Hans');
    const texts = everyText();
    for (const text of texts) expect([text, englishWords(text)]).toEqual([text, []]);
    expect(deviceChoiceText(MEASURED)).toBe(
      '预热时测得：查询用 wasm（4毫秒，对比 webgpu 上 9毫秒）；批量用 webgpu（每段 2.5毫秒，对比 wasm 上 7.5毫秒）',
    );
    expect(precisionText(REASONS[4]!)).toBe(
      'Xenova/bge-m3 没有适用于 webgpu 的 fp16或fp32 文件；改用 wasm q8',
    );
    expect(deviceChoiceText(CHOICES[3]!)).toContain('约 24.0 MB');
  });

  it('says them in traditional Chinese, in traditional characters', async () => {
    await i18n.changeLanguage('zh-Hant');
    const texts = everyText();
    for (const text of texts) expect([text, englishWords(text)]).toEqual([text, []]);
    expect(precisionText(REASONS[0]!)).toBe('wasm 上的預設精度');
    expect(modelNoticeText(NOTICES[0]!)).toBe('已要求使用 WebGPU，但此瀏覽器沒有 WebGPU 介面卡；改用 WASM。');
    expect(texts.join('')).not.toMatch(/[这为载时测]/);
  });
});
