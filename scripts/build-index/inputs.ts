/**
 * The files a build reads: folders walked recursively, named as the app names a picked folder's files
 * (`folder/sub/file.pdf`), in a fixed order, and the deterministic share of one shard.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { contentId } from '../../src/core/hash';
import type { Shard } from './args';

/** One file to index. */
export interface InputFile {
  /** Path on disk. */
  path: string;
  /** Document source name: the path inside the given folder, prefixed by the folder's name. */
  source: string;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}

/**
 * Every file under the inputs (files as given, folders recursively), sorted by source name.
 *
 * @example
 * await listInputs(['corpus/']); // [{ path: 'corpus/a.pdf', source: 'corpus/a.pdf' }, …]
 */
export async function listInputs(inputs: string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) {
      const root = join(input, '..');
      for (const path of await walk(input))
        files.push({ path, source: relative(root, path).split(sep).join('/') });
    } else {
      files.push({ path: input, source: basename(input) });
    }
  }
  return files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/**
 * The files of shard `index` of `count`: each file goes to the shard its source name hashes to, so
 * the split is the same on every machine and adding files moves no others between shards.
 *
 * @example
 * await inShard(files, { index: 2, count: 3 }); // about a third of files
 */
export async function inShard(files: InputFile[], shard: Shard): Promise<InputFile[]> {
  if (shard.count === 1) return files;
  const picked: InputFile[] = [];
  for (const file of files) {
    const hash = await contentId(file.source);
    if (parseInt(hash.slice(0, 8), 16) % shard.count === shard.index - 1) picked.push(file);
  }
  return picked;
}
