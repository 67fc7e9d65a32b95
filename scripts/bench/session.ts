/**
 * The setup the bench's single-part modes share: `dist/` built when stale, served on 127.0.0.1, Chromium
 * launched with the network closed and one fresh context; all of it closed again afterwards, and the
 * 1-minute load average at the start and the end added to the mode's result.
 */
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { findModel, type ModelEntry } from '../../src/embed/registry';
import { launchBrowser } from './browser';
import { ensureBuild } from './build';
import { serveDist } from './server';

/** The project's root folder (where `dist/`, `public/` and `eval/` are). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a mode runs in. */
export interface BenchSession {
  /** Base URL of the served `dist/`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** A fresh context (empty storage), closed once the mode returns. */
  context: BrowserContext;
}

/** The 1-minute load average when a mode started and when it ended. */
export interface WithLoadAverage {
  /** `os.loadavg()[0]` at the start and at the end. */
  loadAverage: { start: number; end: number };
}

/**
 * Builds (if stale), serves and launches, runs `mode` in a fresh context, closes everything, and returns the
 * mode's result with the load average.
 *
 * @example
 * const result = await withBenchSession(console.error, async ({ url, context }) => ({ idb: await benchPage(context, url).idbLoad(request) }));
 */
export async function withBenchSession<T extends object>(
  log: (line: string) => void,
  mode: (session: BenchSession) => Promise<T>,
): Promise<T & WithLoadAverage> {
  const start = loadavg()[0]!;
  await ensureBuild(PROJECT_ROOT, log);
  const served = await serveDist(PROJECT_ROOT);
  try {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const result = await mode({ url: served.url, context });
      await context.close();
      return { ...result, loadAverage: { start, end: loadavg()[0]! } };
    } finally {
      await browser.browser.close();
    }
  } finally {
    await served.close();
  }
}

/**
 * The registry entry of a model the bench runs; throws a clear message for an unknown id.
 *
 * @example
 * const model = benchModel('fixture-small-zh');
 */
export function benchModel(modelId: string): ModelEntry {
  const model = findModel(modelId);
  if (!model) throw new Error(`unknown model ${modelId}`);
  return model;
}
