/**
 * The eval command over the dev queries with the generated test model: a retrieval-quality floor for the
 * app's hybrid search, the negative-query guarantee, and the shape of `--json`. The corpus is embedded once.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateQuery } from '../../src/core/metrics/evaluate';
import { detectJunk } from '../../src/core/metrics/junk';
import { parseQueries } from '../../src/core/metrics/queries';
import { findModel, TEST_MODEL_NOTE } from '../../src/embed/registry';
import { withQueryInstruction } from '../../src/core/query-instruction';
import { DEFAULT_QUERIES, type EvalMode } from '../../scripts/eval/args';
import { ROOT, runEvalCli, type CliIo } from '../../scripts/eval/cli';
import { evaluateMode, type EvalReport } from '../../scripts/eval/evaluate';
import { prepareEval, type EvalSetup } from '../../scripts/eval/prepare';

const QUERIES = parseQueries(readFileSync(join(ROOT, DEFAULT_QUERIES), 'utf8'));
const MODES: readonly EvalMode[] = ['hybrid', 'dense', 'lexical'];
const METRIC_KEYS = ['recall@1', 'recall@5', 'recall@10', 'mrr@10', 'ndcg@10'];

let setup: EvalSetup;
const reports = new Map<EvalMode, EvalReport>();

function report(mode: EvalMode): EvalReport {
  const found = reports.get(mode);
  if (!found) throw new Error(`no ${mode} report`);
  return found;
}

/** Runs the CLI on the shared index; returns what it wrote and the model it asked to prepare. */
async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const prepared: (string | undefined)[] = [];
  const io: CliIo = { out: (text) => out.push(text), err: (line) => err.push(line) };
  const code = await runEvalCli(argv, io, async ({ model }) => {
    prepared.push(model?.id);
    return setup;
  });
  return { code, out, err, prepared };
}

beforeAll(async () => {
  setup = await prepareEval({ root: ROOT, model: findModel('fixture'), log: () => {} });
  for (const mode of MODES) reports.set(mode, await evaluateMode(setup, QUERIES, mode, 10));
}, 180_000);

afterAll(async () => {
  await setup?.dense?.embedder.dispose();
});

describe('eval over the dev queries with the test model', () => {
  it('hybrid finds at least 90% of the non-paraphrase answers in the top 5', () => {
    const answerable = report('hybrid').queries.filter((q) => !['paraphrase', 'negative'].includes(q.kind));
    expect(answerable.length).toBeGreaterThan(0);
    const recalls = answerable.map((q) => {
      const query = QUERIES.find((candidate) => candidate.id === q.id);
      if (!query) throw new Error(`unknown query ${q.id}`);
      return { id: q.id, recall: evaluateQuery(query, q.hits, 5).recall ?? 0 };
    });
    const recall = recalls.reduce((sum, r) => sum + r.recall, 0) / recalls.length;
    const missed = recalls.filter((r) => r.recall < 1).map((r) => r.id);
    expect(recall, `not in the top 5: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it.each(MODES)('%s returns no spam or boilerplate for negative queries', (mode) => {
    const negatives = report(mode).queries.filter((q) => q.kind === 'negative');
    expect(negatives.length).toBeGreaterThan(0);
    for (const q of negatives) {
      expect(q.junkHits).toEqual([]);
      expect(q.hits.filter((hit) => detectJunk(hit.text) !== null)).toEqual([]);
    }
  });

  it.each(MODES)('%s averages recall@10 over the queries with relevant passages only', (mode) => {
    const { queries, metrics } = report(mode);
    const answerable = queries.filter((q) => q.kind !== 'negative');
    const found = answerable.filter((q) => q.firstRelevantRank !== null).length;
    expect(metrics['recall@10']).toBeCloseTo(found / answerable.length, 10);
    expect(queries.filter((q) => q.kind === 'negative').every((q) => q.firstRelevantRank === null)).toBe(
      true,
    );
  });

  it('names the model only when one takes part', () => {
    expect(report('hybrid')).toMatchObject({
      model: 'fixture-small-zh',
      testModel: true,
      note: TEST_MODEL_NOTE,
    });
    expect(report('lexical')).toMatchObject({ model: null, testModel: false });
  });
});

describe('the eval command', () => {
  it('prints one JSON object of the documented shape with --json', async () => {
    const { code, out, prepared } = await cli(['--model', 'fixture', '--k', '5', '--json']);
    expect(code).toBe(0);
    expect(prepared).toEqual(['fixture-small-zh']);
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0] ?? '');
    expect(json).toMatchObject({ mode: 'hybrid', model: 'fixture-small-zh', testModel: true, k: 5 });
    expect(json.note).toContain('knows no meanings');
    expect(Object.keys(json.metrics)).toEqual(METRIC_KEYS);
    expect(json.metrics['recall@10']).toBeNull();
    expect(json.metrics['recall@5']).toEqual(expect.any(Number));
    const kinds = new Set(QUERIES.map((q) => q.kind));
    expect(Object.keys(json.byKind).sort()).toEqual([...kinds].sort());
    for (const kind of Object.values(json.byKind))
      expect(Object.keys(kind as object)).toEqual([...METRIC_KEYS, 'queries', 'junkRate']);
    expect(json.queries).toHaveLength(QUERIES.length);
    for (const q of json.queries) {
      expect(Object.keys(q).slice(0, 5)).toEqual(['id', 'kind', 'query', 'firstRelevantRank', 'hits']);
      expect(q.hits.length).toBeGreaterThan(0);
      expect(q.hits.length).toBeLessThanOrEqual(5);
      for (const [i, hit] of q.hits.entries()) {
        expect(Object.keys(hit)).toEqual(['rank', 'source', 'text', 'score']);
        expect(hit.rank).toBe(i + 1);
      }
      expect('junkHits' in q).toBe(q.kind === 'negative');
    }
  });

  it('prints tables under a header naming the test model and the mode', async () => {
    const { code, out, prepared } = await cli(['--model', 'fixture', '--mode', 'dense']);
    expect(code).toBe(0);
    expect(prepared).toEqual(['fixture-small-zh']);
    const text = out.join('\n');
    expect(text.split('\n')[0]).toBe(
      'model fixture-small-zh (TEST MODEL: matches shared characters, knows no meanings) · mode dense · k 10',
    );
    for (const kind of ['cross-script', 'paraphrase', 'negative', 'overall'])
      expect(text).toMatch(new RegExp(`^${kind} +\\d+ `, 'm'));
  });

  it('rejects an unknown mode with the usage text', async () => {
    const { code, err, prepared } = await cli(['--mode', 'semantic']);
    expect(code).toBe(2);
    expect(prepared).toEqual([]);
    expect(err.join('\n')).toContain('usage: npm run eval');
  });

  it('fails on an unreachable hub with a message suggesting the test model', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const err: string[] = [];
    const code = await runEvalCli(['--hub', `http://127.0.0.1:${port}/`], {
      out: () => {},
      err: (line) => err.push(line),
    });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/could not load Xenova\/bge-small-zh-v1\.5[^]*--model fixture/);
  });
});

describe('int8 search on the corpus vectors', () => {
  it('returns the same top 10 through the WASM int8 scan as the exact JS scan, for every dev query', async () => {
    const dense = setup.dense;
    if (!dense) throw new Error('no dense side');
    const { matrix, embedder, model } = dense;
    for (const query of QUERIES) {
      const vector = await embedder.embed([withQueryInstruction(query.query, model.queryInstruction)]);
      expect(matrix.search(vector, 10)).toEqual(matrix.scan(vector, 10));
      expect(matrix.lastSearchPath).toBe('int8-wasm');
    }
  });
});
