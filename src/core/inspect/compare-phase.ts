/**
 * Where the second engine of a model comparison stands, from its status: reading the library, loading the
 * model, embedding the passages that have no stored vector for it yet, ready, or failed. Pure.
 */
import { errorText, type FailureCause } from '../engine/failure';
import { downloadTotals, type AppStatus } from '../status/reducer';

/** What {@link comparePhase} reads: the second engine's reduced status and how its worker ended, if it did. */
export interface CompareEngineStatus {
  /** Its reduced status events. */
  status: AppStatus;
  /** Set when its worker crashed. */
  crash: string;
  /** Set when its start was refused. */
  startError: string;
}

/** The second model's progress towards a ranking. */
export type ComparePhase =
  | { phase: 'starting' }
  /** Model files: bytes loaded of the known total (0 when unknown). */
  | { phase: 'loading-model'; loaded: number; total: number }
  /** Embedding the passages without a stored vector for this model; `reused` had one. */
  | { phase: 'embedding'; done: number; toEmbed: number; reused: number }
  /** Every passage has a vector: `embedded` now, `reused` from storage, in `ms`. */
  | { phase: 'ready'; embedded: number; reused: number; total: number; ms: number }
  /** Why it failed, as a code the page renders in the reader's language. */
  | { phase: 'failed'; stage: 'model' | 'index' | 'engine'; cause: FailureCause };

/**
 * The phase of the second engine.
 *
 * @example
 * comparePhase({ status, crash: '', startError: '' }); // { phase: 'embedding', done: 16, toEmbed: 93, reused: 0 }
 */
export function comparePhase({ status, crash, startError }: CompareEngineStatus): ComparePhase {
  const { model, index } = status;
  if (crash || startError) return { phase: 'failed', stage: 'engine', cause: errorText(crash || startError) };
  if (model.phase === 'failed')
    return { phase: 'failed', stage: 'model', cause: model.error ?? errorText('') };
  if (index.phase === 'failed')
    return { phase: 'failed', stage: 'index', cause: index.error ?? errorText('') };
  if (index.phase === 'ready')
    return { phase: 'ready', embedded: index.done, reused: index.reused, total: index.total, ms: index.ms };
  if (index.phase === 'indexing')
    return { phase: 'embedding', done: index.done, toEmbed: index.toEmbed, reused: index.reused };
  if (model.phase === 'idle') return { phase: 'starting' };
  const { loaded, total } = downloadTotals(model.files);
  return { phase: 'loading-model', loaded, total };
}
