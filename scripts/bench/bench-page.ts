/**
 * Calls the bench page (`bench.html`, `src/bench/`): one fresh page per call, so each measurement gets its
 * own onnxruntime, heap and garbage.
 */
import type { BrowserContext } from 'playwright-core';
import type {
  AccuracyRequest,
  AccuracyResult,
  BaselineRequest,
  BaselineResult,
  IdbBenchRequest,
  IdbBenchResult,
  MachineInfo,
  OursRequest,
  OursResult,
  PeakRequest,
  PeakResult,
  SearchBenchRequest,
  SearchBenchResult,
} from '../../src/bench/protocol';

/** The bench page's functions, each run in a page of its own. */
export interface BenchPage {
  /** See `BenchApi.baseline`. */
  baseline(request: BaselineRequest): Promise<BaselineResult>;
  /** See `BenchApi.ours`. */
  ours(request: OursRequest): Promise<OursResult>;
  /** See `BenchApi.accuracy`. */
  accuracy(request: AccuracyRequest): Promise<AccuracyResult>;
  /** See `BenchApi.peak`. */
  peak(request: PeakRequest): Promise<PeakResult>;
  /** See `BenchApi.search`. */
  search(request: SearchBenchRequest): Promise<SearchBenchResult>;
  /** See `BenchApi.idbLoad`. */
  idbLoad(request: IdbBenchRequest): Promise<IdbBenchResult>;
  /** See `BenchApi.machine`. */
  machine(): Promise<MachineInfo>;
}

/** Generous: 100,000 vectors into Orama or IndexedDB take a while on two cores. */
const CALL_TIMEOUT_MS = 300_000;

/** One call of a function the bench page puts on `window`. */
export interface BenchPageCall {
  /** The global holding the functions. */
  api: 'bench' | 'scaleBench';
  /** The function's name. */
  task: string;
  /** Its argument. */
  request?: unknown;
  /** How long the call may take. */
  timeoutMs: number;
  /** Receives the page's `console.log('progress: …')` lines while the call runs (long calls say where they are). */
  log?: (line: string) => void;
}

/** What a bench page's progress line starts with. */
const PROGRESS = 'progress: ';

type PageApis = Record<string, Record<string, (value: unknown) => unknown> | undefined>;

/**
 * Runs one bench-page function in a fresh page of `context` and returns its result.
 *
 * @example
 * await callBenchPage(context, base, { api: 'scaleBench', task: 'start', request, timeoutMs: 60_000 });
 */
export async function callBenchPage<R>(
  context: BrowserContext,
  base: string,
  call: BenchPageCall,
): Promise<R> {
  const page = await context.newPage();
  page.setDefaultTimeout(call.timeoutMs);
  const { log } = call;
  if (log)
    page.on('console', (message) => {
      if (message.text().startsWith(PROGRESS)) log(`  ${message.text().slice(PROGRESS.length)}`);
    });
  try {
    await page.goto(`${base}/bench.html`);
    await page.waitForFunction((api) => (window as unknown as PageApis)[api] !== undefined, call.api);
    return (await page.evaluate(
      ([api, task, argument]) => (window as unknown as PageApis)[api]![task]!(argument),
      [call.api, call.task, call.request] as const,
    )) as R;
  } finally {
    await page.close();
  }
}

/**
 * The bench page of the server at `base`, in `context` (which shares the app's IndexedDB).
 *
 * @example
 * const bench = benchPage(context, baseUrl); await bench.search({ method: 'scan', vectors: 10_000, ... });
 */
export function benchPage(context: BrowserContext, base: string): BenchPage {
  const call = <R>(task: keyof BenchPage, request?: unknown) =>
    callBenchPage<R>(context, base, { api: 'bench', task, request, timeoutMs: CALL_TIMEOUT_MS });
  return {
    baseline: (request) => call('baseline', request),
    ours: (request) => call('ours', request),
    accuracy: (request) => call('accuracy', request),
    peak: (request) => call('peak', request),
    search: (request) => call('search', request),
    idbLoad: (request) => call('idbLoad', request),
    machine: () => call('machine'),
  };
}
