/**
 * The page's main thread during a folder import (test model fixture-tiny, keyword mode): a 300-file import
 * with a pause and a resume leaves no long task over 150 ms on the page (none at all when the machine is quiet). On request (IMPORT_10K=1, several minutes), the
 * same with 10,000 files, printing its figures. Tracing is off in this file: it snapshots the page's DOM on
 * the page's main thread, which would be counted as the import's.
 */
import { expect, test } from './fixtures';
import {
  driveImport,
  expectSearchableOnce,
  longTasksSinceChange,
  openApp,
  smallFiles,
  watchLongTasks,
} from './import-helpers';

test.use({ trace: 'off' });

test('an import of 300 files: pause stops it, resume finishes it, with rates and time left, and no long task over 150 ms', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const count = 300;
  await openApp(page);
  await watchLongTasks(page);
  await page.getByTestId('folder-input').setInputFiles(smallFiles('tiny', count));
  const seen = await driveImport(page, { pauseAfter: 60, documents: 5 + count, timeoutMs: 180_000 });

  expect(seen.total).toBe(count);
  expect(seen.barMax).toBe(count);
  expect(seen.rate).toMatch(/files\/s · [\d,]+ passages\/s · about .+ left/);
  expect(seen.paused).toBeLessThan(count);
  expect(seen.pausedBar).toBe(seen.paused); // the batch at the worker when paused has finished
  expect(seen.pausedLater).toBe(seen.paused);
  expect(seen.done).toBe(count);
  await expect(page.getByTestId('import-summary')).toContainText(`Added ${count}`);

  // Every long task after the picker's `change` handler, until a second after the documents panel listed
  // the new files, counts: the test adds nothing to the page's main thread meanwhile (it watches from
  // inside the page with a 50 ms timer, and tracing is off), so each one is the import's. The issue's
  // target is none, and quiet runs have none; on this shared 2-core machine at a load average of 3.5-4.6,
  // 2 of 4 runs had one (65 and 74 ms: a slice of reading the files' sizes and dates, which waits on the
  // busy browser process, and frames whose scripts ran 6-31 ms of their 60-90 ms); a fresh-clone CI run had
  // three of 51-62 ms. How many depends on the machine's load, so the count is printed, not asserted; what
  // is asserted is what the import broke before (tasks of up to 263 ms): each under 150 ms.
  // RELIABILITY.md ("Folder of many tiny files") has every run.
  const { handlerMs, longTasks, frames } = await longTasksSinceChange(page);
  const at = (ms: number) => Math.round(ms - seen.changeAt);
  const report =
    `change handler ${handlerMs} ms; long tasks (ms) ${JSON.stringify(longTasks)}; from the change: ` +
    `paused ${at(seen.pausedAt)} ms, resumed ${at(seen.resumedAt)}, done ${at(seen.doneAt)}, listed ${at(seen.listedAt)}`;
  test
    .info()
    .annotations.push({ type: `import of ${count} files`, description: `${report}; frames ${frames}` });
  console.log(`import of ${count} files: ${report}`);
  expect(handlerMs, 'the change handler is a long task').toBeLessThan(50);
  expect(Math.max(0, ...longTasks), `the longest task of the import; frames: ${frames}`).toBeLessThan(150);
  await expectSearchableOnce(page, 'tiny', [0, seen.paused, count - 1]);
});

test('an import of 10,000 files (IMPORT_10K=1): figures, every file listed, pause and resume', async ({
  page,
}) => {
  test.skip(!process.env.IMPORT_10K, 'measured on request (IMPORT_10K=1): it takes several minutes');
  test.setTimeout(1_800_000);
  const count = 10_000;
  const folder = smallFiles('ten-thousand', count);
  await openApp(page);
  await watchLongTasks(page);
  await page.getByTestId('folder-input').setInputFiles(folder);
  const seen = await driveImport(page, { pauseAfter: 2000, documents: 5 + count, timeoutMs: 1_500_000 });
  const { handlerMs, longTasks, frames } = await longTasksSinceChange(page);

  const pausedMs = seen.resumedAt - seen.pausedAt;
  const totalMs = seen.doneAt - seen.changeAt - pausedMs;
  const figures = [
    `import of ${count.toLocaleString('en')} files, test model fixture-tiny (not a real model), keyword mode`,
    `total ${(totalMs / 1000).toFixed(1)} s from the change event to done (the ${(pausedMs / 1000).toFixed(1)} s paused left out)`,
    `${((seen.done / totalMs) * 1000).toFixed(1)} files/s, ${((seen.passages / totalMs) * 1000).toFixed(1)} passages/s (${seen.passages} passages)`,
    `documents listed ${seen.listed} (${seen.rows} table rows shown) ${Math.round(seen.listedAt - seen.doneAt)} ms after done`,
    `change handler ${handlerMs} ms; long tasks ${longTasks.length}, max ${Math.max(0, ...longTasks)} ms`,
    `JS heap at the end ${(seen.heapBytes / 2 ** 20).toFixed(0)} MiB`,
    `paused after ${seen.paused} files; ${seen.pausedLater} after 1.5 s more`,
  ];
  console.log(`${figures.join('\n')}\nlong animation frames: ${frames}`);
  test.info().annotations.push({
    type: 'import of 10,000 files',
    description: `${figures.join('; ')}; frames ${frames}`,
  });

  expect(seen.total).toBe(count);
  expect(seen.done).toBe(count);
  expect(seen.pausedLater).toBe(seen.paused);
  expect(seen.listed).toBe(5 + count);
  await expectSearchableOnce(page, 'ten-thousand', [0, seen.paused, count - 1]);
});
