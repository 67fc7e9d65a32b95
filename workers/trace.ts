/**
 * Collects the inspector's trace of one search inside the worker. Created only when a search asks for it
 * (`inspect: true`), so an ordinary search computes and sends none of this.
 */
import { fusionTable } from '../src/core/inspect/fusion-table';
import { histogram } from '../src/core/inspect/histogram';
import type { StageTiming } from '../src/core/inspect/stages';
import type { FusedHit } from '../src/core/search/fuse';
import { normalizeForMatch } from '../src/core/text/script';
import type { VectorMatrix } from '../src/core/vector/matrix';
import type { EmbedTrace, SearchTrace } from '../src/shared/inspect';
import type { Library } from './library';
import type { DenseSide } from './searcher';

/** Bins of the cosine histogram. */
const HISTOGRAM_BINS = 40;

/** The trace of one search, filled in as the search runs. */
export class SearchTracer {
  private embedTrace: EmbedTrace | undefined;
  private readonly timings: StageTiming[] = [];

  constructor(private readonly query: string) {}

  /** Embeds the query step by step when the embedder can, else as usual (the trace then has no model steps). */
  async embed(dense: DenseSide, text: string): Promise<Float32Array> {
    if (!dense.embedder.trace) return dense.embedder.embed([text]);
    this.embedTrace = await dense.embedder.trace(text);
    return this.embedTrace.vector;
  }

  /** Records a stage measured by the search itself. */
  record(stage: StageTiming['stage'], ms: number): void {
    this.timings.push({ stage, ms });
  }

  /**
   * The finished trace: cosine of every searchable passage, keyword terms and fusion of the shown hits.
   * Its own cost is the `inspect` stage.
   */
  finish(
    library: Library,
    dense: DenseSide | undefined,
    fused: readonly FusedHit[],
    query: Float32Array | undefined,
  ): SearchTrace {
    const started = performance.now();
    const ids = fused.map((hit) => hit.id);
    const trace: SearchTrace = {
      query: this.query,
      instruction: this.embedTrace && dense ? dense.model.queryInstruction : '',
      keywordText: normalizeForMatch(this.query),
      embed: this.embedTrace,
      cosine: dense && query ? cosineHistogram(dense.matrix, query, library) : undefined,
      keywordTerms: library.keywordTermContributions(this.query, ids),
      fusion: fusionTable(fused),
      timings: [...(this.embedTrace?.timings ?? []), ...this.timings],
    };
    trace.timings.push({ stage: 'inspect', ms: performance.now() - started });
    return trace;
  }
}

function cosineHistogram(matrix: VectorMatrix, query: Float32Array, library: Library): SearchTrace['cosine'] {
  const scores: number[] = [];
  matrix.ids.forEach((id, row) => {
    if (library.isSearchable(id)) scores.push(matrix.score(query, row));
  });
  return { histogram: histogram(scores, HISTOGRAM_BINS), passages: scores.length };
}
