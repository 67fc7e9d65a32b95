import { describe, expect, it } from 'vitest';
import { messageText } from '../../src/app/message-text';
import { describeModelError } from '../../src/embed/errors';
import { i18n, startI18n } from '../../src/i18n/i18n';

/** The page's sentence for a model that failed with `error`. */
const said = (modelId: string, error: unknown) => messageText(describeModelError(modelId, error));

describe('describeModelError', () => {
  startI18n('en');

  it('names the model and explains a network failure, pointing at keyword search', () => {
    const failure = describeModelError('Xenova/bge-small-zh-v1.5', new TypeError('Failed to fetch'));
    expect(failure).toEqual({ code: 'model-failed', model: 'Xenova/bge-small-zh-v1.5', reason: 'network' });
    const message = messageText(failure);
    expect(message).toMatch(/^Could not download Xenova\/bge-small-zh-v1\.5: the network is unreachable/);
    expect(message).toContain('keyword search works meanwhile');
  });

  it('explains files missing with downloads off', () => {
    const error = new Error(
      '`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at "/models/x/config.json".',
    );
    expect(said('fixture-small-zh', error)).toBe(
      'Could not load fixture-small-zh: its files are not available on this site and downloading is off for it.',
    );
  });

  it('explains a full disk', () => {
    expect(said('m', new DOMException('Quota exceeded', 'QuotaExceededError'))).toMatch(/storage is full/);
  });

  it('keeps other messages as a sentence', () => {
    expect(said('m', new Error('bad graph'))).toBe('Could not load m: bad graph.');
  });

  it('speaks the reader’s language, in their script', async () => {
    await i18n.changeLanguage('zh-Hans');
    expect(said('m', new TypeError('Failed to fetch'))).toMatch(/^无法下载 m：网络不通/);
    await i18n.changeLanguage('zh-Hant');
    expect(said('m', new TypeError('Failed to fetch'))).toMatch(/^無法下載 m：網路不通/);
    await i18n.changeLanguage('en');
  });
});
