import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument, IngestError, kindFromName, type IngestedDocument } from '../../src/core/ingest';
import { CORPUS_FILES, corpusBytes, corpusText, realTokenCounter } from './text/fixtures';

const count = realTokenCounter();
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
const normalise = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

interface DevQuery {
  id: string;
  relevant: Array<{ source: string; text: string }>;
}
const devQueries: DevQuery[] = readFileSync(
  new URL('../fixtures/eval/dev-queries.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DevQuery);

describe('ingestDocument on the bundled corpus', () => {
  const ingested = new Map<string, IngestedDocument>();
  const passagesOf = (prefix: string) =>
    [...ingested.entries()].find(([source]) => source.startsWith(prefix))?.[1].passages ?? [];
  const inSomePassage = (prefix: string, phrase: string) =>
    passagesOf(prefix).some((p) => p.text.includes(phrase));

  beforeAll(async () => {
    for (const file of CORPUS_FILES) {
      ingested.set(file, await ingestDocument({ bytes: corpusBytes(file), source: file }, count));
    }
  });

  it('keeps every passage within 512 tokens by the real vocabulary, with exact offsets', () => {
    for (const { document, passages } of ingested.values()) {
      expect(passages.length).toBeGreaterThan(0);
      passages.forEach((passage, index) => {
        expect(passage.tokens).toBe(count(passage.text));
        expect(passage.tokens).toBeLessThanOrEqual(512);
        expect(passage.text).toBe(document.text.slice(passage.start, passage.end));
        expect(passage).toMatchObject({ id: `${document.id}#${index}`, docId: document.id, index });
      });
    }
  });

  it('keeps the article bodies', () => {
    expect(inSomePassage('000', '北京以20家企業數量領先')).toBe(true);
    expect(inSomePassage('001', '往五道口扔下一塊磚')).toBe(true);
    expect(inSomePassage('002', '阿里已开源200多款模型')).toBe(true);
    expect(inSomePassage('003', '82%提升至95%')).toBe(true);
    expect(inSomePassage('004', 'Android powers over 70 per cent')).toBe(true);
  });

  it('puts every relevant span of the dev queries inside one passage of its article', () => {
    for (const query of devQueries) {
      for (const { source, text } of query.relevant) {
        const passages = ingested.get(source)?.passages ?? [];
        expect(
          passages.some((p) => normalise(p.text).includes(normalise(text))),
          `${query.id}: ${text}`,
        ).toBe(true);
      }
    }
  });

  it('indexes no pinyin, spam, navigation, footer or related-link text', () => {
    const junk = [
      '于幼軍的官場往事',
      '無障礙瀏覽',
      '網易首頁',
      '分享至',
      '特別聲明',
      'NetEase Hao',
      '相關推薦',
      '熱點推薦',
      '在线播放',
      '黃河新流域',
      '露珠聊影視',
    ];
    for (const { passages } of ingested.values()) {
      for (const passage of passages) {
        expect(passage.text).not.toMatch(TONED);
        expect(passage.text).not.toMatch(/(?<![a-z])av(?![a-z])/i);
        for (const phrase of junk) expect(passage.text).not.toContain(phrase);
      }
    }
  });

  it('records title, encoding and the cleaning report on the document', () => {
    const doc003 = ingested.get(CORPUS_FILES[3] ?? '')?.document;
    expect(doc003).toMatchObject({ title: '大廠AI各走“開源”路', encoding: 'utf-8', source: CORPUS_FILES[3] });
    expect(doc003?.report.map((r) => r.step)).toEqual(
      expect.arrayContaining(['pinyin', 'spam', 'related-links', 'legal-footer', 'navigation']),
    );
    expect(ingested.get(CORPUS_FILES[4] ?? '')?.document.title).toBe(
      '李開復《金融時報》專欄:開源已成中國大模型的全球競爭優勢',
    );
    expect(ingested.get(CORPUS_FILES[1] ?? '')?.raw).toBe(corpusText('001'));
  });
});

describe('ingestDocument', () => {
  it('gives an article the same id and passages whatever its encoding', async () => {
    const text = corpusText('004');
    const variants = [
      new Uint8Array(iconv.encode(text, 'utf8')),
      new Uint8Array(iconv.encode(text, 'big5')),
      new Uint8Array(iconv.encode(text, 'gbk')),
      new Uint8Array(iconv.encode(text, 'utf16le', { addBOM: true })),
    ];
    const results = await Promise.all(
      variants.map((bytes) => ingestDocument({ bytes, source: '004.txt' }, count)),
    );
    const ids = new Set(results.map((r) => r.document.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{16}$/);
    expect(results.map((r) => r.document.encoding)).toEqual(['utf-8', 'big5', 'gb18030', 'utf-16le']);
    for (const r of results) expect(r.passages).toEqual(results[0]?.passages);
  });

  it('gives different articles different ids', async () => {
    const a = await ingestDocument({ bytes: corpusBytes('000'), source: 'a.txt' }, count);
    const b = await ingestDocument({ bytes: corpusBytes('002'), source: 'b.txt' }, count);
    expect(a.document.id).not.toBe(b.document.id);
  });

  it('reads HTML files as text', async () => {
    const html =
      '<html><head><title>開源</title><script>alert(1)</script></head><body><p>第一段。</p><p>第二段。</p></body></html>';
    const { document, passages } = await ingestDocument(
      { bytes: new TextEncoder().encode(html), source: 'page.html' },
      count,
    );
    expect(document.text).toBe('開源\n第一段。\n第二段。');
    expect(document.title).toBe('開源');
    expect(passages.map((p) => p.text).join('')).not.toContain('alert');
  });

  it('refuses files that are binary, empty, or nothing but boilerplate', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n...');
    await expect(ingestDocument({ bytes: pdf, source: 'report.pdf' }, count)).rejects.toThrow(
      'report.pdf: looks like a binary file, not text',
    );
    await expect(ingestDocument({ bytes: new Uint8Array(), source: 'a.txt' }, count)).rejects.toBeInstanceOf(
      IngestError,
    );
    const spamOnly = new TextEncoder().encode('國產av|成人影片|無碼|人妻|黃色\n分享至\n');
    await expect(ingestDocument({ bytes: spamOnly, source: 'spam.txt' }, count)).rejects.toMatchObject({
      reason: 'empty',
      message: 'spam.txt: no text is left after cleaning',
    });
  });

  it('infers the kind from the file name', () => {
    expect(kindFromName('page.HTM')).toBe('html');
    expect(kindFromName('notes.md')).toBe('md');
    expect(kindFromName('article.txt')).toBe('txt');
    expect(kindFromName('README')).toBe('txt');
  });
});
