/**
 * `npm run bench -- [--json] [--model ID] [--sizes N,N]`: measures indexing, queries, cold start and vector
 * search in the built app in Chromium (see BENCHMARKS.md). Progress goes to stderr; stdout gets the table
 * or exactly one JSON object.
 */
import { parseBenchArgs } from './bench/args';
import { formatTable } from './bench/format';
import { runBench } from './bench/run';

const args = parseBenchArgs(process.argv.slice(2));
const result = await runBench({
  model: args.model,
  sizes: args.sizes,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatTable(result));
