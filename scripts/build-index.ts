/**
 * `npm run build-index`: builds, in Node, the `.ossindex` the app would build in the browser (same
 * extract → clean → chunk → embed code, onnxruntime-node on all cores), or merges shard files.
 * See scripts/build-index/args.ts for the options.
 */
import { fileURLToPath } from 'node:url';
import { parseBuildIndexArgs, UsageError } from './build-index/args';
import { buildIndex } from './build-index/build';
import { mergeIndexes } from './build-index/merge';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  const args = parseBuildIndexArgs(process.argv.slice(2));
  if (args.command === 'merge') {
    const merged = await mergeIndexes(args.inputs, args.out);
    console.log(
      `merged ${args.inputs.length} files: ${merged.documents} documents, ${merged.passages} passages → ${args.out}`,
    );
  } else {
    const summary = await buildIndex(args, root);
    for (const reason of summary.refused) console.warn(`refused: ${reason}`);
    const { passages, seconds } = summary.embedded;
    const rate = seconds > 0 ? `${(passages / seconds).toFixed(1)} passages/s` : 'nothing embedded';
    console.log(
      `${summary.files} files (${summary.resumed} resumed, ${summary.refused.length} refused) → ${summary.documents} documents, ` +
        `${summary.passages} passages → ${args.out}; embedded ${passages} passages in ${seconds.toFixed(1)} s (${rate})`,
    );
  }
} catch (error) {
  console.error(
    error instanceof UsageError
      ? error.message
      : `build-index: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
