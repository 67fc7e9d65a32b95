/**
 * What the worker tells the user, as codes with parameters; the page renders them in the reader's language
 * (`src/app/message-text.ts`, with the catalogs in `src/i18n/locales/`).
 */

import type { FailureCause } from '../core/engine/failure';
import type { IndexFileProblem } from '../core/index-file';
import type { ModelFolderProblem } from '../core/model-folder';

/** Why a search answered by keyword only. `cause` says why the model failed or was cancelled. */
export type FallbackReason =
  | { code: 'keyword-fallback'; reason: 'model-loading' | 'index-building' }
  | { code: 'keyword-fallback'; reason: 'model-unavailable'; cause: FailureCause };

/**
 * Why a file could not be added: an `IngestError`'s reason (an archive that unpacks past its limit set apart
 * as `zip-bomb`), or `error` for a failure no reason names (`detail` is then the error's own text). Sizes are
 * in bytes.
 */
export type FileRefusal = {
  code: 'file-refused';
  file: string;
  reason:
    | 'empty'
    | 'binary'
    | 'too-large'
    | 'zip-bomb'
    | 'undecodable'
    | 'unsupported'
    | 'corrupt'
    | 'encrypted'
    | 'scanned'
    | 'error';
  bytes?: number;
  limit?: number;
  detail?: string;
};

/** An index file refused on import, or an export with nothing in it. */
export type IndexFileRefusal = { code: 'index-file-refused' } & IndexFileProblem;

/** A model folder the user picked that cannot be used or stored. */
export type ModelFolderRefusal = { code: 'model-folder-refused' } & ModelFolderProblem;

/** A message from the worker. */
export type Message =
  /** The document asked for was deleted meanwhile. */
  | { code: 'document-gone' }
  /** The embedding map was asked for before the model and its index were ready. */
  | { code: 'map-not-ready' }
  /** An index export or import was asked for before a model was started. */
  | { code: 'no-model'; reason: 'export' | 'import' }
  | FallbackReason
  | FileRefusal
  | FailureCause
  | IndexFileRefusal
  | ModelFolderRefusal
  /** A bundled article could not be fetched (`not-found`) or its bytes differ from the manifest. */
  | { code: 'corpus-file-refused'; file: string; reason: 'not-found' | 'hash-mismatch' }
  /** This tab's database upgrade waits until another tab with an older version closes. */
  | { code: 'upgrade-blocked' }
  /** Another tab runs a newer version of the app; this tab must reload. */
  | { code: 'reload-needed' }
  /** The bundled corpus's manifest could not be fetched (HTTP `status`), so the engine cannot start. */
  | { code: 'corpus-unreadable'; status: number }
  /** The model's tokenizer vocabulary could not be fetched (HTTP `status`), so passages cannot be counted. */
  | { code: 'vocabulary-unreadable'; status: number }
  /** The search worker stopped (`detail`: the browser's words); calls that were waiting get this. */
  | { code: 'engine-stopped'; detail: string }
  /** A device-lab worker stopped (`detail`: the browser's words). */
  | { code: 'lab-stopped'; detail: string }
  /** The device lab was asked to measure a device this browser cannot run the model on. */
  | { code: 'device-unavailable'; device: 'webgpu' | 'wasm' }
  /** The query was to be placed on an embedding map that is no longer kept; the map must be drawn again. */
  | { code: 'map-gone' }
  /** A file was stored and is keyword-searchable, but embedding failed; the next start embeds it. */
  | { code: 'vectors-pending'; passages: number; storageFull?: boolean };
