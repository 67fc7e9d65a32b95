import { useEffect, useState } from 'react';
import type { ScriptDisplay, SearchMode, SearchResponse } from '../shared/protocol';
import { errorText } from '../app/message-text';
import { searchWorker } from '../worker-client/client';
import { useLibraryVersion } from './use-status';

/** What the results area shows. */
export interface SearchState {
  /** The latest answer, kept while a newer query runs. */
  response?: SearchResponse;
  /** Error in words a user understands. */
  error: string;
  /** A query is running. */
  pending: boolean;
  /** Page-measured milliseconds from sending the request to receiving the answer (for the inspector). */
  roundTripMs?: number;
  /** `performance.now()` when the answer arrived, so the page can time its rendering. */
  receivedAt?: number;
}

interface Answer {
  key: string;
  response?: SearchResponse;
  error: string;
  roundTripMs?: number;
  receivedAt?: number;
}

/**
 * Searches as the user types; the call for a replaced query is aborted (in the worker too). The query runs
 * again when the worker says the library changed (corpus loaded, documents changed, index ready).
 */
export function useSearch(
  query: string,
  mode: SearchMode,
  script: ScriptDisplay,
  inspect = false,
): SearchState {
  const [answer, setAnswer] = useState<Answer>({ key: '', error: '' });
  const empty = query.trim() === '';
  // Without a query nothing is re-read, so a library change (each batch of an import) re-renders nothing.
  const library = useLibraryVersion(!empty);
  const key = `${mode}\n${script}\n${library}\n${inspect}\n${query}`;
  useEffect(() => {
    if (empty) return;
    const controller = new AbortController();
    const sent = performance.now();
    searchWorker
      .call('search', [{ query, mode, k: 10, script, inspect }], controller.signal)
      .then((response) => {
        const receivedAt = performance.now();
        setAnswer({ key, response, error: '', roundTripMs: receivedAt - sent, receivedAt });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError')
          setAnswer((previous) => ({ ...previous, key, error: errorText(error) }));
      });
    return () => controller.abort();
  }, [key, empty, query, mode, script, inspect]);
  if (empty) return { error: '', pending: false };
  const { response, error, roundTripMs, receivedAt } = answer;
  return { response, error, pending: answer.key !== key, roundTripMs, receivedAt };
}
