import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { Step } from './Step';
import { S } from './strings';

const T = S.stages.keyword;

/** The segmented query terms and each term's share of the BM25 score of the shown hits. */
export function KeywordStep({ trace, hits }: { trace: SearchTrace; hits: SearchHit[] }) {
  const scored = hits.filter((hit) =>
    trace.keywordTerms.some((term) => term.byPassage[hit.passageId] !== undefined),
  );
  return (
    <Step id="keyword" title={T.title} explain={T.explain}>
      <p>
        {T.terms}:{' '}
        {trace.keywordTerms.map((term) => (
          <span key={term.term} className="term-chip" data-testid="inspector-term">
            {term.term}
          </span>
        ))}
      </p>
      {scored.length === 0 ? (
        <p className="muted">{T.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="inspector-table">
            <caption>{T.contribution}</caption>
            <thead>
              <tr>
                <th />
                {trace.keywordTerms.map((term) => (
                  <th key={term.term}>{term.term}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scored.map((hit) => (
                <tr key={hit.passageId}>
                  <th title={hit.text}>{hit.title.slice(0, 14)}…</th>
                  {trace.keywordTerms.map((term) => (
                    <td key={term.term}>{term.byPassage[hit.passageId]?.toFixed(2) ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Step>
  );
}
