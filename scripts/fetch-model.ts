/**
 * Downloads a hub model into `public/models/<id>/` for self-hosting (see `scripts/fetch-model/`).
 * Usage: `npm run fetch-model -- Xenova/bge-small-zh-v1.5 [--dtype q8|fp16|fp32] [--base URL] [--out DIR]`.
 * Exits 1 with a message naming the file on failure, 130 when interrupted.
 */
import { parseFetchArgs } from './fetch-model/args';
import { fetchModel } from './fetch-model/fetch';
import { createReporter, formatBytes } from './fetch-model/report';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

try {
  const options = parseFetchArgs(process.argv.slice(2));
  const result = await fetchModel({
    ...options,
    signal: controller.signal,
    onEvent: createReporter(process.stdout),
  });
  const total = result.files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(`${options.id} (${result.dtype}) is ready in ${result.dir} (${formatBytes(total)})`);
} catch (error) {
  console.error(`fetch-model: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = controller.signal.aborted ? 130 : 1;
}
