/**
 * Measurements in the real app page: indexing from a fresh context (rate, long tasks), warm query latency
 * and cold start, read from the status bar's and timing line's data attributes and the in-page probes.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { percentile } from '../../src/bench/stats';
import { armQuery, installProbes, probeRecord, querySample, type QuerySample } from './probes';

/** The ranking mode the bench uses: the app's default. */
export const BENCH_MODE = 'hybrid';
/** Long enough for fixture-small-zh to load and index on a slow machine. */
const INDEX_TIMEOUT_MS = 300_000;
const STATUS = '[data-testid="status"]';
const WARM_UP_QUERY = '预热 warm-up';

/** What the status bar says once the index is ready. */
export interface IndexingMeasurement {
  /** Passages in the index. */
  passages: number;
  /** Passages embedded in this run (all of them, in a fresh context). */
  embedded: number;
  /** The engine's index time: from index start to index ready. */
  indexMs: number;
  /** Model load time, including its warm-up run. */
  modelLoadMs: number;
  /** Main-thread tasks over 50 ms between the status bar showing `indexing` and `ready`. */
  longTasks: number;
  /** The longest of them, ms (0 when none). */
  longestTaskMs: number;
  /** `webgpu` or `wasm`. */
  device: string;
  /** Weight precision. */
  dtype: string;
  /** WASM threads of the app's model. */
  threads: number;
  /** Whether the app's page is cross-origin isolated. */
  isolated: boolean;
}

/** Keystroke-to-render times over the queries. */
export interface QueryMeasurement {
  /** Every sample, in order. */
  samples: QuerySample[];
  /** Median of `ms`. */
  p50Ms: number;
  /** 95th percentile of `ms`. */
  p95Ms: number;
  /** Median of the engine's own time. */
  engineP50Ms: number;
  /** Median keystroke → render of the same queries repeated (query embeddings cached by the engine). */
  cachedP50Ms: number;
}

/** The app's URL for a model on WASM, optionally with a query and a dtype other than the registry's. */
export function appUrl(base: string, modelId: string, query?: string, dtype?: string): string {
  const params = new URLSearchParams({ model: modelId, device: 'wasm' });
  if (query !== undefined) params.set('q', query);
  if (dtype !== undefined) params.set('dtype', dtype);
  return `${base}/?${params}`;
}

/** Waits until the status bar says the index is ready; throws if indexing failed. */
async function waitForIndex(page: Page): Promise<void> {
  await page.waitForFunction(
    (selector) =>
      ['ready', 'failed'].includes(document.querySelector(selector)?.getAttribute('data-index-phase') ?? ''),
    STATUS,
    { timeout: INDEX_TIMEOUT_MS, polling: 100 },
  );
  if ((await page.locator(STATUS).getAttribute('data-index-phase')) !== 'ready') {
    throw new Error(`indexing failed: ${await page.locator('[role="alert"]').allInnerTexts()}`);
  }
}

function numberAttribute(page: Page, name: string): Promise<number> {
  return page
    .locator(STATUS)
    .getAttribute(name)
    .then((value) => Number(value));
}

/**
 * Installs the probes on the context, opens the app (at the registry's dtype, or `dtype`) and waits until
 * its index is ready.
 *
 * @example
 * const { page, indexing } = await measureIndexing(context, baseUrl, 'fixture-small-zh');
 */
export async function measureIndexing(
  context: BrowserContext,
  base: string,
  modelId: string,
  dtype?: string,
): Promise<{ page: Page; indexing: IndexingMeasurement }> {
  await context.addInitScript(installProbes, BENCH_MODE);
  const page = await context.newPage();
  await page.goto(appUrl(base, modelId, undefined, dtype), { timeout: INDEX_TIMEOUT_MS });
  await waitForIndex(page);
  const status = page.locator(STATUS);
  const record = await page.evaluate(probeRecord);
  const started = record?.phases.indexing;
  const ready = record?.phases.ready;
  if (!record || started === undefined || ready === undefined)
    throw new Error('the probe missed the index phases');
  const during = record.longTasks.filter(
    (task) => task.start + task.duration > started && task.start < ready,
  );
  return {
    page,
    indexing: {
      passages: await numberAttribute(page, 'data-passages'),
      embedded: await numberAttribute(page, 'data-embedded'),
      indexMs: await numberAttribute(page, 'data-index-ms'),
      modelLoadMs: await numberAttribute(page, 'data-load-ms'),
      longTasks: during.length,
      longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
      device: (await status.getAttribute('data-device')) ?? '',
      dtype: (await status.getAttribute('data-dtype')) ?? '',
      threads: await numberAttribute(page, 'data-threads'),
      isolated: (await status.getAttribute('data-isolated')) === 'true',
    },
  };
}

