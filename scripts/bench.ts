/**
 * `npm run bench -- [--json] [--model ID] [--sizes N,N]`: measures indexing, queries, cold start and vector
 * search in the built app in Chromium (see BENCHMARKS.md); `--only cold-start [--trace DIR]` runs just the
 * start-up figures and prints them as JSON, `--only idb-load` the IndexedDB load of stored vectors alone. `npm run bench -- --scale ...` (or
 * `npm run bench:scale`) runs the scale benchmark instead (`scripts/bench/scale.ts`); `npm run bench -- --batches [ID [ROUNDS]]`
 * the batch-size sweep (`scripts/bench/batch-sweep.ts`); `npm run bench -- --query-split [ID]` a query's stages
 * (`scripts/bench/query-split.ts`); `npm run bench -- --thread-cpu [ID]` each Chromium thread's CPU time while
 * the app indexes (`scripts/bench/thread-cpu.ts`). Progress goes to stderr; stdout gets the table
 * or exactly one JSON object.
 */
import { parseBenchArgs } from './bench/args';
import { runBatchSweep } from './bench/batch-sweep';
import { formatTable } from './bench/format';
import { runColdStartBench } from './bench/cold-start';
import { runIdbLoadBench } from './bench/idb-load';
import { runQuerySplit } from './bench/query-split';
import { runBench } from './bench/run';
import { runScaleBench } from './bench/scale';
import { runThreadCpu } from './bench/thread-cpu';
import { parseScaleArgs } from './bench/scale-args';
import { formatScaleTable } from './bench/scale-format';

const argv = process.argv.slice(2);
if (argv[0] === '--scale') await runScaleCommand(argv.slice(1));
else if (argv[0] === '--batches') await runBatchesCommand(argv[1] ?? 'fixture-small-zh', argv[2]);
else if (argv[0] === '--query-split') await runQuerySplitCommand(argv[1] ?? 'fixture-small-zh');
else if (argv[0] === '--thread-cpu') await runThreadCpuCommand(argv[1] ?? 'fixture-small-zh');
else await runDefault(argv);

async function runQuerySplitCommand(model: string) {
  const result = await runQuerySplit(model, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

async function runThreadCpuCommand(model: string) {
  const result = await runThreadCpu(model, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

async function runBatchesCommand(model: string, rounds?: string) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const result = await runBatchSweep(model, log, rounds === undefined ? undefined : Number(rounds));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

async function runScaleCommand(rest: readonly string[]) {
  const options = parseScaleArgs(rest);
  const result = await runScaleBench({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatScaleTable(result));
}

async function runDefault(rest: readonly string[]) {
  const args = parseBenchArgs(rest);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (args.only === 'idb-load') {
    const result = await runIdbLoadBench(args.sizes, log);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  if (args.only === 'cold-start') {
    const result = await runColdStartBench({ ...args, log });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const result = await runBench({
    model: args.model,
    sizes: args.sizes,
    log,
  });
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatTable(result));
}
