import { describe, expect, it } from 'vitest';
import {
  cancelImport,
  failBatch,
  FIRST_BATCH_FILES,
  fileKeyId,
  finishBatch,
  importProgress,
  nextBatchFiles,
  pauseImport,
  queueImport,
  startImport,
  takeBatch,
  type FileKey,
  type ImportQueue,
} from '../../src/core/import-queue';

const keys = (count: number, size = 10): FileKey[] =>
  Array.from({ length: count }, (_, i) => ({ path: `folder/${i}.txt`, size, lastModified: 1000 + i }));

/** Takes a batch and finishes each of its files with `passages` passages. */
function runBatch(queue: ImportQueue<string>, now: number, passages = 2): ImportQueue<string> {
  const { queue: taken, batch } = takeBatch(queue, now);
  return finishBatch(
    taken,
    batch.map((index) => ({ index, outcome: `ok ${index}`, passages })),
    now,
  );
}

describe('import queue', () => {
  it('runs from queued through batches to done, every file once, in order', () => {
    let queue = startImport(queueImport<string>(keys(10)), 0);
    expect(queue.phase).toBe('running');
    const seen: number[] = [];
    for (let now = 1000; queue.phase === 'running'; now += 1000) {
      const { queue: taken, batch } = takeBatch(queue, now);
      expect(taken.inFlight).toEqual(batch);
      seen.push(...batch);
      queue = finishBatch(
        taken,
        batch.map((index) => ({ index, outcome: 'ok', passages: 3 })),
        now,
      );
    }
    expect(queue.phase).toBe('done');
    expect(seen).toEqual([...Array(10).keys()]);
    expect(queue).toMatchObject({ done: 10, passages: 30, inFlight: [] });
  });

  it('sizes batches to about a second at the measured rate, starting small and never above the cap', () => {
    let queue = startImport(queueImport<string>(keys(500)), 0);
    expect(nextBatchFiles(queue, 0)).toBe(FIRST_BATCH_FILES);
    queue = runBatch(queue, 400); // 4 files in 0.4 s: 10 files/s
    expect(nextBatchFiles(queue, 400)).toBe(10);
    queue = runBatch(queue, 410); // 14 files in 0.41 s: ~34/s, capped at 32
    expect(nextBatchFiles(queue, 410)).toBe(32);
    const slow = runBatch(startImport(queueImport<string>(keys(5)), 0), 60_000); // 4 files in a minute
    expect(nextBatchFiles(slow, 60_000)).toBe(1);
  });

  it('keeps a file larger than the byte limit in a batch of its own', () => {
    const files = [...keys(2, 10), { path: 'big.pdf', size: 100, lastModified: 0 }, ...keys(2, 10)];
    let queue = startImport(queueImport<string>(files), 0);
    const batches: number[][] = [];
    while (queue.phase === 'running') {
      const { queue: taken, batch } = takeBatch(queue, 0, 50);
      batches.push(batch);
      queue = finishBatch(
        taken,
        batch.map((index) => ({ index, outcome: 'ok', passages: 0 })),
        0,
      );
    }
    expect(batches).toEqual([[0, 1], [2], [3, 4]]);
  });

  it('takes nothing while paused or while a batch is at the worker; a pause lets that batch finish', () => {
    let queue = startImport(queueImport<string>(keys(20)), 0);
    const { queue: taken, batch } = takeBatch(queue, 0);
    expect(takeBatch(taken, 0).batch).toEqual([]);
    queue = pauseImport(taken, 500);
    expect(queue.phase).toBe('paused');
    queue = finishBatch(
      queue,
      batch.map((index) => ({ index, outcome: 'ok', passages: 1 })),
      900,
    );
    expect(queue).toMatchObject({ phase: 'paused', done: batch.length, inFlight: [] });
    expect(takeBatch(queue, 1000).batch).toEqual([]);
    queue = startImport(queue, 1000);
    expect(takeBatch(queue, 1000).batch[0]).toBe(batch.length);
  });

  it('measures rates over running time only, and estimates the time left from them', () => {
    let queue = startImport(queueImport<string>(keys(40)), 0);
    queue = runBatch(queue, 2000, 5); // 4 files, 20 passages in 2 s
    queue = pauseImport(queue, 2000);
    const paused = importProgress(queue, 60_000); // a minute paused changes nothing
    expect(paused).toEqual({
      total: 40,
      done: 4,
      passages: 20,
      filesPerSecond: 2,
      passagesPerSecond: 10,
      secondsLeft: 18,
    });
    queue = startImport(queue, 60_000);
    expect(importProgress(queue, 62_000).filesPerSecond).toBe(1); // 4 files in 4 s of running
  });

  it('has no rate and no time left before a file finished', () => {
    const queue = startImport(queueImport<string>(keys(3)), 0);
    expect(importProgress(queue, 5000)).toEqual({ total: 3, done: 0, passages: 0 });
  });

  it('cancels keeping finished files; a batch at the worker when cancelled still counts', () => {
    let queue = runBatch(startImport(queueImport<string>(keys(20)), 0), 100);
    const { queue: taken, batch } = takeBatch(queue, 100);
    queue = cancelImport(taken, 200);
    expect(queue.phase).toBe('cancelled');
    queue = finishBatch(
      queue,
      batch.map((index) => ({ index, outcome: 'late', passages: 1 })),
      300,
    );
    expect(queue).toMatchObject({ phase: 'cancelled', done: FIRST_BATCH_FILES + batch.length });
    expect(queue.finished[FIRST_BATCH_FILES]).toEqual({ outcome: 'late', passages: 1 });
    expect(startImport(queue, 400).phase).toBe('cancelled');
    expect(takeBatch(queue, 400).batch).toEqual([]);
  });

  it('resumes an interrupted import skipping the files finished before, which do not count towards the rate', () => {
    const files = keys(6);
    const earlier = new Map([
      [fileKeyId(files[0]!), { outcome: 'before', passages: 7 }],
      [fileKeyId(files[3]!), { outcome: 'before', passages: 1 }],
      [fileKeyId({ ...files[4]!, size: 99 }), { outcome: 'changed since', passages: 1 }],
    ]);
    let queue = startImport(queueImport(files, earlier), 0);
    expect(queue).toMatchObject({ done: 2, passages: 8 });
    const { queue: taken, batch } = takeBatch(queue, 0);
    expect(batch).toEqual([1, 2, 4, 5]);
    queue = finishBatch(
      taken,
      batch.map((index) => ({ index, outcome: 'now', passages: 1 })),
      1000,
    );
    expect(queue.phase).toBe('done');
    expect(importProgress(queue, 1000)).toMatchObject({ done: 6, passages: 12, filesPerSecond: 4 });
  });

  it('is done at once when every file was finished before', () => {
    const files = keys(2);
    const earlier = new Map(files.map((file) => [fileKeyId(file), { outcome: 'x', passages: 0 }]));
    expect(startImport(queueImport(files, earlier), 0).phase).toBe('done');
  });

  it('records each file once, ignoring repeated or unknown indexes', () => {
    let queue = startImport(queueImport<string>(keys(3)), 0);
    queue = finishBatch(queue, [{ index: 0, outcome: 'a', passages: 1 }], 0);
    queue = finishBatch(
      queue,
      [
        { index: 0, outcome: 'again', passages: 5 },
        { index: 9, outcome: 'nowhere', passages: 5 },
      ],
      0,
    );
    expect(queue).toMatchObject({ done: 1, passages: 1 });
    expect(queue.finished[0]).toEqual({ outcome: 'a', passages: 1 });
  });

  it('pauses with the problem when the worker fails a batch, and retries those files on resume', () => {
    let queue = startImport(queueImport<string>(keys(8)), 0);
    const { queue: taken, batch } = takeBatch(queue, 0);
    queue = failBatch(taken, 'The search engine stopped unexpectedly', 100);
    expect(queue).toMatchObject({
      phase: 'paused',
      problem: 'The search engine stopped unexpectedly',
      done: 0,
    });
    queue = startImport(queue, 200);
    expect(queue.problem).toBeUndefined();
    expect(takeBatch(queue, 200).batch).toEqual(batch);
  });

  it('ignores transitions that do not apply', () => {
    const done = startImport(queueImport<string>([]), 0);
    expect(done.phase).toBe('done');
    expect(pauseImport(done, 1)).toBe(done);
    expect(cancelImport(done, 1)).toBe(done);
    const queued = queueImport<string>(keys(1));
    expect(pauseImport(queued, 1)).toBe(queued);
    expect(cancelImport(queued, 1).phase).toBe('cancelled');
  });
});
