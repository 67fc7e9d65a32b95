/**
 * Command line of `npm run bench -- [--json] [--model ID] [--sizes 10000,100000]
 * [--only cold-start|idb-load] [--trace DIR]`.
 */
import { DEFAULT_SIZES } from './run';

/** Parsed options. */
export interface BenchArgs {
  /** Print one JSON object instead of the table. */
  json: boolean;
  /** Registry id of the model. */
  model: string;
  /** Vector counts of the search benchmark. */
  sizes: readonly number[];
  /** Run only this step (after the indexing it needs) instead of the whole bench. */
  only?: 'cold-start' | 'idb-load';
  /** Write a Chromium performance trace of each cold-start reload into this folder. */
  traceDir?: string;
}

/** Usage text. */
export const USAGE =
  'usage: npm run bench -- [--json] [--model fixture-small-zh|fixture-tiny] [--sizes 10000,100000] [--only cold-start|idb-load] [--trace DIR]';

/**
 * Parses the arguments after `--`; throws with {@link USAGE} on anything unknown.
 *
 * @example
 * parseBenchArgs(['--json', '--model', 'fixture-tiny']); // { json: true, model: 'fixture-tiny', sizes: [10000, 100000] }
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { json: false, model: 'fixture-small-zh', sizes: DEFAULT_SIZES };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--json') args.json = true;
    else if (flag === '--model' && value) {
      args.model = value;
      i++;
    } else if (flag === '--sizes' && value) {
      const sizes = value.split(',').map(Number);
      if (!sizes.every((size) => Number.isInteger(size) && size > 0))
        throw new Error(`bad --sizes ${value}\n${USAGE}`);
      args.sizes = sizes;
      i++;
    } else if (flag === '--only' && (value === 'cold-start' || value === 'idb-load')) {
      args.only = value;
      i++;
    } else if (flag === '--trace' && value) {
      args.traceDir = value;
      i++;
    } else throw new Error(`unknown argument ${flag}\n${USAGE}`);
  }
  return args;
}
