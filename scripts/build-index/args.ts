/**
 * Command-line arguments of `npm run build-index`.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_ID, type Dtype } from '../../src/embed/registry';

/** Usage text. */
export const USAGE = [
  'usage: npm run build-index -- <folders or files…> [--model ID] [--dtype fp32|fp16|q8] [--shard I/N] [--hub URL] --out FILE.ossindex',
  '       npm run build-index -- --merge a.ossindex b.ossindex … --out all.ossindex',
].join('\n');

/** Which 1/N of the inputs a run indexes. */
export interface Shard {
  /** 1-based shard number. */
  index: number;
  /** Number of shards. */
  count: number;
}

/** Parsed arguments: a build, or a merge of shard files. */
export type BuildIndexArgs =
  | {
      command: 'build';
      inputs: string[];
      model: string;
      dtype?: Dtype;
      shard: Shard;
      hub?: string;
      out: string;
    }
  | { command: 'merge'; inputs: string[]; out: string };

/** A wrong command line; the message ends with the usage text. */
export class UsageError extends Error {
  constructor(why: string) {
    super(`${why}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

function parseShard(text: string | undefined): Shard {
  if (text === undefined) return { index: 1, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, got "${text}"`);
  return { index, count };
}

const DTYPES: readonly string[] = ['fp32', 'fp16', 'q8'];

/**
 * Parses the arguments; throws a {@link UsageError} when they are wrong.
 *
 * @example
 * parseBuildIndexArgs(['docs/', '--shard', '2/3', '--out', 'part2.ossindex']);
 * // { command: 'build', inputs: ['docs/'], model: 'Xenova/bge-small-zh-v1.5', shard: { index: 2, count: 3 }, out: 'part2.ossindex' }
 */
export function parseBuildIndexArgs(argv: string[]): BuildIndexArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string', default: DEFAULT_MODEL_ID },
        dtype: { type: 'string' },
        shard: { type: 'string' },
        hub: { type: 'string' },
        out: { type: 'string' },
        merge: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (!values.out) throw new UsageError('--out FILE.ossindex is required');
  if (positionals.length === 0) throw new UsageError('no input given');
  if (values.merge) return { command: 'merge', inputs: positionals, out: values.out };
  if (values.dtype !== undefined && !DTYPES.includes(values.dtype))
    throw new UsageError(`--dtype must be one of ${DTYPES.join(', ')}, got "${values.dtype}"`);
  const args: BuildIndexArgs = {
    command: 'build',
    inputs: positionals,
    model: values.model,
    shard: parseShard(values.shard),
    out: values.out,
  };
  if (values.dtype !== undefined) args.dtype = values.dtype as Dtype;
  if (values.hub !== undefined) args.hub = values.hub;
  return args;
}
