import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { messageText } from '../../../src/app/message-text';
import { ingestFile } from '../../../src/extract';
import { fileRefusal } from '../../../src/extract/refusal';
import { unzipCapped } from '../../../src/extract/zip';
import { i18n, startI18n } from '../../../src/i18n/i18n';
import { NODE_PDF_ASSETS } from '../../../scripts/build-index/pdf-assets';
import { realTokenCounter } from '../../core/text/fixtures';
import { refusalOf } from './helpers';

const count = realTokenCounter();

/** The page's sentence for the refusal of `source` with these bytes, in `language`. */
async function refusalText(bytes: Uint8Array, source: string, language: string): Promise<string> {
  const error = await refusalOf(ingestFile({ bytes, source }, count, NODE_PDF_ASSETS));
  await i18n.changeLanguage(language);
  return messageText(fileRefusal(error, source));
}

describe('a refused file, said in the reader’s language', () => {
  startI18n('en');

  it('names the file and the reason: empty, binary, too large, not a PDF', async () => {
    expect(await refusalText(new Uint8Array(0), '空.txt', 'zh-Hans')).toBe('空.txt：文件是空的。');
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
    expect(await refusalText(png, '图.txt', 'zh-Hans')).toBe('图.txt：看起来是二进制文件，不是文本。');
    expect(await refusalText(png, '圖.txt', 'zh-Hant')).toBe('圖.txt：看起來是二進位檔案，不是文字。');
    expect(await refusalText(png, 'a.txt', 'en')).toBe('a.txt: looks like a binary file, not text.');
    const huge = new Uint8Array(6 * 1024 * 1024);
    expect(await refusalText(huge, 'big.md', 'zh-Hans')).toBe('big.md：文件太大（6.0 MB；上限是 5.0 MB）。');
    expect(await refusalText(strToU8('not a pdf'), 'x.pdf', 'zh-Hans')).toBe(
      'x.pdf：文件已损坏或不完整，无法读取。',
    );
  });

  it('sets a zip bomb apart from a large file, with the unpacked limit', async () => {
    const bomb = zipSync({ 'big.bin': new Uint8Array(3 * 1024 * 1024) });
    const error = await refusalOf(() => unzipCapped(bomb, 'bomb.epub', { maxBytes: 2 * 1024 * 1024 }));
    expect(fileRefusal(error, 'bomb.epub')).toEqual({
      code: 'file-refused',
      file: 'bomb.epub',
      reason: 'zip-bomb',
      limit: 2 * 1024 * 1024,
    });
    await i18n.changeLanguage('zh-Hant');
    expect(messageText(fileRefusal(error, 'bomb.epub'))).toBe(
      'bomb.epub：這個壓縮檔解壓縮後超過 2.0 MB（可能是壓縮炸彈）。',
    );
  });

  it('keeps the words of an unexpected error', async () => {
    await i18n.changeLanguage('en');
    expect(messageText(fileRefusal(new Error('disk on fire'), 'a.txt'))).toBe(
      'a.txt: could not be added (disk on fire).',
    );
  });
});
