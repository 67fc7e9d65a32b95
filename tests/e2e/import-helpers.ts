/**
 * Helpers for the import queue's browser tests: folders of generated tiny files, and an import driven and
 * watched from inside the page, so that the test itself puts no work on the page's main thread while the
 * long tasks of the import are recorded.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The app with the test model fixture-tiny, searching in keyword mode. */
export const APP = '/?model=fixture-tiny&mode=keyword';

/** A word only file `i` holds: `zq` and the index in letters (`zqaaab` for 1). */
export function word(i: number): string {
  let letters = '';
  for (let n = i, k = 0; k < 4; k++, n = Math.floor(n / 26))
    letters = String.fromCharCode(97 + (n % 26)) + letters;
  return `zq${letters}`;
}

/** The text of generated file `i`. */
export const textOf = (i: number) =>
  `${word(i)} 是第 ${i} 号测试文件里的词。湖畔研究所记录了第 ${i} 次观测。\n`;

/** Name of generated file `i` in its folder (`f0001.txt`). */
const fileName = (i: number) => `f${String(i).padStart(4, '0')}.txt`;

/** A folder `name` of `count` small text files, `name/f0000.txt` …; returns the folder's path on disk. */
export function smallFiles(name: string, count: number): string {
  const root = join(mkdtempSync(join(tmpdir(), 'import-')), name);
  mkdirSync(root);
  for (let i = 0; i < count; i++) writeFileSync(join(root, fileName(i)), textOf(i));
  return root;
}

/** Opens the app, waits for its index, and opens the documents panel. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(APP);
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  const panel = page.getByTestId('documents');
  if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open)))
    await panel.locator('summary').first().click();
}

/** Types `query` and waits for its answer. */
export async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('query').fill(query);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-query', query);
}

/** Path of generated file `i` in `folder`. */
export const pathOf = (folder: string, i: number) => `${folder}/${fileName(i)}`;

/** Expects each of `indexes` to be found by its word as its file, and no other result to name that file. */
export async function expectSearchableOnce(page: Page, folder: string, indexes: number[]): Promise<void> {
  for (const i of indexes) {
    await search(page, word(i));
    await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', pathOf(folder, i));
    await expect(page.locator(`[data-testid="result"][data-source="${pathOf(folder, i)}"]`)).toHaveCount(1);
  }
}

/** What the page records to find the import's long tasks; see {@link watchLongTasks}. */
interface LongTaskWatch {
  longTasks: PerformanceEntry[];
  frames: PerformanceEntry[];
  changeAt?: number;
  changeHandledAt?: number;
}

/**
 * Records the page's long tasks, long animation frames (whose scripts say what ran) and when the folder
 * input's `change` event starts (a capturing listener on the window, the first to run) and ends (a bubbling
 * one, the last).
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: LongTaskWatch = { longTasks: [], frames: [] };
    (window as unknown as { seen: LongTaskWatch }).seen = seen;
    window.addEventListener('change', () => (seen.changeAt ??= performance.now()), { capture: true });
    window.addEventListener('change', () => (seen.changeHandledAt ??= performance.now()));
    new PerformanceObserver((list) => seen.longTasks.push(...list.getEntries())).observe({
      type: 'longtask',
    });
    new PerformanceObserver((list) => seen.frames.push(...list.getEntries())).observe({
      type: 'long-animation-frame',
    });
  });
}

/** The import's share of the page's main thread; see {@link longTasksSinceChange}. */
export interface ImportLongTasks {
  /** Milliseconds the folder input's `change` handlers ran. */
  handlerMs: number;
  /** Durations (ms) of the long tasks that started after them. */
  longTasks: number[];
  /** The long animation frames after them: start, duration and the scripts that ran, as JSON. */
  frames: string;
}

/**
 * The import's share of the main thread: how long the change handler ran, and the long tasks that started
 * after it (with the scripts of their frames). The task that dispatched `change` is measured by its handler
 * only: Playwright sets the input's files in that same task before the event (a person's file picker runs in
 * the browser process), and that part is the test's doing.
 */
export async function longTasksSinceChange(page: Page): Promise<ImportLongTasks> {
  return page.evaluate(() => {
    const seen = (window as unknown as { seen: Required<LongTaskWatch> }).seen;
    type Frame = PerformanceEntry & {
      renderStart: number;
      styleAndLayoutStart: number;
      scripts: { invoker: string; sourceFunctionName: string; sourceURL: string; duration: number }[];
    };
    const after = (entry: PerformanceEntry) => entry.startTime > seen.changeHandledAt;
    const end = (frame: Frame) => frame.startTime + frame.duration;
    const frames = (seen.frames as Frame[]).filter(after).map((frame) => ({
      at: Math.round(frame.startTime),
      ms: Math.round(frame.duration),
      // Rendering (rAF callbacks, style, layout, paint) and style and layout alone, at the frame's end.
      renderMs: frame.renderStart ? Math.round(end(frame) - frame.renderStart) : 0,
      layoutMs: frame.styleAndLayoutStart ? Math.round(end(frame) - frame.styleAndLayoutStart) : 0,
      scripts: frame.scripts.map(
        (script) =>
          `${Math.round(script.duration)} ms ${script.invoker} ${script.sourceFunctionName} ${script.sourceURL.split('/').pop()}`,
      ),
    }));
    return {
      handlerMs: Math.round(seen.changeHandledAt - seen.changeAt),
      longTasks: seen.longTasks.filter(after).map((task) => Math.round(task.duration)),
      frames: JSON.stringify(frames),
    };
  });
}

