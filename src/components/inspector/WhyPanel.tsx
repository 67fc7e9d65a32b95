import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { S } from './strings';

const T = S.why;

/** Why one hit ranks where it does: its two ranks, the keyword terms it matched and the fused score. */
export function WhyPanel({ hit, trace }: { hit: SearchHit; trace?: SearchTrace }) {
  const terms = trace?.keywordTerms.filter((term) => term.byPassage[hit.passageId] !== undefined) ?? [];
  return (
    <aside className="why-panel" data-testid="why-panel" aria-label={T.title}>
      <h4>
        {T.title}: {hit.title}
      </h4>
      <ul>
        <li>
          {hit.denseRank !== undefined && hit.cosine !== undefined
            ? T.dense(hit.denseRank, hit.cosine)
            : T.noDense}
        </li>
        <li>
          {hit.keywordRank !== undefined ? T.keyword(hit.keywordRank) : T.noKeyword}
          {terms.length > 0 && (
            <>
              {' '}
              · {T.terms}:{' '}
              {terms.map((term) => (
                <span key={term.term} className="term-chip">
                  {term.term} {term.byPassage[hit.passageId]!.toFixed(2)}
                </span>
              ))}
            </>
          )}
        </li>
        <li>{T.fused(hit.score)}</li>
      </ul>
    </aside>
  );
}
