/**
 * `npm run bench` end to end with the tiny test model and small vector counts: builds if needed, serves
 * `dist/`, drives Chromium. Checks the result's shape, types and that every ratio agrees with its parts,
 * never timing thresholds.
 */
import { describe, expect, it } from 'vitest';
import { runBench } from '../../scripts/bench/run';
import { SEARCH_DEBOUNCE_MS } from '../../src/hooks/search-debounce';

/** Paths of the fields that must be positive finite numbers. */
const POSITIVE = [
  'index.passages',
  'index.tokens',
  'index.oursPerSec',
  'index.baselinePerSec',
  'index.speedup',
  'index.gflops',
  'index.paddedGflops',
  'index.baselineGflops',
  'index.peakGflops',
  'index.peakGflopsOneThread',
  'index.fractionOfPeak',
  'index.indexMs',
  'index.baselineMs',
  'index.threads',
  'index.oursOneThreadPerSec',
  'index.peakRendererBytes',
  'index.fp32PerSec',
  'coldStart.firstResult.medianMs',
  'coldStart.fullResult.ratio',
  'query.p50Ms',
  'query.p95Ms',
  'query.engineP50Ms',
  'query.cachedP50Ms',
  'query.samples',
  'coldStartMs',
  'coldStartFullMs',
  'machine.hardwareConcurrency',
  'wallSeconds',
];

const SEARCH_POSITIVE = [
  'oursMs',
  'int8Ms',
  'naiveMs',
  'oramaMs',
  'speedupVsNaive',
  'speedupVsOrama',
  'idbLoadMs',
  'idbPackMs',
  'idbAddMs',
  'idbBytesPerVector',
];

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], value);
}

/** Asserts that `ratio` is `numerator / denominator` (to float precision), naming the ratio on failure. */
function expectRatio(name: string, ratio: unknown, numerator: unknown, denominator: unknown): void {
  expect(ratio as number, name).toBeCloseTo((numerator as number) / (denominator as number), 9);
}

describe('npm run bench', () => {
  it(
    'measures everything with fixture-tiny and returns one JSON-safe object',
    { timeout: 900_000 },
    async () => {
      const result = JSON.parse(
        JSON.stringify(await runBench({ model: 'fixture-tiny', sizes: [1000, 2000] })),
      ) as unknown;

      for (const path of POSITIVE) {
        const value = at(result, path);
        expect(typeof value, path).toBe('number');
        expect(value as number, path).toBeGreaterThan(0);
        expect(Number.isFinite(value), path).toBe(true);
      }
      expect(at(result, 'model')).toBe('fixture-tiny');
      expect(at(result, 'testModel')).toBe(true);
      expect(at(result, 'accuracy.minCosine')).toBeGreaterThan(0);
      expect(at(result, 'index.baselineThreads')).toBe(1);
      expect(at(result, 'index.peakShape')).toMatch(/^\d+×\d+×\d+$/);
      expect(at(result, 'query.debounceMs')).toBe(SEARCH_DEBOUNCE_MS);
      expect(typeof at(result, 'query.p50MsWithoutDebounce')).toBe('number');
      expect(typeof at(result, 'query.p95MsWithoutDebounce')).toBe('number');
      expect(at(result, 'query.mode')).toBe('hybrid');
      expect(Number.isInteger(at(result, 'longTasksDuringIndexing'))).toBe(true);
      expect(at(result, 'longestTaskMs')).toBeGreaterThanOrEqual(0);
      expect(at(result, 'machine.device')).toBe('wasm');
      expect(at(result, 'machine.dtype')).toBe('q8');
      expect(typeof at(result, 'machine.userAgent')).toBe('string');
      expect(typeof at(result, 'machine.crossOriginIsolated')).toBe('boolean');
      expect(at(result, 'blockedRequests')).toBe(0);
      expectRatio(
        'index.speedup',
        at(result, 'index.speedup'),
        at(result, 'index.oursPerSec'),
        at(result, 'index.baselinePerSec'),
      );
      expectRatio(
        'index.fractionOfPeak',
        at(result, 'index.fractionOfPeak'),
        at(result, 'index.gflops'),
        at(result, 'index.peakGflops'),
      );

      const search = at(result, 'search') as Record<string, unknown>[];
      expect(search.map((entry) => entry.vectors)).toEqual([1000, 2000]);
      for (const entry of search) {
        expect(entry.dims).toBe(512);
        for (const key of SEARCH_POSITIVE) {
          expect(typeof entry[key], key).toBe('number');
          expect(entry[key] as number, key).toBeGreaterThan(0);
        }
        expect(entry.sameTop10).toBe(true);
        expectRatio('speedupVsNaive', entry.speedupVsNaive, entry.naiveMs, entry.oursMs);
        expectRatio('speedupVsOrama', entry.speedupVsOrama, entry.oramaMs, entry.oursMs);
      }
    },
  );
});
