/**
 * `npm run build-index -- --merge a.ossindex b.ossindex … --out all.ossindex`: joins shard files into the
 * index one run over all inputs would have written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { decodeIndexFile, encodeIndexFile } from '../../src/core/index-file';
import { assembleIndex, recordsOf } from './assemble';

/**
 * Merges index files made with the same model; documents are ordered and de-duplicated as in one build.
 *
 * @throws {Error} when the files were made with different models.
 * @example
 * await mergeIndexes(['part1.ossindex', 'part2.ossindex'], 'all.ossindex'); // { documents: 120, passages: 5000 }
 */
export async function mergeIndexes(
  inputs: string[],
  out: string,
): Promise<{ documents: number; passages: number }> {
  const files = await Promise.all(
    inputs.map(async (path) => ({ path, contents: decodeIndexFile(await readFile(path)) })),
  );
  const [first] = files;
  if (!first) throw new Error('nothing to merge');
  const { model, appVersion } = first.contents;
  for (const { path, contents } of files) {
    if (contents.model.id !== model.id || contents.model.dims !== model.dims) {
      throw new Error(
        `${path} was made with ${contents.model.id} (${contents.model.dims} dimensions), ${first.path} with ${model.id} (${model.dims}); shards must use one model`,
      );
    }
  }
  const merged = assembleIndex(
    files.flatMap(({ contents }) => recordsOf(contents)),
    model,
    appVersion,
  );
  await writeFile(out, encodeIndexFile(merged));
  return { documents: merged.documents.length, passages: merged.passages.length };
}
