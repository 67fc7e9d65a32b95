/**
 * The keyword-ranking ablation (see EVALUATION.md), printed as a Markdown table:
 *
 *   npm run ablation -- [--corpus DIR]
 *
 * Default corpus: the XQuAD-R zh fixture. Rows: the ranking of the previous release, each of its
 * components switched off (or, for query unigrams, on) on its own, plain BM25, and the app's ranking.
 */
import { parseArgs } from 'node:util';
import { KEYWORD_RANKING, type KeywordRanking } from '../src/core/search/keyword-ranking';
import { runAblation, type AblationRow } from './eval/ablation';
import { loadBeirFolder } from './eval/beir';
import { ROOT } from './eval/cli';
import { loadBeirLibrary, loadCorpusLibrary } from './eval/corpus';

/** The ranking before the ablation: MiniSearch's BM25+ with every extra on. */
const PREVIOUS: KeywordRanking = {
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
  coordination: true,
  queryUnigrams: 'none',
  segmenterWords: true,
  stopCharacterUnigrams: true,
  prefix: true,
  fuzzy: true,
  combineWith: 'OR',
};

const RANKINGS: Record<string, KeywordRanking> = {
  'previous release (all on)': PREVIOUS,
  'no score × matched terms': { ...PREVIOUS, coordination: false },
  'no BM25+ floor (d = 0)': { ...PREVIOUS, bm25: { ...PREVIOUS.bm25, d: 0 } },
  'no Intl.Segmenter words': { ...PREVIOUS, segmenterWords: false },
  'no prefix matching': { ...PREVIOUS, prefix: false },
  'no fuzzy matching': { ...PREVIOUS, fuzzy: false },
  'AND instead of OR': { ...PREVIOUS, combineWith: 'AND' },
  '+ query unigrams': { ...PREVIOUS, queryUnigrams: 'match' },
  '+ query unigrams, rerank only': { ...PREVIOUS, queryUnigrams: 'rerank' },
  'no stop-character unigrams': { ...PREVIOUS, stopCharacterUnigrams: false },
  'plain BM25 (unigrams + bigrams, nothing else)': {
    bm25: { k: 1.2, b: 0.75, d: 0 },
    coordination: false,
    queryUnigrams: 'match',
    segmenterWords: false,
    stopCharacterUnigrams: true,
    prefix: false,
    fuzzy: false,
    combineWith: 'OR',
  },
  'the app now': KEYWORD_RANKING,
  'the app now, no score × matched terms': { ...KEYWORD_RANKING, coordination: false },
  'the app now, d = 0': { ...KEYWORD_RANKING, bm25: { ...KEYWORD_RANKING.bm25, d: 0 } },
  'the app now, + Intl.Segmenter words': { ...KEYWORD_RANKING, segmenterWords: true },
  'the app now, no prefix matching': { ...KEYWORD_RANKING, prefix: false },
  'the app now, no fuzzy matching': { ...KEYWORD_RANKING, fuzzy: false },
  'the app now, + stop-character unigrams': { ...KEYWORD_RANKING, stopCharacterUnigrams: true },
  'the app now, no query unigrams': { ...KEYWORD_RANKING, queryUnigrams: 'none' },
  'the app now, query unigrams match': { ...KEYWORD_RANKING, queryUnigrams: 'match' },
};

const cells = (m: AblationRow['beir']): string[] =>
  [m['ndcg@10'], m['mrr@10'], m['recall@10'], m['recall@100']].map((v) => v.toFixed(3));

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { corpus: { type: 'string', default: 'tests/fixtures/xquad-r-zh' } },
});
const set = await loadBeirFolder(values.corpus);
const beir = await loadBeirLibrary(ROOT, set.corpus);
const corpus = await loadCorpusLibrary(ROOT);
const rows = await runAblation(ROOT, RANKINGS, set, beir.library, corpus.library);
const header = [
  'ranking',
  'nDCG@10',
  'MRR@10',
  'R@10',
  'R@100',
  'p50 ms',
  'dev nDCG@10',
  'dev MRR@10',
  'dev R@10',
  'dev R@100',
];
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
for (const row of rows)
  console.log(`| ${[row.name, ...cells(row.beir), row.p50Ms.toFixed(2), ...cells(row.dev)].join(' | ')} |`);
