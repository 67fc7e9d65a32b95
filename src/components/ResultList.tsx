import type { SearchResponse } from '../shared/protocol';
import { Highlighted } from './Highlighted';

const FOUND_BY_LABEL = { semantic: 'semantic', keyword: 'keyword', both: 'semantic + keyword' } as const;

/** The top results with title, source, highlighted passage, score and timing. */
export function ResultList({ response }: { response: SearchResponse }) {
  const { hits, timings } = response;
  return (
    <section className="results" aria-label="results">
      <p
        className="timing"
        data-testid="timing"
        data-total-ms={timings.totalMs}
        data-mode={response.mode}
        data-query={response.query}
      >
        {hits.length} results in {timings.totalMs.toFixed(1)} ms (embed {timings.embedMs.toFixed(1)} ms ·
        vector scan {timings.scanMs.toFixed(2)} ms · keyword {timings.keywordMs.toFixed(1)} ms) ·{' '}
        {response.mode}
      </p>
      {response.fallbackReason && (
        <p className="notice" data-testid="fallback">
          {response.fallbackReason}
        </p>
      )}
      {hits.length === 0 && <p className="empty">No passage matches this query.</p>}
      <ol>
        {hits.map((hit) => (
          <li key={hit.passageId} data-testid="result" data-source={hit.source} className="result">
            <header>
              <h3>{hit.title}</h3>
              <span className="source">{hit.source}</span>
            </header>
            <p className="passage">
              <Highlighted segments={hit.segments} />
            </p>
            <footer className="meta">
              <span>score {hit.score.toFixed(4)}</span>
              {hit.cosine !== undefined && <span>cosine {hit.cosine.toFixed(3)}</span>}
              <span>
                found by {FOUND_BY_LABEL[hit.foundBy]}
                {hit.denseRank !== undefined && ` · semantic #${hit.denseRank}`}
                {hit.keywordRank !== undefined && ` · keyword #${hit.keywordRank}`}
              </span>
            </footer>
          </li>
        ))}
      </ol>
    </section>
  );
}
