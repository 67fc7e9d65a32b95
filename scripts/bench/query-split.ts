/**
 * `npm run bench -- --query-split [ID]`: where a query's keystroke → render time goes, in the real app page.
 * An init script wraps the page's `Worker` (before the app creates one) to stamp each search call's
 * `postMessage` and its reply's arrival, and stamps the input event; the bench's probe stamps the render.
 * Each dev query is timed new (its embedding not cached, after a reload), then once more (cached).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { percentile } from '../../src/bench/stats';
import { parseQueries } from '../../src/core/metrics/queries';
import { appUrl, measureIndexing } from './app';
import { armQuery, querySample } from './probes';
import { benchModel, PROJECT_ROOT, withBenchSession } from './session';

const QUERIES_FILE = 'tests/fixtures/eval/dev-queries.jsonl';
/**
 * A query's stages, ms: input event → search call posted (React's update and effect); posted → reply,
 * minus the engine's time (messaging, waiting in the worker); the engine's `timings` (total, embed, scan,
 * keyword); reply → results in the DOM (React's render and commit); and input event → DOM in all.
 */
const STAGES = ['inputToSend', 'messaging', 'engine', 'embed', 'scan', 'keyword', 'render', 'total'] as const;

/** One query's stages (see {@link STAGES}), ms. */
export type QueryStages = Record<(typeof STAGES)[number], number>;

/** Medians of the stages over the new and the repeated (cached) queries. */
export interface QuerySplit {
  /** Registry id of the model. */
  model: string;
  /** Whether it is a generated test model. */
  testModel: boolean;
  /** Queries new to the engine: medians of each stage. */
  fresh: QueryStages;
  /** The same queries repeated (embeddings from the engine's cache): medians of each stage. */
  cached: QueryStages;
  /** 1-minute load average at the start and the end. */
  loadAverage: { start: number; end: number };
}

interface Stamp {
  kind: 'input' | 'send' | 'recv';
  at: number;
  timings?: { embedMs: number; scanMs: number; keywordMs: number; totalMs: number };
}

type SplitWindow = Window & { __split?: Stamp[] };

/** Init script: stamps input events, search calls posted to a worker and their replies. */
function installStamps(): void {
  const stamps: Stamp[] = [];
  (window as SplitWindow).__split = stamps;
  window.addEventListener('input', () => stamps.push({ kind: 'input', at: performance.now() }), {
    capture: true,
  });
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as { kind?: string; value?: { timings?: Stamp['timings'] } };
        if (data?.kind === 'result' && data.value?.timings)
          stamps.push({ kind: 'recv', at: performance.now(), timings: data.value.timings });
      });
    }
    postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      const call = message as { kind?: string; method?: string };
      if (call?.kind === 'call' && call.method === 'search')
        stamps.push({ kind: 'send', at: performance.now() });
      if (Array.isArray(options)) super.postMessage(message, options);
      else super.postMessage(message, options);
    }
  };
}

async function timeQuery(page: Page, query: string): Promise<QueryStages> {
  await page.evaluate(() => void ((window as SplitWindow).__split!.length = 0));
  await page.evaluate(armQuery, query);
  await page.getByTestId('query').fill(query);
  const { ms } = await page.evaluate(querySample);
  const stamps = await page.evaluate(() => (window as SplitWindow).__split!);
  const at = (kind: Stamp['kind']) => stamps.find((stamp) => stamp.kind === kind)!;
  const input = at('input').at;
  const send = at('send').at;
  const recv = stamps.filter((stamp) => stamp.kind === 'recv').at(-1)!;
  const engine = recv.timings!.totalMs;
  return {
    inputToSend: send - input,
    messaging: recv.at - send - engine,
    engine,
    embed: recv.timings!.embedMs,
    scan: recv.timings!.scanMs,
    keyword: recv.timings!.keywordMs,
    render: input + ms - recv.at,
    total: ms,
  };
}

function medians(samples: QueryStages[]): QueryStages {
  return Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      percentile(
        samples.map((sample) => sample[stage]),
        50,
      ),
    ]),
  ) as QueryStages;
}

/**
 * Indexes the corpus in the app, then times each dev query's stages, new and repeated.
 *
 * @example
 * const split = await runQuerySplit('fixture-small-zh', console.error);
 */
export async function runQuerySplit(modelId: string, log: (line: string) => void): Promise<QuerySplit> {
  const model = benchModel(modelId);
  const queries = parseQueries(await readFile(join(PROJECT_ROOT, QUERIES_FILE), 'utf8')).map((q) => q.query);
  return withBenchSession(log, async ({ url, context }) => {
    await context.addInitScript(installStamps);
    const { page, indexing } = await measureIndexing(context, url, model.id);
    log(`app: ${indexing.embedded} passages indexed (${indexing.dtype}, ${indexing.threads} threads)`);
    const fresh: QueryStages[] = [];
    const cached: QueryStages[] = [];
    for (let round = 0; round < 3; round++) {
      await page.goto(appUrl(url, model.id));
      await page.waitForFunction(
        () => document.querySelector('[data-testid="status"]')?.getAttribute('data-index-phase') === 'ready',
      );
      await timeQuery(page, '预热 warm-up');
      for (const query of queries) fresh.push(await timeQuery(page, query));
      for (const query of queries) cached.push(await timeQuery(page, query));
    }
    return {
      model: model.id,
      testModel: model.testModel !== undefined,
      fresh: medians(fresh),
      cached: medians(cached),
    };
  });
}
