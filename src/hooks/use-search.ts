import { useEffect, useState } from 'react';
import type { SearchMode, SearchResponse } from '../shared/protocol';
import { searchWorker } from '../worker-client/client';

/** What the results area shows. */
export interface SearchState {
  /** The latest answer, kept while a newer query runs. */
  response?: SearchResponse;
  /** Error in words a user understands. */
  error: string;
  /** A query is running. */
  pending: boolean;
}

const DEBOUNCE_MS = 120;

/**
 * Searches as the user types: debounced, the stale call cancelled when the query changes.
 * `generation` changes when the engine gets better (corpus loaded, model or index ready) to re-run the query.
 */
export function useSearch(query: string, mode: SearchMode, generation: string): SearchState {
  const [state, setState] = useState<SearchState>({ error: '', pending: false });
  useEffect(() => {
    if (query.trim() === '') {
      setState({ error: '', pending: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      searchWorker
        .call('search', [{ query, mode, k: 10 }], controller.signal)
        .then((response) => setState({ response, error: '', pending: false }))
        .catch((error: Error) => {
          if (error.name === 'AbortError') return;
          setState((previous) => ({ ...previous, error: error.message, pending: false }));
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, mode, generation]);
  return state;
}
