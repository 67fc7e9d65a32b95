import { useEffect, useState } from 'react';
import type { ScriptDisplay, SearchMode, SearchResponse } from '../shared/protocol';
import { searchWorker } from '../worker-client/client';
import { useChangeVersions } from './use-status';

/** What the results area shows. */
export interface SearchState {
  /** The latest answer, kept while a newer query runs. */
  response?: SearchResponse;
  /** Error in words a user understands. */
  error: string;
  /** A query is running. */
  pending: boolean;
}

interface Answer {
  key: string;
  response?: SearchResponse;
  error: string;
}

/**
 * Searches as the user types; the call for a replaced query is aborted (in the worker too). The query runs
 * again when the worker says the library changed (corpus loaded, documents changed, index ready).
 */
export function useSearch(query: string, mode: SearchMode, script: ScriptDisplay): SearchState {
  const [answer, setAnswer] = useState<Answer>({ key: '', error: '' });
  const { library } = useChangeVersions();
  const key = `${mode}\n${script}\n${library}\n${query}`;
  const empty = query.trim() === '';
  useEffect(() => {
    if (empty) return;
    const controller = new AbortController();
    searchWorker
      .call('search', [{ query, mode, k: 10, script }], controller.signal)
      .then((response) => setAnswer({ key, response, error: '' }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError')
          setAnswer((previous) => ({ ...previous, key, error: error.message }));
      });
    return () => controller.abort();
  }, [key, empty, query, mode, script]);
  if (empty) return { error: '', pending: false };
  return { response: answer.response, error: answer.error, pending: answer.key !== key };
}
