/**
 * Bad input, end to end through ingestion (decode → HTML → clean → chunk) and highlighting: every file is
 * either refused with a message naming it and saying why, or read with nothing of its text lost.
 * RELIABILITY.md lists each case.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestDocument, MAX_INPUT_BYTES } from '../../src/core/ingest';
import { highlightSpans } from '../../src/core/search/highlight';
import { MAX_MODEL_TOKENS } from '../../src/core/tokenize/bert-tokenizer';
import { realTokenCounter } from './text/fixtures';

const count = realTokenCounter();
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ingest = (bytes: Uint8Array, source: string) => ingestDocument({ bytes, source }, count);
const SENTENCE = '阿里巴巴宣布开源了新的语言模型，研究人员表示这个模型在多个测试中表现出色。';

describe('refused files name the file and say why', () => {
  it.each([
    ['a 0-byte file', new Uint8Array(), 'empty.txt', 'empty.txt: the file is empty'],
    ['only spaces and newlines', utf8(' \n\t\u3000\n'), 'blank.txt', 'blank.txt: the file contains no text'],
    [
      'a PNG renamed .txt',
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
      'photo.txt',
      'photo.txt: looks like a binary file, not text',
    ],
    [
      'random bytes renamed .txt',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
      'data.txt',
      'data.txt: looks like a binary file, not text',
    ],
    [
      'half UTF-8, half GBK',
      Uint8Array.from([...utf8(SENTENCE.repeat(3)), ...iconv.encode(SENTENCE.repeat(3), 'gbk')]),
      'mixed.txt',
      'mixed.txt: could not be read as UTF-8, UTF-16, GB18030 (GBK) or Big5 text',
    ],
  ])('%s', async (_case, bytes, source, message) => {
    await expect(ingest(bytes, source)).rejects.toThrow(message);
  });

  it('a 50 MB text, naming the size and the limit', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(bytes.length).toBeGreaterThan(MAX_INPUT_BYTES);
    await expect(ingest(bytes, 'huge.txt')).rejects.toThrow(
      'huge.txt: the file is too large (50.0 MB; the limit is 5 MB)',
    );
  });
});

describe('odd but readable files keep all their text', () => {
  it('one 1 MB line without punctuation becomes passages within the model limit, covering it all', async () => {
    const line = SENTENCE.replace(/[，。]/g, '').repeat(9000);
    expect(utf8(line).length).toBeGreaterThan(900_000);
    const { document, passages } = await ingest(utf8(line), 'line.txt');
    expect(document.text).toBe(line);
    expect(passages.map((passage) => passage.text).join('')).toBe(line);
    for (const passage of passages) {
      expect(passage.tokens).toBeLessThanOrEqual(MAX_MODEL_TOKENS);
      expect(document.text.slice(passage.start, passage.end)).toBe(passage.text);
    }
  }, 60_000);

  it('invalid UTF-8 bytes: read as UTF-8 with the damage counted, the rest intact', async () => {
    const good = utf8(SENTENCE.repeat(5));
    const damaged = Uint8Array.from([...good.subarray(0, 30), 0xff, ...good.subarray(30)]);
    const { document, raw } = await ingest(damaged, 'damaged.txt');
    expect(document.encoding).toBe('utf-8');
    expect(raw.replace('\uFFFD', '')).toBe(SENTENCE.repeat(5));
  });

  it('zero-width characters are removed, right-to-left text and emoji are kept', async () => {
    const text = '开\u200b源模\u200d型\ufeff发布。\nשלום עולם مرحبا بالعالم。\n😀开源模型👍🏽发布了🇨🇳。\n';
    const { document, passages } = await ingest(utf8(text), 'scripts.txt');
    expect(document.text).toContain('开源模型发布');
    expect(document.text).toContain('שלום עולם مرحبا بالعالم');
    expect(document.text).toContain('😀开源模型👍🏽发布了🇨🇳');
    const joined = passages.map((passage) => passage.text).join('');
    expect(joined).toContain('مرحبا');
    expect(joined).toContain('👍🏽');
  });

  it('HTML: scripts, styles, iframes and on* attributes leave no trace, the text stays', async () => {
    const html = `<html><head><style>p{color:red}</style><script>steal()</script></head><body>
      <p onclick="alert(1)">星河铁路开通。</p><iframe src="https://example.com">框架替代文字</iframe>
      <img src="x" onerror="alert(2)"><p onmouseover="alert(3)">全程十八分钟。</p></body></html>`;
    const { document } = await ingest(utf8(html), 'page.html');
    expect(document.text).toBe('星河铁路开通。\n全程十八分钟。');
  });

  it('Markdown with raw HTML is text: the markup is kept as written, to be shown as text', async () => {
    const markdown = '# 标题\n\n正文<script>alert(1)</script>和<b onclick="x()">粗体</b>。\n';
    const { document } = await ingest(utf8(markdown), 'notes.md');
    expect(document.text).toContain('正文<script>alert(1)</script>和<b onclick="x()">粗体</b>。');
  });
});

describe('a 10,000-character query', () => {
  it('highlights without throwing and only inside the passage', () => {
    const passage = `😀${SENTENCE}`;
    const query = `${SENTENCE}${'模型'.repeat(5000)}`.slice(0, 10_000);
    const spans = highlightSpans(passage, query);
    expect(spans.length).toBeGreaterThan(0);
    for (const { start, end } of spans) expect(0 <= start && start < end && end <= passage.length).toBe(true);
  });
});
