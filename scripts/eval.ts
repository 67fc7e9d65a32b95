/**
 * Retrieval quality of the app's search on a query file (see `scripts/eval/`).
 *
 *   npm run eval -- [--queries FILE] [--mode hybrid|dense|lexical] [--model ID] [--k N] [--hub URL] [--json]
 *
 * Defaults: the dev queries, hybrid mode, the app's default model (Xenova/bge-small-zh-v1.5, which needs
 * internet access or a copy in public/models/; `--model fixture` runs the generated test model), k = 10.
 * The report goes to stdout, progress and timings to stderr.
 */
import { runEvalCli } from './eval/cli';

process.exitCode = await runEvalCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
