import { describe, expect, it } from 'vitest';
import { bestWindow, type MarkedText } from '../../../src/core/search/best-window';

const plain = (text: string): MarkedText => ({ text, hit: false });
const hit = (text: string): MarkedText => ({ text, hit: true });
const joined = (segments: MarkedText[]) => segments.map((part) => part.text).join('');

describe('bestWindow', () => {
  it('shows the three sentences around the strongest highlights', () => {
    const window = bestWindow([
      plain('第一句。第二句。第三句。第四句有'),
      hit('开源'),
      plain('模型。第五句。第六句。第七句。'),
    ]);
    expect(joined(window.segments)).toBe('第三句。第四句有开源模型。第五句。');
    expect(window.segments.filter((part) => part.hit).map((part) => part.text)).toEqual(['开源']);
    expect(window).toMatchObject({ before: true, after: true });
  });

  it('prefers the sentences with more highlighted characters', () => {
    const window = bestWindow(
      [
        plain('一'),
        hit('模'),
        plain('。二。三。四。五。六'),
        hit('开源模型'),
        plain('。七'),
        hit('阿里'),
        plain('。'),
      ],
      { sentences: 2 },
    );
    expect(joined(window.segments)).toBe('六开源模型。七阿里。');
    expect(window).toMatchObject({ before: true, after: false });
  });

  it('keeps a short passage whole', () => {
    const segments = [plain('只有一句话，'), hit('开源'), plain('。第二句。')];
    expect(bestWindow(segments)).toEqual({ segments, before: false, after: false });
  });

  it('opens at the start when nothing is highlighted (a semantic-only match)', () => {
    const window = bestWindow([plain('甲。乙。丙。丁。戊。')]);
    expect(joined(window.segments)).toBe('甲。乙。丙。');
    expect(window).toMatchObject({ before: false, after: true });
  });

  it('drops the weaker edge sentence when three would be too long', () => {
    const long = '很长'.repeat(50);
    const window = bestWindow([plain(`前文。${long}。中间有`), hit('开源'), plain(`。${long}。后文。`)], {
      maxChars: 160,
    });
    const text = joined(window.segments);
    expect(text).toContain('开源');
    expect(text.length).toBeLessThan(160);
    expect(window).toMatchObject({ before: true, after: true });
  });
});
