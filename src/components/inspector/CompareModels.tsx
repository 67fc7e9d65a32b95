import { useTranslation } from 'react-i18next';
import type { ComparedPassage, RankMove } from '../../core/inspect/compare';
import type { ComparePhase } from '../../core/inspect/compare-phase';
import { findModel, MODELS } from '../../embed/registry';
import { COMPARE_K, useModelCompare, type ComparedAnswers } from '../../hooks/use-model-compare';
import { useModels } from '../../hooks/use-models';
import type { SearchHit, SearchResponse } from '../../shared/protocol';
import { messageText } from '../../app/message-text';
import './compare.css';

/** A model by its label and id, named as a test model when it is one. */
function ModelName({ id }: { id: string }) {
  const { t } = useTranslation();
  const entry = findModel(id);
  return (
    <>
      {entry?.label ?? id} <code>{id}</code>
      {entry?.testModel && <em className="test-model"> ({t('models.testModelNote')})</em>}
    </>
  );
}

function MoveBadge({ move }: { move: RankMove }) {
  const { t } = useTranslation();
  const text =
    move.kind === 'up' || move.kind === 'down'
      ? t(`compare.move.${move.kind}`, { by: move.by })
      : t(`compare.move.${move.kind}`);
  return (
    <span className={`compare-move move-${move.kind}`} data-move={move.kind}>
      {text}
    </span>
  );
}

