import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../../src/core/ingest';
import { evaluateQuery, type QueryEvaluation } from '../../../src/core/metrics/evaluate';
import { parseQueries } from '../../../src/core/metrics/queries';
import type { EvalHit } from '../../../src/core/metrics/relevance';
import { addPassages, createKeywordIndex, searchKeyword } from '../../../src/core/search/keyword-index';
import { CORPUS_FILES, corpusBytes, realTokenCounter } from '../text/fixtures';

const QUERIES = parseQueries(readFileSync(join(__dirname, '../../fixtures/eval/dev-queries.jsonl'), 'utf8'));
const K = 5;

describe('dev queries in keyword mode over the ingested corpus', () => {
  const evaluations: QueryEvaluation[] = [];

  beforeAll(async () => {
    const index = createKeywordIndex();
    const hitsById = new Map<string, EvalHit>();
    for (const source of CORPUS_FILES) {
      const { passages } = await ingestDocument({ bytes: corpusBytes(source), source }, realTokenCounter());
      for (const passage of passages) hitsById.set(passage.id, { source, text: passage.text });
      addPassages(index, passages);
    }
    for (const query of QUERIES) {
      const hits = searchKeyword(index, query.query, K).flatMap((hit) => hitsById.get(hit.id) ?? []);
      evaluations.push(evaluateQuery(query, hits, K));
    }
  });

  it('finds the answer of every lexical, cross-script and English query in the top 5', () => {
    const lexical = evaluations.filter((e) => ['lexical', 'cross-script', 'english'].includes(e.kind));
    expect(lexical.length).toBeGreaterThan(0);
    expect(lexical.filter((e) => e.recall !== 1).map((e) => e.id)).toEqual([]);
  });

  it('returns no spam or boilerplate for negative queries', () => {
    const negative = evaluations.filter((e) => e.kind === 'negative');
    expect(negative.length).toBeGreaterThan(0);
    expect(negative.filter((e) => e.junkHits > 0).map((e) => e.id)).toEqual([]);
  });
});
