import { memo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageText } from '../app/message-text';
import { bestWindow } from '../core/search/best-window';
import type { SearchHit, SearchResponse } from '../shared/protocol';
import { Highlighted } from './Highlighted';

interface ResultListProps {
  /** The answer to show. */
  response: SearchResponse;
  /** Opens a result's article with the passage in place. */
  onShowInContext: (hit: SearchHit) => void;
  /** Opens the inspector at the fusion step for a result ("Why this result"). */
  onWhy: (hit: SearchHit) => void;
}

function HitMeta({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <footer className="meta">
      <span>{t('results.score', { score: hit.score })}</span>
      {hit.cosine !== undefined && <span>{t('results.cosine', { cosine: hit.cosine })}</span>}
      <span data-testid="found-by" data-found-by={hit.foundBy}>
        {t(`results.foundBy.${hit.foundBy}`)}
        {hit.denseRank !== undefined && t('results.denseRank', { rank: hit.denseRank })}
        {hit.keywordRank !== undefined && t('results.keywordRank', { rank: hit.keywordRank })}
      </span>
    </footer>
  );
}

/** The passage's best sentences, with the whole passage one click away. */
function Passage({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState(false);
  const shown = bestWindow(hit.segments);
  const cut = shown.before || shown.after;
  return (
    <>
      <p className="passage" data-testid="passage">
        {whole || !cut ? (
          <Highlighted segments={hit.segments} />
        ) : (
          <>
            {shown.before && '… '}
            <Highlighted segments={shown.segments} />
            {shown.after && ' …'}
          </>
        )}
      </p>
      {cut && (
        <button type="button" className="link" aria-expanded={whole} onClick={() => setWhole(!whole)}>
          {t(whole ? 'results.showBest' : 'results.showWhole')}
        </button>
      )}
    </>
  );
}

/** Opens the inspector at the fusion step for this hit. */
function WhyButton({ hit, onWhy }: { hit: SearchHit; onWhy: (hit: SearchHit) => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" data-testid="why" onClick={() => onWhy(hit)}>
      {t('inspector.whyThis')}
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
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const [best, ...more] = hits;
  if (!best) return null;
  const titleId = `result-${best.passageId}`;
  return (
    <li
      data-testid="result"
      data-source={best.source}
      data-doc-id={best.docId}
      data-page={best.page}
      className="result"
      tabIndex={0}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) onShowInContext(best);
      }}
    >
      <header>
        <h3 id={titleId} title={best.title}>
          {best.title}
        </h3>
        <span className="source" title={best.source}>
          {best.source}
          {best.page !== undefined && (
            <span data-testid="result-page"> · {t('results.page', { page: best.page })}</span>
          )}
        </span>
      </header>
      <Passage hit={best} />
      <HitMeta hit={best} />
      <div className="result-actions">
        <button type="button" onClick={() => onShowInContext(best)} data-testid="show-in-context">
          {t('results.showInContext')}
        </button>
        <WhyButton hit={best} onWhy={onWhy} />
        {more.length > 0 && (
          <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {t(expanded ? 'results.hideMore' : 'results.showMore', { count: more.length })}
          </button>
        )}
      </div>
      {expanded && (
        <ol className="more-results">
          {more.map((hit) => (
            <li key={hit.passageId} data-testid="more-result" data-page={hit.page}>
              {hit.page !== undefined && (
                <span className="source">{t('results.page', { page: hit.page })}</span>
              )}
              <Passage hit={hit} />
              <HitMeta hit={hit} />
              <button type="button" onClick={() => onShowInContext(hit)}>
                {t('results.showInContext')}
              </button>
              <WhyButton hit={hit} onWhy={onWhy} />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** ↑/↓ move the focus from result card to result card (↑ on the first goes back to the search box). */
function moveThroughResults(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const cards = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-testid="result"]'));
  const current = cards.findIndex((card) => card.contains(document.activeElement));
  if (current < 0) return;
  event.preventDefault();
  const next = current + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0) document.querySelector<HTMLElement>('[data-testid="query"]')?.focus();
  else cards[Math.min(next, cards.length - 1)]?.focus();
}

/** Results grouped by article: the best passage shown, the others collapsed under it; with timing. */
export const ResultList = memo(function ResultList({ response, onShowInContext, onWhy }: ResultListProps) {
  const { t } = useTranslation();
  const { hits, groups, timings } = response;
  return (
    <section className="results" aria-label={t('results.label')} onKeyDown={moveThroughResults}>
      <p
        className="timing"
        data-testid="timing"
        data-total-ms={timings.totalMs}
        data-mode={response.mode}
        data-query={response.query}
      >
        {t('results.timing', {
          count: hits.length,
          articles: groups.length,
          total: timings.totalMs,
          embed: timings.embedMs,
          scan: timings.scanMs,
          keyword: timings.keywordMs,
          mode: t(`mode.${response.mode}`),
        })}
      </p>
      {response.fallbackReason && (
        <p className="notice" data-testid="fallback">
          {messageText(response.fallbackReason, t)}
        </p>
      )}
      {hits.length === 0 && (
        <p className="empty" data-testid="no-results" data-empty={response.empty ?? 'no-match'}>
          {t(response.empty === 'nothing-to-search' ? 'results.nothingToSearch' : 'results.none')}
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
});
