/**
 * The page's main thread during a folder import (test model fixture-tiny, keyword mode): a 300-file import
 * with a pause and a resume leaves no long task on the page. Tracing is off in this file: it snapshots the
 * page's DOM on the page's main thread, which would be counted as the import's.
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

test('an import of 300 files: pause stops it, resume finishes it, with rates and time left, and no long task', async ({
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
  // inside the page with a 50 ms timer, and tracing is off), so each one would be the import's.
  const { handlerMs, longTasks, frames } = await longTasksSinceChange(page);
  const report = `change handler ${handlerMs} ms; long tasks (ms) ${JSON.stringify(longTasks)}`;
  test
    .info()
    .annotations.push({ type: `import of ${count} files`, description: `${report}; frames ${frames}` });
  console.log(`import of ${count} files: ${report}`);
  expect(handlerMs, 'the change handler is a long task').toBeLessThan(50);
  expect(longTasks, `long tasks during the import; their frames: ${frames}`).toEqual([]);
  await expectSearchableOnce(page, 'tiny', [0, seen.paused, count - 1]);
});
