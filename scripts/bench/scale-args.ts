/**
 * Command line of `npm run bench -- --scale [--json] [--sizes 10000,50000,200000] [--matrix 1000000]`.
 */

/** Parsed options of the scale benchmark. */
export interface ScaleArgs {
  /** Print one JSON object instead of the table. */
  json: boolean;
  /** Passage counts stored and searched. */
  sizes: number[];
  /** Rows of the in-memory matrix on the bench page; 0 skips it. */
  matrixRows: number;
}

/**
 * Passage counts by default. 200,000 (the largest) crashed the bench page's renderer on the 2-core
 * test machine (BENCHMARKS.md, Scale), so it is asked for with `--sizes`.
 */
export const DEFAULT_SCALE_SIZES: readonly number[] = [10_000, 50_000];

/** Usage text. */
export const SCALE_USAGE =
  'usage: npm run bench -- --scale [--json] [--sizes 10000,50000,200000] [--matrix 1000000]';

function counts(flag: string, value: string | undefined, allowZero: boolean): number[] {
  const numbers = (value ?? '').split(',').map(Number);
  const ok =
    value !== undefined && numbers.every((n) => Number.isInteger(n) && (n > 0 || (allowZero && n === 0)));
  if (!ok) throw new Error(`bad ${flag} ${value ?? ''}\n${SCALE_USAGE}`);
  return numbers;
}

/**
 * Parses the arguments after `--scale`; throws with {@link SCALE_USAGE} on anything unknown.
 *
 * @example
 * parseScaleArgs(['--sizes', '1000', '--matrix', '0']); // { json: false, sizes: [1000], matrixRows: 0 }
 */
export function parseScaleArgs(argv: readonly string[]): ScaleArgs {
  const args: ScaleArgs = { json: false, sizes: [...DEFAULT_SCALE_SIZES], matrixRows: 1_000_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') args.json = true;
    else if (flag === '--sizes') args.sizes = counts(flag, argv[++i], false);
    else if (flag === '--matrix') [args.matrixRows] = counts(flag, argv[++i], true) as [number];
    else throw new Error(`unknown argument ${flag}\n${SCALE_USAGE}`);
  }
  return args;
}