/** Types a query into the search box (`fill`: one input event) and times input event → results rendered. */
async function typeQuery(page: Page, query: string): Promise<QuerySample> {
  await page.evaluate(armQuery, query);
  await page.getByTestId('query').fill(query);
  return page.evaluate(querySample);
}

/**
 * Times each query on a page whose index is ready, `rounds` times. The engine caches query embeddings,
 * so each round starts from a reloaded page (a fresh worker) and one untimed warm-up query: every timed
 * query is new to the engine. A last pass repeats the queries on the same page for the cached time.
 *
 * @example
 * const query = await measureQueries(page, appUrl(base, 'fixture-small-zh'), queries, 3);
 */
export async function measureQueries(
  page: Page,
  href: string,
  queries: readonly string[],
  rounds: number,
): Promise<QueryMeasurement> {
  const samples: QuerySample[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round > 0) {
      await page.goto(href, { timeout: INDEX_TIMEOUT_MS });
      await waitForIndex(page);
    }
    await typeQuery(page, WARM_UP_QUERY);
    for (const query of queries) samples.push(await typeQuery(page, query));
  }
  const cached: number[] = [];
  for (const query of queries) cached.push((await typeQuery(page, query)).ms);
  const ms = samples.map((sample) => sample.ms);
  return {
    samples,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    engineP50Ms: percentile(
      samples.map((sample) => sample.engineMs),
      50,
    ),
    cachedP50Ms: percentile(cached, 50),
  };
}

/** Times from navigation start to the first result, and to the first result of the requested mode, per reload. */
export interface ColdStart {
  /** Navigation start → first result on screen (may be a keyword fallback while the model loads), ms. */
  firstResultMs: number[];
  /** Navigation start → first result of the requested mode (model loaded, index ready), ms. */
  fullResultMs: number[];
}

/** Chromium trace categories of a cold-start trace: main thread, workers, V8 and WebAssembly compilation. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'blink.worker',
  'loading',
  'toplevel',
  'v8',
  'v8.wasm',
  'disabled-by-default-v8.compile',
  'ServiceWorker',
];

/**
 * Loads the app with `?q=` in a page whose context already holds the model and the index, `runs` times
 * (reloads of one tab), and returns each run's times from navigation start (`performance.timeOrigin`).
 * With `traceDir`, each reload's Chromium trace is written there as `reload-<n>.json`.
 *
 * @example
 * await measureColdStart(page, baseUrl, 'fixture-small-zh', '阿里已经开源了多少款模型', 3);
 */
export async function measureColdStart(
  page: Page,
  base: string,
  modelId: string,
  query: string,
  runs: number,
  traceDir?: string,
): Promise<ColdStart> {
  const first: number[] = [];
  const full: number[] = [];
  const browser = page.context().browser();
  for (let run = 0; run < runs; run++) {
    if (traceDir && browser) {
      const path = join(traceDir, `reload-${run + 1}.json`);
      await browser.startTracing(page, { path, categories: TRACE_CATEGORIES });
    }
    await page.goto(appUrl(base, modelId, query), { timeout: INDEX_TIMEOUT_MS });
    await page.waitForFunction(
      () => {
        const record = (window as Window & { __benchProbe?: { firstFullResult?: number } }).__benchProbe;
        return record?.firstFullResult !== undefined;
      },
      undefined,
      { timeout: INDEX_TIMEOUT_MS, polling: 50 },
    );
    if (traceDir && browser) await browser.stopTracing();
    const record = await page.evaluate(probeRecord);
    first.push(record?.firstResult ?? Number.NaN);
    full.push(record?.firstFullResult ?? Number.NaN);
  }
  return { firstResultMs: first, fullResultMs: full };
}
