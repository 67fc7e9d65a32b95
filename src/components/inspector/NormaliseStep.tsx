import { useTranslation } from 'react-i18next';
import { characterChanges } from '../../core/inspect/script-changes';
import type { SearchTrace } from '../../shared/inspect';
import { Step } from './Step';

function Changes({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const changes = characterChanges(before, after);
  if (changes.length === 0) return <span className="muted">{t('inspector.normalise.unchanged')}</span>;
  return (
    <span className="muted">
      {t('inspector.normalise.changed', { count: changes.length })}{' '}
      {changes.map((c) => (
        <span key={c.index} className="char-change">
          {c.from}→{c.to}
        </span>
      ))}
    </span>
  );
}

/** Raw query, what the model and the keyword side read, and the instruction prefix set apart. */
export function NormaliseStep({ trace }: { trace: SearchTrace }) {
  const { t } = useTranslation();
  const modelText = trace.embed?.modelText;
  const instruction = trace.instruction;
  const modelQuery =
    modelText !== undefined
      ? Array.from(modelText).slice(Array.from(instruction).length).join('')
      : undefined;
  return (
    <Step id="normalise" title={t('inspector.normalise.title')} explain={t('inspector.normalise.explain')}>
      <dl className="inspector-pairs">
        <dt>{t('inspector.normalise.typed')}</dt>
        <dd data-testid="inspector-typed">{trace.query}</dd>
        {modelQuery !== undefined && (
          <>
            <dt>{t('inspector.normalise.model')}</dt>
            <dd data-testid="inspector-model-text">
              {instruction && (
                <span className="instruction" title={t('inspector.normalise.instructionExplain')}>
                  {instruction}
                </span>
              )}
              {modelQuery} <Changes before={trace.query.trim()} after={modelQuery} />
            </dd>
          </>
        )}
        <dt>{t('inspector.normalise.keyword')}</dt>
        <dd>
          {trace.keywordText} <Changes before={trace.query} after={trace.keywordText} />
        </dd>
      </dl>
      {instruction && (
        <p className="explain">
          <span className="instruction">{t('inspector.normalise.instruction')}</span>{' '}
          {t('inspector.normalise.instructionExplain')}
        </p>
      )}
    </Step>
  );
}
