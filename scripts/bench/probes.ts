/**
 * Code that runs inside the app's page: an init script recording long tasks, index phase changes and the
 * first results, and a per-query probe. Each function is serialised by Playwright, so it must not use
 * anything from this module's scope.
 */

/** What {@link installProbes} records, on `window.__benchProbe`, in ms since navigation start. */
export interface ProbeRecord {
  /** Main-thread tasks over 50 ms: start and duration. */
  longTasks: { start: number; duration: number }[];
  /** When the status bar first showed each `data-index-phase`. */
  phases: Record<string, number>;
  /** When the first `data-testid="result"` appeared. */
  firstResult?: number;
  /** When results of the requested mode (not a keyword fallback) first appeared. */
  firstFullResult?: number;
}

/** One query's keystroke-to-render time. */
export interface QuerySample {
  /** From the input event to the DOM mutation that shows this query's results, ms. */
  ms: number;
  /** The engine's own time for the query (`data-total-ms`), ms. */
  engineMs: number;
}

type ProbeWindow = Window & { __benchProbe?: ProbeRecord; __benchQuery?: Promise<QuerySample> };

/**
 * Init script (installed before the app loads): observes long tasks, index phases and first results.
 * `mode` is the ranking the page asks for (`hybrid` by default).
 */
export function installProbes(mode: string): void {
  const record: ProbeRecord = { longTasks: [], phases: {} };
  (window as ProbeWindow).__benchProbe = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      record.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    const phase = document.querySelector('[data-testid="status"]')?.getAttribute('data-index-phase');
    if (phase && record.phases[phase] === undefined) record.phases[phase] = performance.now();
    if (record.firstResult === undefined && document.querySelector('[data-testid="result"]')) {
      record.firstResult = performance.now();
    }
    const timing = document.querySelector('[data-testid="timing"]');
    if (record.firstFullResult === undefined && timing?.getAttribute('data-mode') === mode) {
      if (document.querySelector('[data-testid="result"]')) record.firstFullResult = performance.now();
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-index-phase', 'data-mode'],
  });
}

/**
 * Arms the probe for the next query: records when the search box's input event fires and resolves
 * `window.__benchQuery` when the timing line shows `query` (the results render in the same commit).
 */
export function armQuery(query: string): void {
  (window as ProbeWindow).__benchQuery = new Promise<QuerySample>((resolve) => {
    let inputAt = -1;
    window.addEventListener(
      'input',
      () => {
        inputAt = performance.now();
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => {
      const timing = document.querySelector('[data-testid="timing"]');
      if (inputAt < 0 || timing?.getAttribute('data-query') !== query) return;
      const ms = performance.now() - inputAt;
      observer.disconnect();
      resolve({ ms, engineMs: Number(timing.getAttribute('data-total-ms')) });
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-query'],
    });
  });
}

/** Waits for the armed query's sample. */
export function querySample(): Promise<QuerySample> {
  const pending = (window as ProbeWindow).__benchQuery;
  return pending ?? Promise.reject(new Error('no query armed'));
}

/** The probe's record so far. */
export function probeRecord(): ProbeRecord | undefined {
  return (window as ProbeWindow).__benchProbe;
}
