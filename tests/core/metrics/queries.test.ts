import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQueries } from '../../../src/core/metrics/queries';

describe('parseQueries', () => {
  it('parses the dev query file', () => {
    const queries = parseQueries(
      readFileSync(join(__dirname, '../../fixtures/eval/dev-queries.jsonl'), 'utf8'),
    );
    expect(queries).toHaveLength(12);
    expect(queries[0]).toEqual({
      id: 'd01',
      query: '北京AI相关社会融资规模有多大',
      kind: 'cross-script',
      relevant: [{ source: '000_de30fa2f6999b426.txt', text: '北京AI相關社會融資達440億元' }],
    });
    expect(queries.filter((q) => q.kind === 'negative').map((q) => q.relevant)).toEqual([[]]);
  });

  it('skips blank lines and names the line of an error', () => {
    const ok = '{"id":"a","query":"q","kind":"negative","relevant":[]}';
    expect(parseQueries(`\n${ok}\r\n\n`)).toHaveLength(1);
    expect(() => parseQueries(`${ok}\n{oops`)).toThrow('metrics: line 2: not JSON');
    expect(() => parseQueries('{"id":"a","query":"q","kind":"fuzzy","relevant":[]}')).toThrow(
      'metrics: line 1: unknown kind "fuzzy"',
    );
    expect(() => parseQueries('{"id":"a","query":"q","kind":"lexical","relevant":[]}')).toThrow(
      'metrics: line 1: negative queries, and only they, have no relevant span',
    );
    expect(() => parseQueries('{"id":"a","query":"q","kind":"lexical","relevant":[{"source":"x"}]}')).toThrow(
      'metrics: line 1: relevant entries need source and text',
    );
  });
});
