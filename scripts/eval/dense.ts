/**
 * The dense side of the search in Node: the model loaded through the app's loader (onnxruntime-node on the
 * CPU) and every passage embedded in the app's length-sorted batches into a `VectorMatrix`.
 */
import { availableParallelism } from 'node:os';
import { embedInBatches } from '../../src/core/embed-batches';
import type { Passage } from '../../src/core/types';
import { VectorMatrix } from '../../src/core/vector/matrix';
import { loadEmbedder, type Embedder } from '../../src/embed/loader';
import { wasmDtype } from '../../src/embed/precision';
import { hostingFor, type Dtype, type ModelEntry } from '../../src/embed/registry';
import { HUB_URL } from '../../src/embed/runtime-files';
import type { DenseSide } from '../../workers/searcher';

/** The model could not be loaded; the message says what to do instead. */
export class ModelLoadError extends Error {
  constructor(model: ModelEntry, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const reason = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    super(
      `could not load ${model.id} (${detail}${reason}).\n` +
        (model.source === 'hub'
          ? `Hub models download from the Hugging Face hub, so this needs internet access (or a copy in ` +
            `public/models/${model.id}/, see npm run fetch-model, or a mirror given with --hub URL).\n` +
            'Without them, evaluate with the generated test model: npm run eval -- --model fixture ' +
            '(it matches shared characters and knows no meanings), or use --mode lexical, which needs no model.'
          : 'Generate the test models with npm run make-test-models.'),
    );
    this.name = 'ModelLoadError';
  }
}

/**
 * Loads `model` from `modelsDir` (absolute, with a trailing slash) or, for hub models, from the hub
 * (`hub` when given, else the Hugging Face hub), in `dtype` (default: the app's WASM dtype). Throws a {@link ModelLoadError} on failure.
 *
 * @example
 * const embedder = await loadNodeEmbedder(findModel('fixture')!, '/repo/public/models/');
 */
export async function loadNodeEmbedder(
  model: ModelEntry,
  modelsDir: string,
  hub?: string,
  dtype: Dtype = wasmDtype(model),
): Promise<Embedder> {
  try {
    return await loadEmbedder({
      model,
      device: 'cpu',
      dtype,
      threads: availableParallelism(),
      hosting: hostingFor(model, modelsDir, HUB_URL, hub),
    });
  } catch (error) {
    throw new ModelLoadError(model, error);
  }
}

/**
 * Embeds every passage (batched by `embedInBatches`, as the app's indexer does) and returns the dense side
 * `runSearch` scans.
 *
 * @example
 * const dense = await embedLibrary(model, embedder, library.allPassages());
 */
export async function embedLibrary(
  model: ModelEntry,
  embedder: Embedder,
  passages: readonly Passage[],
): Promise<DenseSide> {
  const matrix = new VectorMatrix(embedder.dims, { capacity: passages.length });
  await embedInBatches(embedder, passages, (batch, vectors) =>
    matrix.append(
      batch.map((passage) => passage.id),
      vectors,
    ),
  );
  return { model, embedder, matrix };
}
