import { useEffect, useState } from 'react';
import { errorText } from '../app/message-text';
import type { DocumentTexts, ScriptDisplay } from '../shared/protocol';
import { searchWorker } from '../worker-client/client';

/** A document's texts for a viewer, loaded from the worker; undefined while loading. */
export function useDocumentTexts(
  docId: string,
  script: ScriptDisplay,
): { texts?: DocumentTexts; error: string } {
  const [state, setState] = useState<{ key: string; texts?: DocumentTexts; error: string }>({
    key: '',
    error: '',
  });
  const key = `${docId}\n${script}`;
  useEffect(() => {
    const controller = new AbortController();
    searchWorker
      .call('documentTexts', [docId, script], controller.signal)
      .then((texts) => setState({ key, texts, error: '' }))
      .catch((error: Error) => {
        if (error.name !== 'AbortError') setState({ key, error: errorText(error) });
      });
    return () => controller.abort();
  }, [key, docId, script]);
  return state.key === key ? state : { error: '' };
}
