/**
 * `npm run build-index` proper: read, extract, clean, chunk (the app's code), embed with onnxruntime-node
 * on all cores, checkpoint every file, and write the `.ossindex`.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { planBatches } from '../../src/core/batching';
import { refusalBeforeReading } from '../../src/core/formats';
import { encodeIndexFile } from '../../src/core/index-file';
import { createTokenCounter, type TokenCounter } from '../../src/core/tokenize/bert-tokenizer';
import type { Embedder } from '../../src/embed/loader';
import { findModel } from '../../src/embed/registry';
import { wasmDtype } from '../../src/embed/precision';
import { ingestFile } from '../../src/extract';
import { loadNodeEmbedder } from '../eval/dense';
import type { BuildIndexArgs } from './args';
import { assembleIndex, type DocumentRecord } from './assemble';
import { Checkpoint, type FileOutcome } from './checkpoint';
import { inShard, listInputs, type InputFile } from './inputs';
import { NODE_PDF_ASSETS } from './pdf-assets';

/** App version written into the index (the app's `package.json` version). */
const APP_VERSION = '0.1.0';

/** What a build did. */
export interface BuildSummary {
  /** Files in this shard. */
  files: number;
  /** Files taken from the checkpoint of an earlier, interrupted run. */
  resumed: number;
  /** Documents in the index. */
  documents: number;
  /** Passages in the index. */
  passages: number;
  /** Passages embedded by this run, and the seconds spent embedding them. */
  embedded: { passages: number; seconds: number };
  /** Files refused, with the reason. */
  refused: string[];
}

async function ingestOne(file: InputFile, count: TokenCounter): Promise<FileOutcome> {
  try {
    const refused = refusalBeforeReading(file.source, (await stat(file.path)).size);
    if (refused) throw refused;
    const bytes = new Uint8Array(await readFile(file.path));
    const { document, passages, raw } = await ingestFile(
      { bytes, source: file.source },
      count,
      NODE_PDF_ASSETS,
    );
    const addedAt = Math.round((await stat(file.path)).mtimeMs);
    const stored = {
      ...document,
      size: bytes.byteLength,
      origin: 'user' as const,
      hidden: false,
      raw,
      addedAt,
    };
    return { source: file.source, record: { document: stored, passages, vectors: new Float32Array(0) } };
  } catch (error) {
    return { source: file.source, refused: error instanceof Error ? error.message : String(error) };
  }
}

/** Embeds a record's passages in the app's length-sorted batches; rows stay in passage order. */
async function embedRecord(record: DocumentRecord, embedder: Embedder): Promise<DocumentRecord> {
  const vectors = new Float32Array(record.passages.length * embedder.dims);
  const items = record.passages.map((passage, row) => ({ ...passage, row }));
  for (const batch of planBatches(items)) {
    const embedded = await embedder.embed(batch.map((item) => item.text));
    batch.forEach((item, i) =>
      vectors.set(embedded.subarray(i * embedder.dims, (i + 1) * embedder.dims), item.row * embedder.dims),
    );
  }
  return { ...record, vectors };
}

/**
 * Builds the index of `args.inputs` (this shard's share) into `args.out`, resuming from `OUT.progress`.
 *
 * @example
 * await buildIndex({ command: 'build', inputs: ['docs'], model: 'fixture-tiny', shard: { index: 1, count: 1 }, out: 'docs.ossindex' }, root);
 */
export async function buildIndex(
  args: Extract<BuildIndexArgs, { command: 'build' }>,
  root: string,
): Promise<BuildSummary> {
  const model = findModel(args.model);
  if (!model) throw new Error(`unknown model "${args.model}"`);
  const dtype = args.dtype ?? wasmDtype(model);
  const files = await inShard(await listInputs(args.inputs), args.shard);
  const checkpoint = await Checkpoint.open(args.out, {
    model: model.id,
    dtype,
    shard: `${args.shard.index}/${args.shard.count}`,
  });
  const resumed = files.filter((file) => checkpoint.done.has(file.source)).length;
  const count = createTokenCounter(
    await readFile(join(root, 'public/tokenizer/bert-base-chinese-vocab.txt'), 'utf8'),
  );
  const embedder = await loadNodeEmbedder(model, join(root, 'public/models/'), args.hub, dtype);
  const bar = new SingleBar(
    {
      format:
        'indexing [{bar}] {value}/{total} files · {passages} passages · {rate} passages/s · eta {eta_formatted}',
    },
    Presets.shades_classic,
  );
  bar.start(files.length, resumed, { passages: 0, rate: '–' });
  const embedded = { passages: 0, seconds: 0 };
  try {
    for (const file of files) {
      if (checkpoint.done.has(file.source)) continue;
      let outcome = await ingestOne(file, count);
      if ('record' in outcome) {
        const started = performance.now();
        outcome = { source: file.source, record: await embedRecord(outcome.record, embedder) };
        embedded.seconds += (performance.now() - started) / 1000;
        embedded.passages += outcome.record.passages.length;
      }
      await checkpoint.add(outcome);
      const rate = embedded.seconds > 0 ? (embedded.passages / embedded.seconds).toFixed(1) : '–';
      bar.increment({ passages: embedded.passages, rate });
    }
  } finally {
    bar.stop();
    await embedder.dispose();
  }
  const outcomes = files.flatMap((file) => checkpoint.done.get(file.source) ?? []);
  const records = outcomes.flatMap((outcome) => ('record' in outcome ? [outcome.record] : []));
  const contents = assembleIndex(records, { id: model.id, dims: embedder.dims }, APP_VERSION);
  await writeFile(args.out, encodeIndexFile(contents));
  await checkpoint.remove();
  return {
    files: files.length,
    resumed,
    documents: contents.documents.length,
    passages: contents.passages.length,
    embedded,
    refused: outcomes.flatMap((outcome) => ('refused' in outcome ? [outcome.refused] : [])),
  };
}
