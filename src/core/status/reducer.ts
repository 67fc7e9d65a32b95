/**
 * Turns the worker's status events into the state the UI renders. Pure, so it is unit-tested in Node.
 */
import type { FailureCause } from '../engine/failure';
import type { StatusEvent } from './events';
import type { DeviceChoiceNote, ModelNotice, PrecisionReason } from './model-notes';

/** Progress of one model file. */
export interface FileState {
  /** Bytes received. */
  loaded: number;
  /** Total bytes, 0 when unknown. */
  total: number;
  /** Complete. */
  done: boolean;
}

/** The model's part of the status. */
export interface ModelStatus {
  /** Registry id of the model being loaded or in use, empty before any. */
  id: string;
  /** Where loading stands. */
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  /** `webgpu` or `wasm`. */
  device: string;
  /** Weight precision. */
  dtype: string;
  /** Why that precision; absent before the worker said. */
  dtypeReason?: PrecisionReason;
  /** Which device embeds queries and which batches, with the figures; absent when only one was tried. */
  deviceChoice?: DeviceChoiceNote;
  /** WASM threads. */
  threads: number;
  /** Whether the page is cross-origin isolated (needed for more than one thread). */
  isolated: boolean;
  /** Per-file download progress. */
  files: Record<string, FileState>;
  /** Load time in ms once ready. */
  loadMs: number;
  /** Notices for the user (e.g. a fallback taken). */
  notices: ModelNotice[];
  /** Why loading failed, as a code the page says in the reader's language. */
  error?: FailureCause;
}

/** The index's part of the status. */
export interface IndexStatus {
  /** Where indexing stands. */
  phase: 'idle' | 'indexing' | 'ready' | 'failed';
  /** Passages embedded in this run. */
  done: number;
  /** Passages to embed in this run. */
  toEmbed: number;
  /** Passages in the index. */
  total: number;
  /** Passages whose stored vectors were reused. */
  reused: number;
  /** Current embedding rate, passages per second. */
  perSec: number;
  /** Duration of the finished run in ms. */
  ms: number;
  /** Why indexing failed. */
  error?: FailureCause;
}

/** The corpus's part of the status. */
export interface CorpusStatus {
  /** Whether documents are loaded and keyword search works. */
  phase: 'loading' | 'ready';
  /** Number of documents. */
  documents: number;
  /** Number of passages. */
  passages: number;
}

/** Things the page should say that are not part of loading: refused articles, the database and other tabs. */
export interface NoticeStatus {
  /** Bundled articles left out, with why. */
  refusedFiles: { file: string; reason: 'not-found' | 'hash-mismatch' }[];
  /** The database and another tab; empty when all is well. */
  storage: '' | 'upgrade-blocked' | 'reload-needed';
}

/** Counters that go up when the worker says something changed; hooks re-read when theirs changes. */
export interface ChangeVersions {
  /** Documents, passages or vectors changed. */
  library: number;
  /** Cached models changed. */
  models: number;
}

/** Everything the status bar and progress bars show. */
export interface AppStatus {
  /** Notices. */
  notices: NoticeStatus;
  /** Change counters. */
  versions: ChangeVersions;
  /** Corpus state. */
  corpus: CorpusStatus;
  /** Model state. */
  model: ModelStatus;
  /** Index state. */
  index: IndexStatus;
}

/** The status before the worker has said anything. */
export const INITIAL_STATUS: AppStatus = {
  notices: { refusedFiles: [], storage: '' },
  versions: { library: 0, models: 0 },
  corpus: { phase: 'loading', documents: 0, passages: 0 },
  model: {
    id: '',
    phase: 'idle',
    device: '',
    dtype: '',
    threads: 0,
    isolated: false,
    files: {},
    loadMs: 0,
    notices: [],
  },
  index: { phase: 'idle', done: 0, toEmbed: 0, total: 0, reused: 0, perSec: 0, ms: 0 },
};

