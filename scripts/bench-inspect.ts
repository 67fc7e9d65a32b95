/**
 * What the inspector costs, printed as numbers: the app's own `runSearch` over the bundled corpus with a
 * test model in Node (onnxruntime-node), each query once without and once with `inspect: true` (alternating
 * which goes first), and PCA of 10,000 × 512 clustered vectors with the map's projection code.
 *
 *   npm run bench:inspect [-- --queries 40] [--rounds 3]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pcaProjection } from '../src/core/inspect/projection';
import { clusteredUnitVectors } from '../src/bench/scale-corpus';
import { findModel } from '../src/embed/registry';
import { median } from '../src/bench/stats';
import { runSearch } from '../workers/searcher';
import { loadCorpusLibrary } from './eval/corpus';
import { embedLibrary, loadNodeEmbedder } from './eval/dense';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { queries: { type: 'string', default: '40' }, rounds: { type: 'string', default: '3' } },
});
const model = findModel('fixture-small-zh')!;
/** Never used: the dense side is always present here. */
const LOADING = { code: 'keyword-fallback', reason: 'model-loading' } as const;

const { library } = await loadCorpusLibrary(ROOT);
const embedder = await loadNodeEmbedder(model, join(ROOT, 'public/models/'));
const dense = await embedLibrary(model, embedder, library.allPassages());
// Distinct queries (no query cache here): the first characters of passages across the corpus.
const passages = library.allPassages();
const count = Math.min(Number(values.queries), passages.length);
const queries = Array.from({ length: count }, (_, i) =>
  passages[Math.floor((i * passages.length) / count)]!.text.slice(0, 14),
);

const search = async (query: string, inspect: boolean) =>
  (await runSearch({ query, mode: 'hybrid', k: 10, inspect }, library, dense, LOADING)).timings.totalMs;
await search('预热', true);
const plain: number[] = [];
const inspected: number[] = [];
const rounds = Array.from({ length: Number(values.rounds) }, () => queries).flat();
for (const [i, query] of rounds.entries()) {
  if (i % 2 === 0) {
    plain.push(await search(query, false));
    inspected.push(await search(query, true));
  } else {
    inspected.push(await search(query, true));
    plain.push(await search(query, false));
  }
}
const [plainMs, inspectMs] = [median(plain), median(inspected)];
console.log(
  `model ${model.id} (test model), ${passages.length} passages, ${queries.length} queries × ${values.rounds} rounds, hybrid, k 10`,
);
console.log(`worker query time, median: plain ${plainMs.toFixed(2)} ms, inspect ${inspectMs.toFixed(2)} ms`);
console.log(`inspector overhead: ${(((inspectMs - plainMs) / plainMs) * 100).toFixed(1)} %`);

// The map's PCA (druidjs) of clustered vectors, as the bench page measures it: three runs, the first cold.
const vectors = clusteredUnitVectors(10_000, 512, 50, 1);
const pcaMs = Array.from({ length: 3 }, () => {
  const started = performance.now();
  pcaProjection(vectors, 512);
  return (performance.now() - started).toFixed(0);
});
console.log(`PCA 10,000 × 512 (druidjs, Node), 3 runs: ${pcaMs.join(', ')} ms`);
await embedder.dispose();
