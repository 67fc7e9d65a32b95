import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { compareRankings, type RankingComparison } from '../core/inspect/compare';
import { errorText } from '../app/message-text';
import { comparePhase, type ComparePhase } from '../core/inspect/compare-phase';
import type { SearchResponse } from '../shared/protocol';
import { engineLifecycle, searchWorker } from '../worker-client/client';
import { CompareEngine } from '../worker-client/compare-engine';
import type { StoreState } from '../worker-client/status-store';
import { useLibraryVersion } from './use-status';

/** Passages compared on each side. */
export const COMPARE_K = 10;

/** Both models' answers to one query, compared. */
export interface ComparedAnswers {
  /** The query both ranked. */
  query: string;
  /** The current model's semantic search (its `mode` says whether the model was ready). */
  a: SearchResponse;
  /** The second model's semantic search. */
  b: SearchResponse;
  /** Overlap and rank moves of the two top-k lists. */
  comparison: RankingComparison;
}

/** The comparison's state and actions. */
export interface ModelCompareState {
  /** The second model, once one is picked (and until cancelled). */
  modelB?: string;
  /** Where its engine stands. */
  phase?: ComparePhase;
  /** The last pick was cancelled. */
  cancelled: boolean;
  /** Both answers to the current query, once the second engine is ready. */
  answers?: ComparedAnswers;
  /** Why a ranking failed, in words. */
  error: string;
  /** Starts a second engine with `modelId` (stopping any other). */
  pick: (modelId: string) => void;
  /** Stops the second engine: its worker ends, and so does its download or embedding. */
  cancel: () => void;
}

const subscribeNothing = () => () => undefined;
const nothing = (): StoreState | undefined => undefined;

/**
 * Compares the current model's ranking of `query` with a second cached model's. The second model runs in
 * its own engine worker (started on pick, ended on cancel, on another pick and when the component using this
 * hook unmounts, which frees its memory), restarted when the library changes so both rank the same passages.
 */
export function useModelCompare(query: string): ModelCompareState {
  const [engine, setEngine] = useState<{ engine: CompareEngine; library: number }>();
  const [cancelled, setCancelled] = useState(false);
  const [answer, setAnswer] = useState<{ key: string; answers?: ComparedAnswers; error: string }>();
  const current = useRef<CompareEngine | undefined>(undefined);
  const library = useLibraryVersion();

  const start = (modelId: string | undefined) => {
    current.current?.stop();
    current.current = modelId ? new CompareEngine(modelId, engineLifecycle.startOptions) : undefined;
    setEngine(current.current && { engine: current.current, library });
    setCancelled(modelId === undefined);
  };
  useEffect(() => () => current.current?.stop(), []);
  const stale = engine !== undefined && engine.library !== library;
  useEffect(() => {
    // Documents were added or removed: a new engine reads the library again (stored vectors are reused).
    if (!stale || !current.current) return;
    const modelId = current.current.modelId;
    current.current.stop();
    current.current = new CompareEngine(modelId, engineLifecycle.startOptions);
    setEngine({ engine: current.current, library });
  }, [stale, library]);

  const snapshot = useSyncExternalStore(
    engine?.engine.store.subscribe ?? subscribeNothing,
    engine?.engine.store.getSnapshot ?? nothing,
  );
  const phase = snapshot && comparePhase(snapshot);
  const ready = phase?.phase === 'ready' && !stale;
  const second = engine?.engine;
  const key = `${second?.modelId}\n${library}\n${query}`;
  useEffect(() => {
    if (!second || !ready || query.trim() === '') return;
    const controller = new AbortController();
    const request = { query, mode: 'semantic' as const, k: COMPARE_K };
    Promise.all([
      searchWorker.call('search', [request], controller.signal),
      second.search(query, COMPARE_K, controller.signal),
    ])
      .then(([a, b]) => {
        const ids = (response: SearchResponse) => response.hits.map((hit) => hit.passageId);
        const comparison = compareRankings(ids(a), ids(b), COMPARE_K);
        setAnswer({ key, answers: { query, a, b, comparison }, error: '' });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setAnswer({ key, error: errorText(error) });
      });
    return () => controller.abort();
  }, [key, second, ready, query]);

  const shown = answer?.key === key ? answer : undefined;
  return {
    modelB: second?.modelId,
    phase,
    cancelled,
    answers: shown?.answers,
    error: shown?.error ?? '',
    pick: (modelId) => start(modelId),
    cancel: () => start(undefined),
  };
}