/**
 * Applies one event to the status.
 *
 * @example
 * const next = reduceStatus(INITIAL_STATUS, { type: 'file-progress', file: 'onnx/model.onnx', loaded: 5, total: 10 });
 */
export function reduceStatus(state: AppStatus, event: StatusEvent): AppStatus {
  switch (event.type) {
    case 'corpus-loading':
      return { ...state, corpus: { ...state.corpus, phase: 'loading' } };
    case 'corpus-ready':
      return { ...state, corpus: { phase: 'ready', documents: event.documents, passages: event.passages } };
    case 'model-loading':
      return {
        ...state,
        model: {
          ...INITIAL_STATUS.model,
          id: event.modelId,
          phase: 'loading',
          device: event.device,
          dtype: event.dtype,
          dtypeReason: event.dtypeReason,
          threads: event.threads,
          isolated: event.isolated,
        },
      };
    case 'file-progress': {
      const previous = state.model.files[event.file];
      const file = { loaded: event.loaded, total: event.total || previous?.total || 0, done: false };
      return { ...state, model: { ...state.model, files: { ...state.model.files, [event.file]: file } } };
    }
    case 'file-done': {
      const previous = state.model.files[event.file] ?? { loaded: 0, total: 0, done: false };
      const size = Math.max(previous.loaded, previous.total);
      const file = { loaded: size, total: size, done: true };
      return { ...state, model: { ...state.model, files: { ...state.model.files, [event.file]: file } } };
    }
    case 'model-ready':
      return {
        ...state,
        model: {
          ...state.model,
          id: event.modelId,
          phase: 'ready',
          device: event.device,
          dtype: event.dtype,
          dtypeReason: event.dtypeReason,
          deviceChoice: event.deviceChoice,
          threads: event.threads,
          loadMs: event.loadMs,
          notices: event.notices ?? [],
          error: undefined,
        },
      };
    case 'model-failed':
      return {
        ...state,
        model: { ...state.model, id: event.modelId, phase: 'failed', error: event.message },
      };
    case 'index-started':
      return {
        ...state,
        index: {
          ...INITIAL_STATUS.index,
          phase: 'indexing',
          toEmbed: event.toEmbed,
          total: event.total,
          reused: event.reused,
        },
      };
    case 'index-progress':
      return {
        ...state,
        index: { ...state.index, done: event.done, toEmbed: event.total, perSec: event.perSec },
      };
    case 'index-ready':
      return {
        ...state,
        index: { ...state.index, phase: 'ready', total: event.passages, done: event.embedded, ms: event.ms },
      };
    case 'index-failed':
      return { ...state, index: { ...state.index, phase: 'failed', error: event.message } };
    case 'library-changed':
      return { ...state, versions: { ...state.versions, library: event.version } };
    case 'models-changed':
      return { ...state, versions: { ...state.versions, models: state.versions.models + 1 } };
    case 'corpus-file-refused': {
      const refused = { file: event.file, reason: event.reason };
      return {
        ...state,
        notices: { ...state.notices, refusedFiles: [...state.notices.refusedFiles, refused] },
      };
    }
    case 'storage-notice':
      return { ...state, notices: { ...state.notices, storage: event.notice } };
  }
}

/** Download totals over all files of the model. */
export interface DownloadTotals {
  /** Files complete. */
  filesDone: number;
  /** Files seen. */
  files: number;
  /** Bytes received. */
  loaded: number;
  /** Bytes expected (known sizes only). */
  total: number;
}

/**
 * Sums the per-file progress for the download bar.
 *
 * @example
 * downloadTotals(status.model.files); // { filesDone: 2, files: 4, loaded: 1200000, total: 24000000 }
 */
export function downloadTotals(files: Record<string, FileState>): DownloadTotals {
  const all = Object.values(files);
  return {
    filesDone: all.filter((file) => file.done).length,
    files: all.length,
    loaded: all.reduce((sum, file) => sum + file.loaded, 0),
    total: all.reduce((sum, file) => sum + file.total, 0),
  };
}
