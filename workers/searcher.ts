/**
 * Answers one query: dense scan and BM25 as the mode asks, fused by reciprocal rank, then highlighted.
 */
import { withQueryInstruction } from '../src/core/query-instruction';
import { rankForMode } from '../src/core/search/fuse';
import { groupByDocument } from '../src/core/search/group';
import { highlightSpans, segmentsForRender } from '../src/core/search/highlight';
import { hasSearchTerms } from '../src/core/search/searchable';
import { toSimplified, traditionalConverter } from '../src/core/text/script';
import type { VectorMatrix } from '../src/core/vector/matrix';
import type { ModelEntry } from '../src/embed/registry';
import type { Embedder } from '../src/embed/loader';
import type {
  ScriptDisplay,
  SearchHit,
  SearchMode,
  SearchRequest,
  SearchResponse,
} from '../src/shared/protocol';
import type { Library } from './library';
import { SearchTracer } from './trace';
import { downloadCancelled } from '../src/core/engine/failure';
import type { EngineState } from '../src/core/engine/state';
import type { FallbackReason } from '../src/shared/messages';

/** Candidates taken from each ranking before fusion (at least k): enough that fusion can reorder the top k. */
const CANDIDATES = 50;

/** The dense side, present once a model is loaded and the index is built. */
export interface DenseSide {
  /** The model's entry (for the query instruction). */
  model: ModelEntry;
  /** Query embedder. */
  embedder: Embedder;
  /** All passage vectors for the model. */
  matrix: VectorMatrix;
}

/**
 * Why semantic search is not available in this state.
 *
 * @example
 * unavailableReason({ phase: 'loading-model', modelId: 'fixture-tiny' }); // { code: 'keyword-fallback', reason: 'model-loading' }
 */
export function unavailableReason(state: EngineState): FallbackReason {
  if (state.phase === 'cancelled')
    return { code: 'keyword-fallback', reason: 'model-unavailable', cause: downloadCancelled(state.modelId) };
  if (state.phase === 'failed')
    return { code: 'keyword-fallback', reason: 'model-unavailable', cause: state.cause };
  if (state.phase === 'indexing') return { code: 'keyword-fallback', reason: 'index-building' };
  return { code: 'keyword-fallback', reason: 'model-loading' };
}

/**
 * Runs a search. Without a dense side, the mode falls back to keyword and `fallbackReason` says why.
 * An aborted `signal` stops the search before the query is embedded and before the vectors are scanned.
 */
export async function runSearch(
  request: SearchRequest,
  library: Library,
  dense: DenseSide | undefined,
  unavailableReason: FallbackReason,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  throwIfAborted(signal);
  const started = performance.now();
  const mode: SearchMode = dense ? request.mode : 'keyword';
  const fallbackReason = mode !== request.mode ? unavailableReason : undefined;
  const timings = { embedMs: 0, scanMs: 0, keywordMs: 0, totalMs: 0 };
  if (!hasSearchTerms(request.query))
    return {
      query: request.query,
      mode,
      fallbackReason,
      hits: [],
      groups: [],
      timings,
      empty: 'nothing-to-search',
    };
  const candidates = Math.max(CANDIDATES, request.k);
  const tracer = request.inspect ? new SearchTracer(request.query) : undefined;

  let query: Float32Array | undefined;
  let denseRanking: { id: string; score: number }[] = [];
  if (dense && mode !== 'keyword') {
    const embedStart = performance.now();
    throwIfAborted(signal);
    const text = withQueryInstruction(request.query, dense.model.queryInstruction);
    query = tracer ? await tracer.embed(dense, text) : await dense.embedder.embed([text]);
    timings.embedMs = performance.now() - embedStart;
    throwIfAborted(signal);
    const scanStart = performance.now();
    denseRanking = dense.matrix
      .search(query, candidates)
      .filter((row) => library.isSearchable(row.id))
      .map((row) => ({ id: row.id, score: row.score }));
    timings.scanMs = performance.now() - scanStart;
    tracer?.record('scan', timings.scanMs);
  }
  let keywordRanking: { id: string; score: number }[] = [];
  if (mode !== 'semantic') {
    const keywordStart = performance.now();
    keywordRanking = library
      .searchKeyword(request.query, candidates)
      .filter((hit) => library.isSearchable(hit.id));
    timings.keywordMs = performance.now() - keywordStart;
    tracer?.record('keyword', timings.keywordMs);
  }

  const fusionStart = performance.now();
  const fused = rankForMode(mode, { dense: denseRanking, keyword: keywordRanking }).slice(0, request.k);
  const highlightStart = performance.now();
  tracer?.record('fusion', highlightStart - fusionStart);
  const show = await displayIn(request.script ?? 'original');
  const hits: SearchHit[] = [];
  for (const item of fused) {
    const passage = library.passage(item.id);
    const doc = passage && library.document(passage.docId);
    if (!passage || !doc) continue;
    hits.push({
      passageId: passage.id,
      docId: doc.id,
      source: doc.source,
      title: show(doc.title),
      text: show(passage.text),
      start: passage.start,
      page: passage.page,
      score: item.score,
      cosine: item.denseScore,
      denseRank: item.denseRank,
      keywordRank: item.keywordRank,
      foundBy: item.foundBy,
      segments: segmentsForRender(passage.text, highlightSpans(passage.text, request.query)).map(
        (segment) => ({
          ...segment,
          text: show(segment.text),
        }),
      ),
    });
  }
  const groups = groupByDocument(hits);
  tracer?.record('highlight', performance.now() - highlightStart);
  const trace = tracer?.finish(library, dense, fused, query);
  timings.totalMs = performance.now() - started;
  return { query: request.query, mode, fallbackReason, hits, groups, timings, trace };
}

/**
 * A converter for display. Conversion is character for character, so offsets and highlights stay valid.
 *
 * @example
 * (await displayIn('simplified'))('開源'); // '开源'
 */
export async function displayIn(script: ScriptDisplay): Promise<(text: string) => string> {
  if (script === 'simplified') return toSimplified;
  if (script === 'traditional') return traditionalConverter();
  return (text) => text;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  const error = new Error('A newer search replaced this one.');
  error.name = 'AbortError';
  throw error;
}
