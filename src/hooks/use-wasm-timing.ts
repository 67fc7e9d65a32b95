import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../app/message-text';
import { searchWorker } from '../worker-client/client';

/** Timing WASM next to WebGPU on the user's request: whether it runs, and why it failed. */
export interface WasmTimingState {
  /** The download and timing are running. */
  busy: boolean;
  /** Why the last request failed, in the reader's language; empty when it did not. */
  error: string;
  /** Asks the worker to download WASM's weights and time both devices. */
  run: () => void;
}

/** Runs the worker's `timeWasm`; the new device split arrives as a status event. */
export function useWasmTiming(): WasmTimingState {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = () => {
    setBusy(true);
    setError('');
    searchWorker
      .call('timeWasm', [])
      .catch((e: Error) => setError(errorText(e, t)))
      .finally(() => setBusy(false));
  };
  return { busy, error, run };
}
