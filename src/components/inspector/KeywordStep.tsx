import { useTranslation } from 'react-i18next';
import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { useDecimal } from './decimal';
import { Step } from './Step';

/** The segmented query terms and each term's share of the BM25 score of the shown hits. */
export function KeywordStep({ trace, hits }: { trace: SearchTrace; hits: SearchHit[] }) {
  const { t } = useTranslation();
  const decimal = useDecimal();
  const scored = hits.filter((hit) =>
    trace.keywordTerms.some((term) => term.byPassage[hit.passageId] !== undefined),
  );
  return (
    <Step id="keyword" title={t('inspector.keyword.title')} explain={t('inspector.keyword.explain')}>
      <p>
        {t('inspector.keyword.terms')}{' '}
        {trace.keywordTerms.map((term) => (
          <span key={term.term} className="term-chip" data-testid="inspector-term">
            {term.term}
          </span>
        ))}
      </p>
      {scored.length === 0 ? (
        <p className="muted">{t('inspector.keyword.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="inspector-table">
            <caption>{t('inspector.keyword.contribution')}</caption>
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
                  {trace.keywordTerms.map((term) => {
                    const score = term.byPassage[hit.passageId];
                    return <td key={term.term}>{score === undefined ? '' : decimal(score, 2)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Step>
  );
}
