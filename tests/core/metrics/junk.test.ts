import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectJunk } from '../../../src/core/metrics/junk';

const corpusFile = (name: string): string =>
  readFileSync(join(__dirname, '../../../public/corpus', name), 'utf8');

describe('detectJunk', () => {
  it('flags the spam line of article 003', () => {
    const spam = corpusFile('003_48c5744fef53a8f7.txt').split('\n')[0] ?? '';
    expect(detectJunk(spam)).toBe('spam');
    expect(detectJunk('國產AV線上看，無碼不卡')).toBe('spam');
  });

  it('flags portal boilerplate in either script', () => {
    expect(detectJunk('特別聲明:以上內容為自媒體平臺“網易號”用戶上傳並發布')).toBe('boilerplate');
    expect(detectJunk('相关推荐\n热点推荐')).toBe('boilerplate');
    expect(detectJunk('Notice: The content above (including the pictures) is uploaded')).toBe('boilerplate');
    expect(
      detectJunk('深圳這兩個區,贏麻了\n樓市諸葛\n2026-04-26 14:29:42\n另一條\n某某\n2026-04-25 07:21:31'),
    ).toBe('boilerplate');
  });

  it('leaves content alone, including words that only look suspicious', () => {
    expect(detectJunk('阿里已开源200多款模型，覆盖成人教育与黄色预警等场景')).toBeNull();
    expect(detectJunk('The AV1 codec is available on Java platforms.')).toBeNull();
    expect(detectJunk('2025年,阿里云營收1180億元')).toBeNull();
  });
});
