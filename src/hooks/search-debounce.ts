/**
 * How long search-as-you-type waits after a keystroke before asking the worker. Zero: every keystroke
 * searches at once (in a macrotask, so a paste or a burst of events in one task searches once), and the
 * worker drops a query that a newer one replaced before scanning, so fast typing never queues up work.
 */
export const SEARCH_DEBOUNCE_MS = 0;
