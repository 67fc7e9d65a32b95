import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeIndexFile, type IndexFileContents } from '../../src/core/index-file';
import { parseBuildIndexArgs } from '../../scripts/build-index/args';
import { buildIndex } from '../../scripts/build-index/build';
import { Checkpoint } from '../../scripts/build-index/checkpoint';
import { mergeIndexes } from '../../scripts/build-index/merge';
import { wasmDtype } from '../../src/embed/precision';
import { findModel } from '../../src/embed/registry';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpus = readdirSync(join(root, 'public/corpus'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => join(root, 'public/corpus', name));
const dir = mkdtempSync(join(tmpdir(), 'build-index-'));

function build(out: string, ...extra: string[]) {
  const args = parseBuildIndexArgs([...corpus, '--model', 'fixture-tiny', '--out', join(dir, out), ...extra]);
  if (args.command !== 'build') throw new Error('expected a build');
  return buildIndex(args, root);
}

const read = (name: string): Omit<IndexFileContents, 'createdAt'> => {
  const { createdAt: _createdAt, ...contents } = decodeIndexFile(readFileSync(join(dir, name)));
  return contents;
};

describe('npm run build-index', () => {
  it('indexes every corpus file with the app’s chunking, and 3 merged shards equal one build', async () => {
    const whole = await build('whole.ossindex');
    expect(whole.files).toBe(corpus.length);
    expect(whole.refused).toEqual([]);
    const shards = [];
    for (const shard of ['1/3', '2/3', '3/3'])
      shards.push(await build(`part${shard[0]}.ossindex`, '--shard', shard));
    expect(shards.reduce((sum, s) => sum + s.files, 0)).toBe(corpus.length);
    expect(shards.filter((s) => s.files > 0).length).toBeGreaterThan(1);
    await mergeIndexes(
      ['part3', 'part1', 'part2'].map((name) => join(dir, `${name}.ossindex`)),
      join(dir, 'merged.ossindex'),
    );
    const one = read('whole.ossindex');
    expect(one.passages.length).toBe(whole.passages);
    expect(read('merged.ossindex')).toEqual(one);
  });

  it('resumes: files finished by an interrupted run are not read or embedded again', async () => {
    const out = join(dir, 'resumed.ossindex');
    // The settings a plain build uses: the test model at the precision the app loads on WASM.
    const dtype = wasmDtype(findModel('fixture-tiny')!);
    const checkpoint = await Checkpoint.open(out, { model: 'fixture-tiny', dtype, shard: '1/1' });
    const first = corpus[0]?.split('/').pop() ?? '';
    await checkpoint.add({ source: first, refused: `${first}: marked by the earlier run` });
    const summary = await build('resumed.ossindex');
    expect(summary.resumed).toBe(1);
    expect(summary.refused).toEqual([`${first}: marked by the earlier run`]);
    expect(summary.embedded.passages).toBe(summary.passages);
    expect(readdirSync(dir)).not.toContain('resumed.ossindex.progress');
  });

  it('keeps finished files when the last line was cut off mid-write, and starts over for other settings', async () => {
    const out = join(dir, 'cut.ossindex');
    const key = { model: 'fixture-tiny', dtype: 'fp32', shard: '1/1' };
    const checkpoint = await Checkpoint.open(out, key);
    await checkpoint.add({ source: 'a.txt', refused: 'a.txt: x' });
    const { appendFile } = await import('node:fs/promises');
    await appendFile(`${out}.progress`, '{"source":"b.txt","rec');
    expect([...(await Checkpoint.open(out, key)).done.keys()]).toEqual(['a.txt']);
    expect((await Checkpoint.open(out, { ...key, shard: '1/2' })).done.size).toBe(0);
  });
});
