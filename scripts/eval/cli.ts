/**
 * The `npm run eval` command: arguments → corpus and index → every query through the app's search → report,
 * over the bundled corpus with a query file, or over a BEIR folder.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQueries } from '../../src/core/metrics/queries';
import { findModel, MODELS, type ModelEntry } from '../../src/embed/registry';
import { DEFAULT_QUERIES, parseEvalArgs, UsageError, type EvalArgs } from './args';
import { evaluateBeir, loadBeirFolder } from './beir';
import { evaluateMode } from './evaluate';
import { prepareEval, type EvalSetup, type PrepareOptions } from './prepare';
import { formatBeirTable, formatTable } from './table';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the command writes: `out` gets the report, `err` progress, timings and errors (one line each). */
export interface CliIo {
  out: (text: string) => void;
  err: (line: string) => void;
}

/** Builds the corpus and index; replaceable so tests can reuse one embedded index. */
export type Prepare = (options: PrepareOptions) => Promise<EvalSetup>;

/** The bundled corpus searched with a query file. */
async function runQueries(args: EvalArgs, model: ModelEntry, io: CliIo, prepare: Prepare): Promise<string> {
  const queriesFile = args.queries ?? DEFAULT_QUERIES;
  const queries = parseQueries(
    await readFile(resolve(args.queries ? process.cwd() : ROOT, queriesFile), 'utf8'),
  );
  const setup = await prepare({ root: ROOT, model: neededModel(args, model), hub: args.hub, log: io.err });
  const report = await evaluateMode(setup, queries, args.mode, args.k, io.err);
  return args.json ? JSON.stringify(report) : formatTable(report, queriesFile);
}

/** A BEIR folder: its corpus searched with its queries. */
async function runBeir(dir: string, args: EvalArgs, model: ModelEntry, io: CliIo, prepare: Prepare) {
  const set = await loadBeirFolder(resolve(process.cwd(), dir));
  const setup = await prepare({
    root: ROOT,
    beirCorpus: set.corpus,
    model: neededModel(args, model),
    hub: args.hub,
    log: io.err,
  });
  const report = await evaluateBeir(setup, set, dir, args.mode, args.k);
  return args.json ? JSON.stringify(report) : formatBeirTable(report);
}

function neededModel(args: EvalArgs, model: ModelEntry): ModelEntry | undefined {
  return args.mode === 'lexical' ? undefined : model;
}

async function run(argv: string[], io: CliIo, prepare: Prepare): Promise<void> {
  const args = parseEvalArgs(argv);
  const model = findModel(args.model);
  if (!model) {
    const known = MODELS.map((m) => m.id).join(', ');
    throw new UsageError(`unknown --model "${args.model}" (known: ${known}, or fixture)`);
  }
  if (args.mode === 'lexical') io.err('lexical mode: keyword search only, no model is loaded');
  io.out(
    args.corpus === undefined
      ? await runQueries(args, model, io, prepare)
      : await runBeir(args.corpus, args, model, io, prepare),
  );
}

/**
 * Runs the eval command and returns its exit code: 0 on success, 2 for a wrong command line, 1 when the
 * queries, corpus or model cannot be read or loaded (the message says why, and what to do instead).
 *
 * @example
 * process.exitCode = await runEvalCli(['--model', 'fixture', '--json'], { out: console.log, err: console.error });
 */
export async function runEvalCli(argv: string[], io: CliIo, prepare: Prepare = prepareEval): Promise<number> {
  try {
    await run(argv, io, prepare);
    return 0;
  } catch (error) {
    io.err(`eval: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof UsageError ? 2 : 1;
  }
}
