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
