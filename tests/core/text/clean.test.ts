import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../src/core/text/clean';
import { CORPUS_FILES, corpusText } from './fixtures';

const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
const removedBy = (result: ReturnType<typeof cleanText>, step: string): string[] =>
  result.report.find((r) => r.step === step)?.removed ?? [];

describe('cleanText on the corpus', () => {
  const cleaned = new Map(CORPUS_FILES.map((file) => [file.slice(0, 3), cleanText(corpusText(file))]));
  const get = (prefix: string) => cleaned.get(prefix) ?? cleanText('');

  it('leaves no tone-marked pinyin, and removed about a thousand annotations from 001 and 003', () => {
    for (const result of cleaned.values()) expect(result.text).not.toMatch(TONED);
    const count = removedBy(get('001'), 'pinyin').length + removedBy(get('003'), 'pinyin').length;
    expect(count).toBeGreaterThan(900);
    expect(get('001').text).toContain('北京北四環與中關村東路');
  });

  it('keeps ordinary parenthesised content', () => {
    expect(get('000').text).toContain('人工智能(AI)');
    expect(get('001').text).toContain('(2025年2月24日攝)');
    expect(get('004').text).toContain('“深度求索”(DeepSeek)');
  });

  it('removes navigation, share widgets, footers, related links and spam', () => {
    const gone = [
      '網易首頁',
      '申請入駐',
      '分享至',
      '特別聲明',
      'Notice: The content above',
      '相關推薦',
      '熱點推薦',
      '于幼軍的官場往事',
      '無障礙瀏覽',
      '進入關懷版',
      '国产av',
      '人妻系列',
      '黃河新流域',
      '2025-12-26 15:18:10',
    ];
    for (const result of cleaned.values()) {
      for (const phrase of gone) expect(result.text).not.toContain(phrase);
      expect(result.text.split('\n')).not.toContain('0');
    }
    expect(removedBy(get('003'), 'spam')).toHaveLength(1);
  });

  it('keeps the bodies whole, up to their last paragraph', () => {
    expect(get('000').text).toContain('北京以20家企業數量領先');
    expect(get('001').text).toContain('往五道口扔下一塊磚');
    expect(get('002').text).toContain('阿里已开源200多款模型');
    expect(get('003').text).toContain('82%提升至95%');
    expect(get('003').text).toContain('參考資料:零態LT');
    expect(get('004').text).toContain('Android powers over 70 per cent');
    expect(get('001').text).toContain('點亮未來');
    expect(get('002').text).toContain('预计在全球会有非常优异的表现。');
  });

  it('extracts headline titles, and a short lead from the first sentence otherwise', () => {
    expect(get('003').title).toBe('大廠AI各走“開源”路');
    expect(get('004').title).toBe('李開復《金融時報》專欄:開源已成中國大模型的全球競爭優勢');
    for (const prefix of ['000', '001', '002']) {
      const { title, text } = get(prefix);
      const lead = title.replace(/…$/, '');
      expect(text.startsWith(lead)).toBe(true);
      expect(Array.from(title).length).toBeLessThanOrEqual(31);
      expect(lead.length).toBeGreaterThan(5);
    }
  });

  it('extracts bylines and takes them out of the body', () => {
    expect(get('000').byline).toContain('節點財經');
    expect(get('000').text).not.toContain('來源 / 節點財經');
    expect(get('003').byline).toContain('茯神');
    expect(get('004').byline).toContain('李開復');
    expect(get('002').byline).toBeUndefined();
  });

  it('reports unrepairable mojibake runs in 001 and 003, none in the clean articles', () => {
    const text001 = get('001').text;
    const at = text001.indexOf('黃埔軍?!睆倪@里') + '黃埔軍'.length;
    expect(get('001').mojibake.some((run) => run.start <= at && run.end > at + 2)).toBe(true);
    expect(get('003').mojibake.length).toBeGreaterThan(0);
    for (const prefix of ['000', '002', '004']) expect(get(prefix).mojibake).toEqual([]);
    for (const result of cleaned.values()) {
      for (const run of result.mojibake) {
        expect(run.start).toBeLessThan(run.end);
        expect(run.end).toBeLessThanOrEqual(result.text.length);
      }
    }
  });

  it('is idempotent on every article', () => {
    for (const result of cleaned.values()) expect(cleanText(result.text).text).toBe(result.text);
  });
});

describe('cleaning steps', () => {
  it('removes pinyin after any character, also garbled ones and remnants without "("', () => {
    expect(cleanText('環(huán)境與P(guān)村').text).toBe('環境與P村');
    expect(cleanText('來到?lái)這里').text).toBe('來到?這里');
    const report = cleanText('環(huán)境').report.find((r) => r.step === 'pinyin');
    expect(report).toEqual({ step: 'pinyin', count: 1, removed: ['(huán)'] });
  });

  it('keeps parentheses that are not a toned syllable', () => {
    for (const text of ['的(de)', 'Curie (née Skłodowska)', 'café(s)', '費用(2024年)', 'x (huán)', '(AI)']) {
      expect(cleanText(text).text).toBe(text);
    }
  });

  it('cuts the related-links tail only at a heading line', () => {
    expect(cleanText('正文。\n相关推荐\n標題一\n標題二').text).toBe('正文。');
    expect(cleanText('網站的相關推薦功能很好用。').text).toBe('網站的相關推薦功能很好用。');
  });

  it('drops a keyword-spam line but keeps a markdown table and a short list', () => {
    const spam = '国产av一二三区|日本不卡动作网站|黄色天天久久影片|成人免费在线视频|人妻系列在线观看';
    expect(cleanText(`${spam}\n正文。`).text).toBe('正文。');
    const table = '| a | b | c | d | e |\n| 1 | 2 | 3 | 4 | 5 |';
    expect(cleanText(table).text).toBe(table);
    expect(cleanText('Java|Kotlin|Scala|Groovy|Clojure').text).toBe('Java|Kotlin|Scala|Groovy|Clojure');
  });

  it('keeps a number line that is not a share count', () => {
    expect(cleanText('標題\n0\n分享至\n01\n正文。').text).toBe('標題\n01\n正文。');
  });

  it('collapses blank lines and spaces into one paragraph per line', () => {
    const result = cleanText('\uFEFF  第一段\u3000\u3000內容 \r\n\r\n\r\n\t第二段\u200b。\n');
    expect(result.text).toBe('第一段 內容\n第二段。');
    expect(result.report.find((r) => r.step === 'whitespace')?.count).toBeGreaterThan(0);
  });

  it('gives empty text an empty title and never throws on odd input', () => {
    expect(cleanText('')).toMatchObject({ text: '', title: '', mojibake: [] });
    expect(() => cleanText('\u0000\uD800(á)?!|||>>>')).not.toThrow();
  });

  it('strips markdown heading marks from the title', () => {
    expect(cleanText('# Open source in China\n\nBody text.').title).toBe('Open source in China');
  });
});
