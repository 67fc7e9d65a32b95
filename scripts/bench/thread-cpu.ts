/**
 * `npm run bench -- --thread-cpu [ID]`: CPU time of every Chromium thread while the app indexes, summed by
 * process type and thread name (from Linux's `/proc/PID/task/TID/stat`, read when the status bar turns to
 * `indexing` and again at `ready`). It shows who shares the 2 cores with onnxruntime's WASM threads.
 */
import { readdir } from 'node:fs/promises';
import { appUrl, BENCH_MODE } from './app';
import { readOr } from './memory';
import { installProbes } from './probes';
import { benchModel, withBenchSession } from './session';

/** Linux's clock ticks per second (`USER_HZ`), the unit of `/proc` CPU times. */
const TICKS_PER_SECOND = 100;
const STATUS = '[data-testid="status"]';
const TIMEOUT_MS = 300_000;

/** CPU seconds per `type:thread name` (e.g. `renderer:ThreadPoolForeg`), keyed by `pid/tid`. */
type CpuSnapshot = Map<string, { thread: string; seconds: number }>;

/** What {@link runThreadCpu} returns. */
export interface ThreadCpuResult {
  /** Registry id of the model. */
  model: string;
  /** Whether it is a generated test model. */
  testModel: boolean;
  /** The app's indexing: passages, its time, its threads. */
  app: { embedded: number; indexMs: number; threads: number };
  /** Wall time between the two readings, s. */
  wallSeconds: number;
  /** CPU seconds per process type and thread name over that time, largest first. */
  threads: { thread: string; seconds: number }[];
  /** 1-minute load average at the start and the end. */
  loadAverage: { start: number; end: number };
}

/** User + system CPU seconds of every thread of every Chromium process. */
async function snapshot(): Promise<CpuSnapshot> {
  const out: CpuSnapshot = new Map();
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const command = await readOr(`/proc/${pid}/cmdline`);
    if (!command.includes('chromium')) continue;
    const type = /--type=([a-z-]+)/.exec(command)?.[1] ?? 'browser';
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
      const stat = await readOr(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      // The name is in parentheses; utime and stime are the 12th and 13th fields after it.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      out.set(`${pid}/${tid}`, { thread: `${type}:${name}`, seconds });
    }
  }
  return out;
}

function difference(before: CpuSnapshot, after: CpuSnapshot): { thread: string; seconds: number }[] {
  const byName = new Map<string, number>();
  for (const [key, { thread, seconds }] of after) {
    const spent = seconds - (before.get(key)?.seconds ?? 0);
    if (spent > 0) byName.set(thread, (byName.get(thread) ?? 0) + spent);
  }
  return [...byName].map(([thread, seconds]) => ({ thread, seconds })).sort((a, b) => b.seconds - a.seconds);
}

/**
 * Indexes the corpus in the app in a fresh context and returns each Chromium thread's CPU time during it.
 *
 * @example
 * const result = await runThreadCpu('fixture-small-zh', console.error);
 */
export async function runThreadCpu(modelId: string, log: (line: string) => void): Promise<ThreadCpuResult> {
  const model = benchModel(modelId);
  return withBenchSession(log, async ({ url, context }) => {
    await context.addInitScript(installProbes, BENCH_MODE);
    const page = await context.newPage();
    const phaseIn = (phases: string[]) =>
      page.waitForFunction(
        ([selector, wanted]) =>
          wanted.includes(document.querySelector(selector)?.getAttribute('data-index-phase') ?? ''),
        [STATUS, phases] as const,
        { polling: 20, timeout: TIMEOUT_MS },
      );
    await page.goto(appUrl(url, model.id), { timeout: TIMEOUT_MS });
    await phaseIn(['indexing']);
    const before = await snapshot();
    const started = performance.now();
    await phaseIn(['ready', 'failed']);
    const after = await snapshot();
    const wallSeconds = (performance.now() - started) / 1000;
    const status = page.locator(STATUS);
    const attribute = async (name: string) => Number(await status.getAttribute(name));
    const app = {
      embedded: await attribute('data-embedded'),
      indexMs: await attribute('data-index-ms'),
      threads: await attribute('data-threads'),
    };
    log(`app: ${app.embedded} passages in ${app.indexMs} ms on ${app.threads} threads`);
    return {
      model: model.id,
      testModel: model.testModel !== undefined,
      app,
      wallSeconds,
      threads: difference(before, after).filter((row) => row.seconds >= 0.05),
    };
  });
}
