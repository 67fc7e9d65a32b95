/**
 * The eval command on a folder in BEIR layout: a tiny hand-made set (tests/fixtures/beir-tiny) whose
 * answers are known, searched in lexical mode and with the tiny test model.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBeirFolder } from '../../scripts/eval/beir';
import { ROOT, runEvalCli } from '../../scripts/eval/cli';

const TINY = join(ROOT, 'tests/fixtures/beir-tiny');

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvalCli(argv, { out: (text) => out.push(text), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('loadBeirFolder', () => {
  it('reads the corpus, the queries with a relevant entry and their graded judgements', async () => {
    const set = await loadBeirFolder(TINY);
    expect(set.corpus.map((doc) => doc.id)).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(set.corpus[0]).toMatchObject({ title: '开源模型' });
    expect(set.queries.map((query) => query.id)).toEqual(['q1', 'q2', 'q3']);
    expect(set.qrels.get('q3')).toEqual(
      new Map([
        ['d4', 1],
        ['d3', 0],
      ]),
    );
  });

  it('names the missing file and the expected layout', async () => {
    await expect(loadBeirFolder(join(TINY, 'qrels'))).rejects.toThrow(
      /beir: cannot read .*qrels\/corpus\.jsonl \(a BEIR folder holds corpus\.jsonl, queries\.jsonl, qrels\/test\.tsv\)/,
    );
  });
});

describe('npm run eval -- --corpus DIR', () => {
  it('prints one JSON object with the BEIR metrics, the query count and keyword timings', async () => {
    const { code, out } = await cli(['--corpus', TINY, '--mode', 'lexical', '--json']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0] ?? '');
    expect(json).toMatchObject({
      mode: 'lexical',
      model: null,
      k: 100,
      queries: 3,
      documents: 4,
      passages: 5,
    });
    // Every answer ranks first, including d4, whose answer is in its second passage.
    expect(json.metrics).toEqual({ 'ndcg@10': 1, 'mrr@10': 1, 'recall@10': 1, 'recall@100': 1 });
    expect(json.keyword.buildMs).toEqual(expect.any(Number));
    expect(json.keyword.queryP50Ms).toEqual(expect.any(Number));
  });

  it('prints the four metrics and the keyword timings as text', async () => {
    const { code, out } = await cli(['--corpus', TINY, '--mode', 'lexical']);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^queries +ndcg@10 +mrr@10 +recall@10 +recall@100$/m);
    expect(text).toMatch(/^3 +1\.000 +1\.000 +1\.000 +1\.000$/m);
    expect(text).toMatch(/keyword index: built in [\d.]+ ms, search p50 [\d.]+ ms per query/);
  });

  it('runs the dense side with a test model and says it is one', async () => {
    const { code, out } = await cli([
      '--corpus',
      TINY,
      '--mode',
      'dense',
      '--model',
      'fixture-tiny',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out[0] ?? '');
    expect(json).toMatchObject({ mode: 'dense', model: 'fixture-tiny', testModel: true, queries: 3 });
    expect(json.note).toContain('knows no meanings');
    expect(json.metrics['recall@100']).toBe(1);
    expect(json.keyword.queryP50Ms).toBeNull();
  }, 60_000);

  it('refuses --queries with --corpus, and a folder that is not BEIR', async () => {
    const both = await cli(['--corpus', TINY, '--queries', 'x.jsonl']);
    expect(both.code).toBe(2);
    expect(both.err.join('\n')).toContain('give --queries or --corpus, not both');
    const wrong = await cli(['--corpus', join(ROOT, 'tests/fixtures/eval'), '--mode', 'lexical']);
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toContain('beir: cannot read');
  });
});
