import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/i18n/format';

describe('formatDuration', () => {
  it('writes seconds, minutes and seconds, or hours and minutes, rounded up', () => {
    expect(formatDuration(0.2, 'en')).toBe('1 sec');
    expect(formatDuration(42.1, 'en')).toBe('43 sec');
    expect(formatDuration(125, 'en')).toBe('2 min 5 sec');
    expect(formatDuration(120, 'en')).toBe('2 min');
    expect(formatDuration(1500, 'en')).toBe('25 min');
    expect(formatDuration(3725, 'en')).toBe('1 hr 2 min');
  });

  it('writes Chinese units as the language joins them', () => {
    expect(formatDuration(125, 'zh-Hans')).toBe('2分钟5秒');
    expect(formatDuration(3725, 'zh-Hans')).toBe('1小时2分钟');
    expect(formatDuration(42, 'zh-Hant')).toBe('42 秒');
  });
});
