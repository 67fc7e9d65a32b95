/**
 * What the engine needs from its surroundings, passed in so the same engine runs in the worker (browser
 * fetch, IndexedDB, transformers.js on WebGPU or WASM) and in Node tests (files, fake-indexeddb, onnxruntime-node).
 */
import type { StatusEvent } from '../src/core/status/events';
import type { Device, Dtype, ModelEntry } from '../src/embed/registry';
import type { SearchDb } from '../src/storage';
import type { LoadedModel } from './model-host';

/** What a model load is asked for. */
export interface ModelRequest {
  /** The registry entry. */
  model: ModelEntry;
  /** Device forced by the page, if any. */
  forcedDevice?: Device;
  /** A precision asked for (`?dtype=fp32`); used when the model has it. */
  forcedDtype?: Dtype;
  /** WASM threads; default all cores when cross-origin isolated (the device lab also measures one). */
  threads?: number;
  /** Hub mirror or test hub, if any. */
  hubHost?: string;
  /** Status sink for download progress. */
  emit: (event: StatusEvent) => void;
}

/** Another tab and this one's database connection. */
export interface DbCallbacks {
  /** This tab's upgrade waits until another tab closes its older connection. */
  onBlocked: () => void;
  /** Another tab upgraded the database; this connection was closed. */
  onVersionChange: () => void;
  /** The browser closed the connection (e.g. site data cleared). */
  onTerminated: () => void;
}

/** The engine's surroundings. */
export interface EngineDeps {
  /** Sends a status event to the page. */
  emit: (event: StatusEvent) => void;
  /** Opens the search database. */
  openDb: (callbacks: DbCallbacks) => Promise<SearchDb>;
  /** Fetches one of the app's own files, e.g. `/corpus/manifest.json`. */
  fetchFile: (path: string) => Promise<Response>;
  /** Loads a model (downloading it when needed). */
  loadModel: (request: ModelRequest) => Promise<LoadedModel>;
}
