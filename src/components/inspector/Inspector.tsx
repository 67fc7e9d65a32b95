import { lazy, Suspense, useEffect, useLayoutEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presentation } from '../../core/inspect/presentation';
import { waterfall, type StageTiming } from '../../core/inspect/stages';
import type { ModelStatus } from '../../core/status/reducer';
import { findModel } from '../../embed/registry';
import type { SearchHit } from '../../shared/protocol';
import type { SearchState } from '../../hooks/use-search';
import { pipelineSteps } from './PipelineView';
import { PresentationBar } from './PresentationBar';
import { WhyPanel } from './WhyPanel';
import './inspector.css';

const EmbeddingMap = lazy(() => import('./EmbeddingMap'));
const DeviceLab = lazy(() => import('./DeviceLab'));
const CompareModels = lazy(() => import('./CompareModels'));

const TABS = ['pipeline', 'map', 'lab', 'compare'] as const;
type Tab = (typeof TABS)[number];

interface InspectorProps {
  /** The search whose trace is shown (asked for with `inspect: true`). */
  search: SearchState;
  /** The model's status. */
  model: ModelStatus;
  /** A hit whose "Why this result" opened the inspector. */
  focus?: SearchHit;
  /** Opens a passage in its article. */
  onOpenPassage: (docId: string, start: number, end: number) => void;
  /** Closes the inspector. */
  onClose: () => void;
}

/** The teaching inspector: the pipeline of the current query, the embedding map, the device lab and model comparison. */
export function Inspector({ search, model, focus, onOpenPassage, onClose }: InspectorProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('pipeline');
  const [show, dispatch] = useReducer(presentation, { mode: 'browse' });
  const [renderMs, setRenderMs] = useState<{ at: number; ms: number }>();
  const { response, receivedAt, roundTripMs } = search;
  const trace = response?.trace;
  const testNote = findModel(model.id)?.testModel;

  // Render time: from the answer's arrival to this commit (results and inspector in the DOM); shown next frame.
  useLayoutEffect(() => {
    if (receivedAt === undefined) return;
    const ms = performance.now() - receivedAt;
    const frame = requestAnimationFrame(() => setRenderMs({ at: receivedAt, ms }));
    return () => cancelAnimationFrame(frame);
  }, [receivedAt]);
  useEffect(() => {
    if (focus && trace) document.getElementById('inspector-step-fusion')?.scrollIntoView({ block: 'start' });
  }, [focus, trace]);

  const stages: StageTiming[] = trace && response ? [...trace.timings] : [];
  let totalMs = 0;
  if (trace && response && roundTripMs !== undefined) {
    stages.push({ stage: 'transfer', ms: Math.max(0, roundTripMs - response.timings.totalMs) });
    totalMs = roundTripMs;
    if (renderMs && renderMs.at === receivedAt) {
      stages.push({ stage: 'render', ms: renderMs.ms });
      totalMs += renderMs.ms;
    }
  }
  const steps =
    trace && response
      ? pipelineSteps({
          trace,
          hits: response.hits,
          model,
          waterfall: waterfall(stages),
          totalMs,
          focusId: focus?.passageId,
        })
      : [];
  const shown = show.mode === 'present' ? steps.slice(show.step, show.step + 1) : steps;

  return (
    <section
      className={show.mode === 'present' ? 'inspector presenting' : 'inspector'}
      data-testid="inspector"
      aria-label={t('inspector.title')}
    >
      <header className="inspector-head">
        <h2>{t('inspector.title')}</h2>
        <nav className="inspector-tabs" role="tablist" aria-label={t('inspector.tabList')}>
          {TABS.map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
              {t(`inspector.tabs.${id}`)}
            </button>
          ))}
        </nav>
        <button type="button" onClick={onClose} aria-label={t('inspector.closeInspector')}>
          ×
        </button>
      </header>
      {model.id && response?.trace?.embed === undefined && trace && (
        <p className="notice">{t('inspector.keywordOnly')}</p>
      )}
      {tab === 'pipeline' && (
        <>
          {testNote && trace?.embed && (
            <p className="notice" data-testid="inspector-test-model">
              {t('inspector.testModel')}
            </p>
          )}
          {!trace && (
            <p className="muted">
              {response || search.pending ? t('inspector.waiting') : t('inspector.noTrace')}
            </p>
          )}
          {focus && <WhyPanel hit={focus} trace={trace} />}
          <PresentationBar state={show} steps={steps.length} dispatch={dispatch} />
          {shown.map((step) => (
            <div key={step.id}>{step.element}</div>
          ))}
        </>
      )}
      <Suspense fallback={<p className="muted">…</p>}>
        {tab === 'map' && (
          <EmbeddingMap
            query={trace?.embed?.vector}
            hits={response?.hits ?? []}
            onOpenPassage={onOpenPassage}
          />
        )}
        {tab === 'lab' && <DeviceLab model={model} />}
        {tab === 'compare' && <CompareModels modelId={model.id} query={response?.query ?? ''} />}
      </Suspense>
    </section>
  );
}
