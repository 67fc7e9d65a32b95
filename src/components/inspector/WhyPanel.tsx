import { useTranslation } from 'react-i18next';
import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { useDecimal } from './decimal';

/** Why one hit ranks where it does: its two ranks, the keyword terms it matched and the fused score. */
export function WhyPanel({ hit, trace }: { hit: SearchHit; trace?: SearchTrace }) {
  const { t } = useTranslation();
  const decimal = useDecimal();
  const terms = trace?.keywordTerms.filter((term) => term.byPassage[hit.passageId] !== undefined) ?? [];
  return (
    <aside className="why-panel" data-testid="why-panel" aria-label={t('inspector.why.title')}>
      <h4>{t('inspector.why.heading', { title: hit.title })}</h4>
      <ul>
        <li>
          {hit.denseRank !== undefined && hit.cosine !== undefined
            ? t('inspector.why.dense', { rank: hit.denseRank, cosine: hit.cosine })
            : t('inspector.why.noDense')}
        </li>
        <li>
          {hit.keywordRank !== undefined
            ? t('inspector.why.keyword', { rank: hit.keywordRank })
            : t('inspector.why.noKeyword')}
          {terms.length > 0 && (
            <>
              {' '}
              · {t('inspector.why.terms')}{' '}
              {terms.map((term) => (
                <span key={term.term} className="term-chip">
                  {term.term} {decimal(term.byPassage[hit.passageId]!, 2)}
                </span>
              ))}
            </>
          )}
        </li>
        <li>{t('inspector.why.fused', { score: hit.score })}</li>
      </ul>
    </aside>
  );
}
