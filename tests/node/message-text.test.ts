import { describe, expect, it } from 'vitest';
import { errorText, messageText } from '../../src/app/message-text';
import { RemoteError } from '../../src/worker-client/bridge';
import { i18n, startI18n } from '../../src/i18n/i18n';
import type { Message } from '../../src/shared/messages';

const EVERY_CODE: Message[] = [
  { code: 'corpus-file-refused', file: 'a.txt', reason: 'not-found' },
  { code: 'corpus-file-refused', file: 'a.txt', reason: 'hash-mismatch' },
  { code: 'upgrade-blocked' },
  { code: 'reload-needed' },
  { code: 'vectors-pending', passages: 12 },
  { code: 'vectors-pending', passages: 12, storageFull: true },
  { code: 'keyword-fallback', reason: 'model-loading' },
  { code: 'keyword-fallback', reason: 'index-building' },
  {
    code: 'keyword-fallback',
    reason: 'model-unavailable',
    cause: { code: 'model-failed', model: 'x', reason: 'other', detail: 'bad graph.' },
  },
  ...(['empty', 'binary', 'undecodable', 'unsupported', 'corrupt', 'encrypted', 'scanned'] as const).map(
    (reason): Message => ({ code: 'file-refused', file: 'b.txt', reason }),
  ),
  {
    code: 'file-refused',
    file: 'b.txt',
    reason: 'too-large',
    bytes: 6 * 1024 * 1024,
    limit: 5 * 1024 * 1024,
  },
  { code: 'file-refused', file: 'b.zip', reason: 'zip-bomb', limit: 200 * 1024 * 1024 },
  { code: 'file-refused', file: 'b.txt', reason: 'error', detail: 'boom' },
  { code: 'index-file-refused', reason: 'not-index' },
  { code: 'index-file-refused', reason: 'newer', version: 3, supported: 2 },
  { code: 'index-file-refused', reason: 'other-model', fileModel: 'a', fileDims: 64, model: 'b' },
  { code: 'index-file-refused', reason: 'nothing-to-export', model: 'b' },
  { code: 'document-gone' },
  { code: 'map-not-ready' },
  { code: 'no-model', reason: 'export' },
  { code: 'no-model', reason: 'import' },
  { code: 'model-folder-refused', reason: 'no-config' },
  { code: 'model-folder-refused', reason: 'no-name' },
  {
    code: 'model-folder-refused',
    reason: 'unknown-name',
    folder: 'my-model',
    accepted: ['bge-m3', 'fixture-tiny'],
  },
  {
    code: 'model-folder-refused',
    reason: 'ambiguous-name',
    folder: 'bge-m3',
    models: ['A/bge-m3', 'B/bge-m3'],
  },
  { code: 'model-folder-refused', reason: 'several-models', folders: ['m/a', 'm/b'] },
  {
    code: 'model-folder-refused',
    reason: 'incomplete',
    model: 'fixture-tiny',
    problems: [
      { problem: 'missing', file: 'tokenizer.json' },
      { problem: 'not-json', file: 'tokenizer_config.json' },
      { problem: 'no-model-type', file: 'config.json' },
      { problem: 'no-hidden-size', file: 'config.json' },
      { problem: 'empty', file: 'onnx/model.onnx' },
      {
        problem: 'hidden-size-mismatch',
        file: 'config.json',
        hiddenSize: 768,
        model: 'fixture-tiny',
        dims: 64,
      },
      { problem: 'weights-missing', file: 'onnx/model_quantized.onnx', dtype: 'q8' },
    ],
  },
  { code: 'model-folder-refused', reason: 'storage-full', model: 'fixture-tiny' },
  { code: 'model-folder-refused', reason: 'not-stored', model: 'fixture-tiny', detail: 'InvalidStateError' },
  { code: 'engine-stopped', detail: 'out of memory' },
  { code: 'lab-stopped', detail: 'out of memory' },
  { code: 'device-unavailable', device: 'webgpu' },
  { code: 'map-gone' },
  { code: 'corpus-unreadable', status: 404 },
  { code: 'vocabulary-unreadable', status: 404 },
];

describe('worker messages in the reader’s language', () => {
  startI18n('en');

  it.each(['en', 'zh-Hans', 'zh-Hant'])('%s has a text for every code, with its parameters', async (lng) => {
    await i18n.changeLanguage(lng);
    const texts = EVERY_CODE.map((message) => messageText(message));
    for (const text of texts) expect(text).not.toMatch(/messages\.|{{/);
    expect(new Set(texts).size).toBe(EVERY_CODE.length);
    expect(texts[0]).toContain('a.txt');
    expect(texts[4]).toContain('12');
    expect(texts[5]).toContain('12');
  });

  it('says a refused model folder with every file problem, in each language', async () => {
    const incomplete = EVERY_CODE.find(
      (m) => m.code === 'model-folder-refused' && m.reason === 'incomplete',
    )!;
    await i18n.changeLanguage('en');
    expect(messageText(incomplete)).toBe(
      'This folder cannot be used for fixture-tiny: tokenizer.json is missing; tokenizer_config.json is not valid JSON; ' +
        'config.json has no model_type; config.json has no hidden_size; onnx/model.onnx is empty; config.json says hidden_size 768, ' +
        'but fixture-tiny has 64 dimensions: this folder holds a different model; onnx/model_quantized.onnx is missing ' +
        '(the q8 weights this device uses; other precisions will not do).',
    );
    await i18n.changeLanguage('zh-Hans');
    expect(messageText(incomplete)).toMatch(
      /^此文件夹不能用于 fixture-tiny：缺少 tokenizer\.json；tokenizer_config\.json 不是有效的 JSON；/,
    );
    expect(
      messageText(EVERY_CODE.find((m) => m.code === 'model-folder-refused' && m.reason === 'unknown-name')!),
    ).toBe('“my-model”不是本应用认识的模型。请选择以下列名称之一命名的模型文件夹：bge-m3或fixture-tiny。');
    await i18n.changeLanguage('zh-Hant');
    expect(messageText({ code: 'engine-stopped', detail: 'x' })).toBe(
      '搜尋引擎意外停止（x）。你的文件安全地保存在此瀏覽器中；重新啟動即可繼續。',
    );
  });

  it('renders in the chosen script', async () => {
    await i18n.changeLanguage('zh-Hant');
    expect(messageText(EVERY_CODE[0]!)).toBe('無法取得內建文章 a.txt，已略過。');
    await i18n.changeLanguage('zh-Hans');
    expect(messageText(EVERY_CODE[0]!)).toBe('无法获取内置文章 a.txt，已略过。');
  });

  it('says a worker error by its code when it has one, else in its own words', async () => {
    await i18n.changeLanguage('zh-Hans');
    const refused = new RemoteError({
      name: 'IndexFileError',
      message: 'This is not an index file exported by this app.',
      said: { code: 'index-file-refused', reason: 'not-index' },
    });
    expect(errorText(refused)).toBe('这不是本应用导出的索引文件。');
    expect(errorText(new RemoteError({ name: 'Error', message: 'disk on fire' }))).toBe('disk on fire');
  });
});
