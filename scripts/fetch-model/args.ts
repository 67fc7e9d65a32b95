/**
 * Command-line arguments of `npm run fetch-model -- <hub id> [--dtype q8|fp16|fp32] [--base URL] [--out DIR]`.
 */
import { parseArgs } from 'node:util';
import { FetchModelError } from './errors';
import type { FetchModelOptions } from './fetch';
import { DTYPES, isDtype } from './files';

/** One-line usage text. */
export const USAGE = `usage: npm run fetch-model -- <hub id> [--dtype ${DTYPES.join('|')}] [--base URL] [--out DIR]`;

/**
 * Parses the CLI arguments; throws a {@link FetchModelError} carrying the usage text when they are wrong.
 *
 * @example
 * parseFetchArgs(['Xenova/bge-small-zh-v1.5', '--dtype', 'fp16']); // { id: 'Xenova/…', dtype: 'fp16' }
 */
export function parseFetchArgs(argv: string[]): FetchModelOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { dtype: { type: 'string' }, base: { type: 'string' }, out: { type: 'string' } },
    });
  } catch (error) {
    throw new FetchModelError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  const [id, ...extra] = positionals;
  if (id === undefined || extra.length > 0) throw new FetchModelError(`give exactly one model id\n${USAGE}`);
  if (values.dtype !== undefined && !isDtype(values.dtype)) {
    throw new FetchModelError(`unknown --dtype "${values.dtype}"\n${USAGE}`);
  }
  return { id, dtype: values.dtype, base: values.base, outRoot: values.out };
}
