/**
 * The embedding map's costs on the bench page (`window.inspectorBench`), for `npm run bench:inspect --
 * --browser`: scatter-gl (the map's renderer) drawing many synthetic points, and the app's projection
 * worker computing PCA and UMAP of synthetic vectors. Long tasks are observed on this page while they run.
 */
import { Dataset, ScatterGL } from 'scatter-gl';
import { mulberry32 } from '../core/random';
import type { FromProjection, ProjectionMethod, ToProjection } from '../shared/projection-protocol';
import { clusteredUnitVectors } from './scale-corpus';

/** Long tasks (≥ 50 ms on the page's thread) observed since {@link watchLongTasks} was called. */
const longTasks: { start: number; ms: number }[] = [];

/** What the driver reads back. */
export interface InspectorBenchApi {
  /** Starts recording the page's long tasks. */
  watchLongTasks(): void;
  /** Long tasks recorded since `since` (a `performance.now()` time). */
  longTasksSince(since: number): { start: number; ms: number }[];
  /** Draws `points` clustered 2-D points with scatter-gl in a 800 × 600 box; the time to the next frame. */
  drawMap(points: number): Promise<{ points: number; drawMs: number }>;
  /** PCA or UMAP of `rows` clustered 512-d vectors in a new projection worker: its time, progress messages. */
  project(method: ProjectionMethod, rows: number): Promise<ProjectionRun>;
}

/** One projection in the worker: the worker's own time (as the map shows it) and its progress messages. */
export interface ProjectionRun {
  /** Vectors projected. */
  rows: number;
  /** The worker's time for the projection, as the map reports it. */
  ms: number;
  /** Progress messages received (UMAP's; PCA sends none). */
  progress: number;
  /** `performance.now()` when the request was sent. */
  startedAt: number;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function drawMap(points: number): Promise<{ points: number; drawMs: number }> {
  const box = document.createElement('div');
  box.style.cssText = 'position:fixed;left:0;top:0;width:800px;height:600px';
  box.dataset.testid = 'bench-map';
  document.body.append(box);
  const random = mulberry32(1);
  const centres = Array.from({ length: 20 }, () => [random() * 2 - 1, random() * 2 - 1]);
  const coordinates = Array.from({ length: points }, (_, i): [number, number] => {
    const [x, y] = centres[i % centres.length]!;
    return [x! + (random() - 0.5) * 0.3, y! + (random() - 0.5) * 0.3];
  });
  const started = performance.now();
  const scatter = new ScatterGL(box, { selectEnabled: false, rotateOnStart: false });
  scatter.render(new Dataset(coordinates));
  scatter.setPointColorer((i) => (i % 2 ? '#1a73e8' : '#e8710a'));
  await frame();
  return { points, drawMs: performance.now() - started };
}

function project(method: ProjectionMethod, rows: number): Promise<ProjectionRun> {
  const worker = new Worker(new URL('../../workers/projection.worker.ts', import.meta.url), {
    type: 'module',
    name: 'projection',
  });
  const vectors = clusteredUnitVectors(rows, 512, 50, 1);
  const startedAt = performance.now();
  let progress = 0;
  return new Promise<ProjectionRun>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<FromProjection>) => {
      const reply = event.data;
      if (reply.kind === 'progress') {
        progress++;
        console.info(
          `${method} ${(reply.fraction * 100).toFixed(0)} % at ${(performance.now() - startedAt).toFixed(0)} ms`,
        );
      } else if (reply.kind === 'points') resolve({ rows, ms: reply.ms, progress, startedAt });
      else if (reply.kind === 'error') reject(new Error(reply.message));
    });
    const request: ToProjection = {
      kind: 'project',
      id: 1,
      method,
      version: 'bench',
      dims: 512,
      vectors,
    };
    worker.postMessage(request, [vectors.buffer]);
  }).finally(() => worker.terminate());
}

/** The functions on `window.inspectorBench`. */
export const inspectorBench: InspectorBenchApi = {
  watchLongTasks: () =>
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true }),
  longTasksSince: (since) => longTasks.filter((task) => task.start >= since),
  drawMap,
  project,
};

declare global {
  interface Window {
    /** Set by `src/bench/main.ts`. */
    inspectorBench?: InspectorBenchApi;
  }
}
