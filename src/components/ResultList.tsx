import { useState } from 'react';
import { messageText } from '../app/messages-en';
import type { SearchHit, SearchResponse } from '../shared/protocol';
import { Highlighted } from './Highlighted';
import { S } from './inspector/strings';
import { pageLabel } from './import/strings';

const FOUND_BY_LABEL = { semantic: 'semantic', keyword: 'keyword', both: 'semantic + keyword' } as const;

interface ResultListProps {
  /** The answer to show. */
  response: SearchResponse;
  /** Opens a result's article with the passage in place. */
  onShowInContext: (hit: SearchHit) => void;
  /** Opens the inspector at the fusion step for a result ("Why this result"). */
  onWhy: (hit: SearchHit) => void;
}

function HitMeta({ hit }: { hit: SearchHit }) {
  return (
    <footer className="meta">
      <span>score {hit.score.toFixed(4)}</span>
      {hit.cosine !== undefined && <span>cosine {hit.cosine.toFixed(3)}</span>}
      <span data-testid="found-by" data-found-by={hit.foundBy}>
        found by {FOUND_BY_LABEL[hit.foundBy]}
        {hit.denseRank !== undefined && ` · semantic #${hit.denseRank}`}
        {hit.keywordRank !== undefined && ` · keyword #${hit.keywordRank}`}
      </span>
    </footer>
  );
}

function WhyButton({ hit, onWhy }: { hit: SearchHit; onWhy: (hit: SearchHit) => void }) {
  return (
    <button type="button" data-testid="why" onClick={() => onWhy(hit)}>
      {S.whyThis}
    </button>
  );
}

function ResultGroup({
  hits,
  onShowInContext,
  onWhy,
}: {
  hits: SearchHit[];
  onShowInContext: (hit: SearchHit) => void;
  onWhy: (hit: SearchHit) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const [best, ...more] = hits;
  if (!best) return null;
  return (
    <li
      data-testid="result"
      data-source={best.source}
      data-doc-id={best.docId}
      data-page={best.page}
      className="result"
    >
      <header>
        <h3>{best.title}</h3>
        <span className="source">
          {best.source}
          {best.page !== undefined && <span data-testid="result-page"> · {pageLabel(best.page)}</span>}
        </span>
      </header>
      <p className="passage">
        <Highlighted segments={best.segments} />
      </p>
      <HitMeta hit={best} />
      <div className="result-actions">
        <button type="button" onClick={() => onShowInContext(best)}>
          Show in context
        </button>
        <WhyButton hit={best} onWhy={onWhy} />
        {more.length > 0 && (
          <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Hide' : 'Show'} {more.length} more {more.length === 1 ? 'passage' : 'passages'} from
            this article
          </button>
        )}
      </div>
      {expanded && (
        <ol className="more-results">
          {more.map((hit) => (
            <li key={hit.passageId} data-testid="more-result" data-page={hit.page}>
              {hit.page !== undefined && <span className="source">{pageLabel(hit.page)}</span>}
              <p className="passage">
                <Highlighted segments={hit.segments} />
              </p>
              <HitMeta hit={hit} />
              <button type="button" onClick={() => onShowInContext(hit)}>
                Show in context
              </button>
              <WhyButton hit={hit} onWhy={onWhy} />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** Results grouped by article: the best passage shown, the others collapsed under it; with timing. */
export function ResultList({ response, onShowInContext, onWhy }: ResultListProps) {
  const { hits, groups, timings } = response;
  return (
    <section className="results" aria-label="results">
      <p
        className="timing"
        data-testid="timing"
        data-total-ms={timings.totalMs}
        data-mode={response.mode}
        data-query={response.query}
      >
        {hits.length} passages in {groups.length} articles · {timings.totalMs.toFixed(1)} ms (embed{' '}
        {timings.embedMs.toFixed(1)} ms · vector scan {timings.scanMs.toFixed(2)} ms · keyword{' '}
        {timings.keywordMs.toFixed(1)} ms) · {response.mode}
      </p>
      {response.fallbackReason && (
        <p className="notice" data-testid="fallback">
          {messageText(response.fallbackReason)}
        </p>
      )}
      {hits.length === 0 && (
        <p className="empty" data-testid="no-results" data-empty={response.empty ?? 'no-match'}>
          {response.empty === 'nothing-to-search'
            ? 'Nothing to search for: the query has only punctuation, spaces or function words.'
            : 'No passage matches this query.'}
        </p>
      )}
      <ol>
        {groups.map((group) => (
          <ResultGroup
            key={group.map((i) => hits[i]?.passageId).join()}
            hits={group.flatMap((i) => hits[i] ?? [])}
            onShowInContext={onShowInContext}
            onWhy={onWhy}
          />
        ))}
      </ol>
    </section>
  );
}
