/**
 * Command-line arguments of `npm run eval -- [--queries FILE | --corpus DIR] [--mode hybrid|dense|lexical]
 * [--model ID] [--k N] [--hub URL] [--json]`.
 */
import { parseArgs } from 'node:util';
import type { SearchMode } from '../../src/core/search/fuse';
import { DEFAULT_MODEL_ID } from '../../src/embed/registry';

/** Evaluation modes, named after what they measure. */
export type EvalMode = 'hybrid' | 'dense' | 'lexical';

/** The app's search mode for each evaluation mode. */
export const APP_MODE: Record<EvalMode, SearchMode> = {
  hybrid: 'hybrid',
  dense: 'semantic',
  lexical: 'keyword',
};

/** The query file used when `--queries` is not given, relative to the project root. */
export const DEFAULT_QUERIES = 'tests/fixtures/eval/dev-queries.jsonl';

/** Hits retrieved per query when `--k` is not given: 10 for a query file, 100 for a BEIR folder. */
export const DEFAULT_K = { queries: 10, corpus: 100 } as const;

/** One-line usage text. */
export const USAGE =
  'usage: npm run eval -- [--queries FILE | --corpus DIR] [--mode hybrid|dense|lexical] [--model ID] [--k N] [--hub URL] [--json]';

/** Parsed arguments. */
export interface EvalArgs {
  /** Query file (JSONL); `undefined` means {@link DEFAULT_QUERIES}. */
  queries: string | undefined;
  /** A folder in BEIR layout to evaluate on instead of a query file over the bundled corpus. */
  corpus: string | undefined;
  /** Ranking to evaluate. */
  mode: EvalMode;
  /** Model id or alias as given (default: the app's default model). */
  model: string;
  /**
   * Hits retrieved per query (documents, for a BEIR folder). For a query file, metrics at a cut-off
   * above `k` are `null`; for a BEIR folder they count what the first `k` hold.
   */
  k: number;
  /** Hub mirror to download a hub model from instead of the Hugging Face hub. */
  hub: string | undefined;
  /** Print one JSON object instead of tables. */
  json: boolean;
}

/** A wrong command line; the message ends with the usage text. */
export class UsageError extends Error {
  constructor(why: string) {
    super(`${why}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

function isMode(value: string): value is EvalMode {
  return Object.hasOwn(APP_MODE, value);
}

/**
 * Parses the CLI arguments; throws a {@link UsageError} when they are wrong.
 *
 * @example
 * parseEvalArgs(['--model', 'fixture', '--mode', 'dense', '--k', '5']);
 * // { queries: undefined, corpus: undefined, mode: 'dense', model: 'fixture', k: 5, hub: undefined, json: false }
 */
export function parseEvalArgs(argv: string[]): EvalArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        queries: { type: 'string' },
        corpus: { type: 'string' },
        mode: { type: 'string', default: 'hybrid' },
        model: { type: 'string', default: DEFAULT_MODEL_ID },
        k: { type: 'string' },
        hub: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { queries, corpus, mode, model, k, hub, json } = values;
  if (!isMode(mode)) throw new UsageError(`unknown --mode "${mode}"`);
  if (queries !== undefined && corpus !== undefined)
    throw new UsageError('give --queries or --corpus, not both');
  const hits = k === undefined ? DEFAULT_K[corpus === undefined ? 'queries' : 'corpus'] : Number(k);
  if (!Number.isInteger(hits) || hits < 1) throw new UsageError(`--k must be a positive integer, got "${k}"`);
  return { queries, corpus, mode, model, k: hits, hub, json };
}
