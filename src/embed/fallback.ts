/**
 * Loading a model along a list of device/precision choices: the first one that loads and warms up wins.
 * A choice that loads but fails its warm-up is disposed before the next is tried, so its session (and on
 * WebGPU its GPU buffers) is not leaked.
 */
import type { LoadFailure } from '../core/status/model-notes';
import type { Embedder } from './loader';
import type { PrecisionChoice } from './precision';

/** The embedder that worked, with its choice and the failures before it. */
export interface FirstWorking {
  /** The choice that loaded and warmed up. */
  choice: PrecisionChoice;
  /** Its embedder. */
  embedder: Embedder;
  /** Each failed choice before it, with the runtime's words. */
  failures: LoadFailure[];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Tries `choices` in order: `load` then `warmUp`; a warm-up failure disposes that embedder first.
 *
 * @throws the last choice's error when none works.
 * @example
 * const { embedder, choice } = await loadFirstWorking(choices, (c) => loadEmbedder({ ...options, ...c }), warm);
 */
export async function loadFirstWorking(
  choices: readonly PrecisionChoice[],
  load: (choice: PrecisionChoice) => Promise<Embedder>,
  warmUp: (embedder: Embedder) => Promise<void>,
): Promise<FirstWorking> {
  const failures: LoadFailure[] = [];
  for (const [i, choice] of choices.entries()) {
    let embedder: Embedder | undefined;
    try {
      embedder = await load(choice);
      await warmUp(embedder);
      return { choice, embedder, failures };
    } catch (error) {
      await embedder?.dispose().catch(() => undefined);
      if (i === choices.length - 1) throw error;
      failures.push({ device: choice.device, dtype: choice.dtype, detail: message(error) });
    }
  }
  throw new Error('loadFirstWorking: no choice to try');
}
