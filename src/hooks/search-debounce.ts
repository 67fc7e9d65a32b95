/**
 * Search-as-you-type does not wait after a keystroke: every change asks the worker at once, and the call
 * for the replaced query is aborted, which reaches the worker and stops that query before it is embedded
 * or scanned. Kept as a number because the benchmark reports it.
 */
export const SEARCH_DEBOUNCE_MS = 0;
