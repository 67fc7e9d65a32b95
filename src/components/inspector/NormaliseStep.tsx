import { characterChanges } from '../../core/inspect/script-changes';
import type { SearchTrace } from '../../shared/inspect';
import { Step } from './Step';
import { S } from './strings';

const T = S.stages.normalise;

function Changes({ before, after }: { before: string; after: string }) {
  const changes = characterChanges(before, after);
  if (changes.length === 0) return <span className="muted">{T.unchanged}</span>;
  return (
    <span className="muted">
      {T.changed(changes.length)}:{' '}
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
  const modelText = trace.embed?.modelText;
  const instruction = trace.instruction;
  const modelQuery =
    modelText !== undefined
      ? Array.from(modelText).slice(Array.from(instruction).length).join('')
      : undefined;
  return (
    <Step id="normalise" title={T.title} explain={T.explain}>
      <dl className="inspector-pairs">
        <dt>{T.typed}</dt>
        <dd data-testid="inspector-typed">{trace.query}</dd>
        {modelQuery !== undefined && (
          <>
            <dt>{T.model}</dt>
            <dd data-testid="inspector-model-text">
              {instruction && (
                <span className="instruction" title={T.instructionExplain}>
                  {instruction}
                </span>
              )}
              {modelQuery} <Changes before={trace.query.trim()} after={modelQuery} />
            </dd>
          </>
        )}
        <dt>{T.keyword}</dt>
        <dd>
          {trace.keywordText} <Changes before={trace.query} after={trace.keywordText} />
        </dd>
      </dl>
      {instruction && (
        <p className="explain">
          <span className="instruction">{T.instruction}</span> {T.instructionExplain}
        </p>
      )}
    </Step>
  );
}