/** One ranked list: rank, score, move, title and the start of the passage. */
function RankedList({
  side,
  modelId,
  response,
  rows,
}: {
  side: 'a' | 'b';
  modelId: string;
  response: SearchResponse;
  rows: ComparedPassage[];
}) {
  const { t } = useTranslation();
  const hits = new Map<string, SearchHit>(response.hits.map((hit) => [hit.passageId, hit]));
  return (
    <section className="compare-side" data-testid={`compare-side-${side}`}>
      <h3>
        <ModelName id={modelId} />
      </h3>
      <p className="muted">
        {t('compare.timing', { embed: response.timings.embedMs, scan: response.timings.scanMs })}
      </p>
      <ol className="compare-list">
        {rows.map((row) => {
          const hit = hits.get(row.id);
          const rank = side === 'a' ? row.rankA : row.rankB;
          return (
            <li
              key={row.id}
              data-testid="compare-row"
              data-side={side}
              data-passage-id={row.id}
              data-rank-a={row.rankA ?? ''}
              data-rank-b={row.rankB ?? ''}
            >
              <span className="compare-rank">{t('compare.rank', { rank })}</span>
              <span className="compare-score">{t('compare.score', { score: hit?.cosine?.toFixed(3) })}</span>
              <MoveBadge move={row.move} />
              <strong className="compare-title">{hit?.title}</strong>
              <span className="compare-snippet">{hit?.text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Progress({
  phase,
  modelId,
  onCancel,
}: {
  phase: ComparePhase;
  modelId: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  let text = t('compare.starting', { model: modelId });
  let bar: { value: number; max: number } | undefined;
  if (phase.phase === 'loading-model') {
    text = phase.total
      ? t('compare.loadingBytes', { model: modelId, loaded: phase.loaded, total: phase.total })
      : t('compare.loading', { model: modelId });
    if (phase.total) bar = { value: phase.loaded, max: phase.total };
  } else if (phase.phase === 'embedding') {
    text = t('compare.embedding', { model: modelId, ...phase });
    bar = { value: phase.done, max: Math.max(1, phase.toEmbed) };
  }
  return (
    <p className="compare-progress" aria-live="polite">
      {text} {bar && <progress value={bar.value} max={bar.max} />}{' '}
      <button type="button" onClick={onCancel}>
        {t('compare.cancel')}
      </button>
    </p>
  );
}

function Outcome({ answers, modelA, modelB }: { answers: ComparedAnswers; modelA: string; modelB: string }) {
  const { t } = useTranslation();
  const { a, b, comparison } = answers;
  if (a.mode !== 'semantic') return <p className="notice">{t('compare.currentNotReady')}</p>;
  return (
    <>
      <p className="compare-overlap" data-testid="compare-overlap">
        {t('compare.overlap', { overlap: comparison.overlap, k: comparison.k })}
      </p>
      <p className="explain">{t('compare.movesExplain', { k: comparison.k })}</p>
      <div className="compare-columns">
        <RankedList side="a" modelId={modelA} response={a} rows={comparison.a} />
        <RankedList side="b" modelId={modelB} response={b} rows={comparison.b} />
      </div>
    </>
  );
}

/**
 * The inspector's "Compare models" tab: the current query ranked by the current model and by a second cached
 * model side by side, with overlap@10 and each passage's rank move. Everything comes from the two live runs.
 */
export default function CompareModels({ modelId, query }: { modelId: string; query: string }) {
  const { t, i18n } = useTranslation();
  const { cached } = useModels();
  const compare = useModelCompare(query);
  const { phase, modelB, answers } = compare;
  const others = cached.filter((entry) => entry.modelId !== modelId && findModel(entry.modelId));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const downloadable = MODELS.filter(
    (model) => model.id !== modelId && !cached.some((entry) => entry.modelId === model.id),
  ).map((model) => (model.testModel ? t('compare.testModelName', { id: model.id }) : model.id));
  const testModels = [modelId, modelB].some((id) => id && findModel(id)?.testModel);
  return (
    <section
      className="inspector-compare"
      data-testid="inspector-compare"
      data-phase={phase?.phase ?? (compare.cancelled ? 'cancelled' : 'idle')}
      data-model-b={modelB ?? ''}
      data-embedded={phase?.phase === 'ready' ? phase.embedded : ''}
      data-reused={phase?.phase === 'ready' ? phase.reused : ''}
      data-overlap={answers?.a.mode === 'semantic' ? answers.comparison.overlap : undefined}
    >
      <p className="explain">{t('compare.explain', { k: COMPARE_K })}</p>
      <p>
        {t('compare.current')} <ModelName id={modelId} />
      </p>
      {others.length === 0 ? (
        <p className="notice" data-testid="compare-none">
          {t('compare.none', { models: list.format(downloadable) })}
        </p>
      ) : (
        <label className="compare-pick">
          {t('compare.pick')}{' '}
          <select
            data-testid="compare-model"
            value={modelB ?? ''}
            onChange={(event) => compare.pick(event.target.value)}
          >
            <option value="" disabled>
              {t('compare.choose')}
            </option>
            {others.map(({ modelId: id }) => (
              <option key={id} value={id}>
                {findModel(id)?.testModel ? t('compare.testModelName', { id }) : id}
              </option>
            ))}
          </select>
        </label>
      )}
      {testModels && <p className="notice">{t('compare.testModels')}</p>}
      {compare.cancelled && <p className="muted">{t('compare.cancelled')}</p>}
      {modelB && phase && phase.phase !== 'ready' && phase.phase !== 'failed' && (
        <Progress phase={phase} modelId={modelB} onCancel={compare.cancel} />
      )}
      {modelB && phase?.phase === 'failed' && (
        <p className="error" role="alert" data-testid="compare-error">
          {t(`compare.failed.${phase.stage}`, { model: modelB, message: messageText(phase.cause, t) })}{' '}
          <button type="button" onClick={() => compare.pick(modelB)}>
            {t('compare.retry')}
          </button>
        </p>
      )}
      {modelB && phase?.phase === 'ready' && (
        <p className="muted" data-testid="compare-ready">
          {t('compare.ready', { model: modelB, ...phase })}
        </p>
      )}
      {compare.error && (
        <p className="error" role="alert">
          {compare.error}
        </p>
      )}
      {modelB && phase?.phase === 'ready' && !query.trim() && <p className="muted">{t('compare.noQuery')}</p>}
      {modelB && answers && <Outcome answers={answers} modelA={modelId} modelB={modelB} />}
    </section>
  );
}