/** What {@link driveImport} saw. */
export interface DrivenImport {
  /** The queue's `data-total` once it showed. */
  total: number;
  /** The progress bar's `max` then. */
  barMax: number;
  /** The rate line when the pause was clicked. */
  rate: string;
  /** Files done once the pause took effect (nothing in flight). */
  paused: number;
  /** The progress bar's value then. */
  pausedBar: number;
  /** Files done after a further 1.5 s of pause. */
  pausedLater: number;
  /** When the pause was clicked and resume clicked (performance.now). */
  pausedAt: number;
  /** When resume was clicked. */
  resumedAt: number;
  /** When the queue said done. */
  doneAt: number;
  /** When the documents panel listed every document (the import's last render). */
  listedAt: number;
  /** Files done when it finished. */
  done: number;
  /** Passages the import added. */
  passages: number;
  /** When the folder input's `change` event started (performance.now). */
  changeAt: number;
  /** Rows of the documents table, and the count in the panel's summary. */
  rows: number;
  /** The count in the documents panel's summary. */
  listed: number;
  /** `performance.memory.usedJSHeapSize` at the end (bytes; Chromium only). */
  heapBytes: number;
}

/**
 * Drives a running import from inside the page, touching nothing but a few attributes every 50 ms: once
 * `pauseAfter` files are done, clicks Pause, checks that nothing moves for 1.5 s, clicks Resume, then waits
 * until the queue is done and the documents panel lists `documents` documents. Playwright's own waiting
 * (locator polling, snapshots) runs scripts in the page and would show as the import's long tasks.
 */
export async function driveImport(
  page: Page,
  { pauseAfter, documents, timeoutMs }: { pauseAfter: number; documents: number; timeoutMs: number },
): Promise<DrivenImport> {
  return page.evaluate(
    async ({ pauseAfter, documents, timeoutMs }) => {
      const deadline = performance.now() + timeoutMs;
      const until = (what: string, ok: () => boolean) =>
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (ok()) resolve();
            else if (performance.now() > deadline) reject(new Error(`timed out waiting until ${what}`));
            else setTimeout(check, 50);
          };
          check();
        });
      const byTestId = <T extends Element = HTMLElement>(id: string) =>
        document.querySelector<T>(`[data-testid="${id}"]`);
      const queue = () => byTestId('import-queue');
      const done = () => Number(queue()?.dataset.done);
      const bar = () => queue()?.querySelector('progress');
      const listed = () =>
        Number(/\((\d+)\)/.exec(byTestId('documents')?.querySelector('summary')?.textContent ?? '')?.[1]);

      await until('the queue shows', () => queue() !== null);
      const total = Number(queue()!.dataset.total);
      const barMax = bar()!.max;
      await until(`${pauseAfter} files are done`, () => done() >= pauseAfter);
      const rate = byTestId('import-rate')?.textContent ?? '';
      const pausedAt = performance.now();
      byTestId<HTMLButtonElement>('import-pause')!.click();
      await until('the pause takes effect', () => {
        const state = queue()!.dataset;
        return state.state === 'paused' && state.inFlight === '0';
      });
      const paused = done();
      const pausedBar = bar()!.value;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const pausedLater = done();
      const resumedAt = performance.now();
      byTestId<HTMLButtonElement>('import-resume')!.click();
      await until('the queue is done', () => queue()!.dataset.state === 'done');
      const doneAt = performance.now();
      await until(`${documents} documents are listed`, () => listed() === documents);
      const listedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 1000)); // what the end of the import set off
      const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      return {
        total,
        barMax,
        rate,
        paused,
        pausedBar,
        pausedLater,
        pausedAt,
        resumedAt,
        doneAt,
        listedAt,
        done: done(),
        passages: Number(queue()!.dataset.passages),
        changeAt: (window as unknown as { seen?: { changeAt?: number } }).seen?.changeAt ?? 0,
        rows: document.querySelectorAll('[data-testid="document"]').length,
        listed: listed(),
        heapBytes: memory?.usedJSHeapSize ?? 0,
      };
    },
    { pauseAfter, documents, timeoutMs },
  );
}
