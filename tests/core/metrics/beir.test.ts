import { describe, expect, it } from 'vitest';
import { beirSet, parseBeirCorpus, parseBeirQueries, parseQrels } from '../../../src/core/metrics/beir';

describe('BEIR files', () => {
  it('parses the corpus with an optional title, skipping blank lines', () => {
    const corpus = '{"_id":"d1","title":"标题","text":"正文"}\n\n{"_id":"d2","text":"另一段"}\r\n';
    expect(parseBeirCorpus(corpus)).toEqual([
      { id: 'd1', title: '标题', text: '正文' },
      { id: 'd2', title: '', text: '另一段' },
    ]);
  });

  it('parses queries and graded qrels', () => {
    expect(parseBeirQueries('{"_id":"q1","text":"问题"}')).toEqual([{ id: 'q1', text: '问题' }]);
    const qrels = parseQrels('query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq2\td2\t1\n');
    expect(qrels).toEqual(
      new Map([
        [
          'q1',
          new Map([
            ['d1', 2],
            ['d2', 0],
          ]),
        ],
        ['q2', new Map([['d2', 1]])],
      ]),
    );
  });

  it('names the file and line of a malformed entry', () => {
    expect(() => parseBeirCorpus('{"_id":"d1","text":"a"}\n{"_id":1,"text":"b"}')).toThrow(
      'beir: corpus.jsonl line 2: "_id" must be a string',
    );
    expect(() => parseBeirQueries('{"_id":"q1"')).toThrow('beir: queries.jsonl line 1: not JSON');
    expect(() => parseQrels('q1\td1\t1')).toThrow('beir: qrels/test.tsv line 1: the header must be');
    expect(() => parseQrels('query-id\tcorpus-id\tscore\nq1\td1\thigh')).toThrow(
      'beir: qrels/test.tsv line 2: expected query-id, corpus-id and an integer score',
    );
  });

  it('keeps the queries with a relevant entry, in file order', () => {
    const queries = parseBeirQueries(
      ['{"_id":"q1","text":"一"}', '{"_id":"q2","text":"二"}', '{"_id":"q3","text":"三"}'].join('\n'),
    );
    const qrels = parseQrels('query-id\tcorpus-id\tscore\nq3\td1\t1\nq2\td1\t0\nq1\td1\t1\n');
    expect(beirSet([], queries, qrels).queries.map((q) => q.id)).toEqual(['q1', 'q3']);
    expect(() => beirSet([], queries, parseQrels('query-id\tcorpus-id\tscore\n'))).toThrow(
      'beir: no query in queries.jsonl has a relevant entry in the qrels',
    );
  });
});
