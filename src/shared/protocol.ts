/**
 * The worker protocol: the API the search worker exposes and the messages that carry it.
 * Imported by both threads; holds types only.
 */
import type { CleaningStepReport, PageSpan } from '../core/types';
import type { SearchMode } from '../core/search/fuse';
import type { StatusEvent } from '../core/status/events';
import type { PassageVectors, SearchTrace } from './inspect';
import type { FallbackReason, FileRefusal, Message } from './messages';

export type { SearchMode } from '../core/search/fuse';

/** Largest file the app ingests (bytes, megabytes); larger files are refused with `tooLargeError` before they are read. */
export { MAX_INPUT_BYTES, MAX_INPUT_MB, tooLargeError } from '../core/text/decode';

/** What the page asks the worker to start with. */
export interface StartOptions {
  /** Registry id of the model to use. */
  modelId: string;
  /** Force a device; otherwise WebGPU when it works, else WASM. */
  device?: 'webgpu' | 'wasm';
  /** Ask for a weight precision (`?dtype=fp32`); used when the model has that file. */
  dtype?: 'fp32' | 'fp16' | 'q8';
  /** A hub mirror (or test hub) to download from instead of the Hugging Face hub. */
  hubHost?: string;
  /** Skip the model and search by keyword only (a download was cancelled); a later start loads it. */
  keywordOnly?: boolean;
}

/** A piece of a passage's text, marked when it matches the query. Rendered as text, never as HTML. */
export interface TextSegment {
  /** The text. */
  text: string;
  /** Whether it matches the query. */
  hit: boolean;
}

/** One search result. */
export interface SearchHit {
  /** Passage id. */
  passageId: string;
  /** Document id. */
  docId: string;
  /** File name of the document. */
  source: string;
  /** Document title. */
  title: string;
  /** Passage text. */
  text: string;
  /** Passage start offset in the document's cleaned text. */
  start: number;
  /** 1-based page of the passage, for paged documents (PDF). */
  page?: number;
  /** Fused (or single-ranking) score. */
  score: number;
  /** Cosine similarity, when the semantic ranking found it. */
  cosine?: number;
  /** Rank in the semantic ranking, from 1. */
  denseRank?: number;
  /** Rank in the keyword ranking, from 1. */
  keywordRank?: number;
  /** Which ranking found it. */
  foundBy: 'semantic' | 'keyword' | 'both';
  /** `text` cut into plain and highlighted pieces. */
  segments: TextSegment[];
}

/** Which script results are shown in: as written, or converted to simplified or traditional characters. */
export type ScriptDisplay = 'original' | 'simplified' | 'traditional';

/** A search request. */
export interface SearchRequest {
  /** What the user typed. */
  query: string;
  /** Ranking mode wanted; the worker falls back to keyword when no model is ready. */
  mode: SearchMode;
  /** How many results. */
  k: number;
  /** Script to show texts in; matching always works across scripts. */
  script?: ScriptDisplay;
  /** Also return a {@link SearchTrace} (the inspector is open); otherwise nothing extra is computed. */
  inspect?: boolean;
}

/** Search results with timings. */
export interface SearchResponse {
  /** The query answered. */
  query: string;
  /** The mode actually used. */
  mode: SearchMode;
  /** Why the mode differs from the one asked for, if it does. */
  fallbackReason?: FallbackReason;
  /** Results, best first. */
  hits: SearchHit[];
  /** Set when nothing was searched: the query has only punctuation, spaces or function words. */
  empty?: 'nothing-to-search';
  /** Indexes into `hits` grouped by document: groups in order of their best hit, each in rank order. */
  groups: number[][];
  /** Milliseconds spent embedding the query, scanning vectors, keyword search, and in total. */
  timings: { embedMs: number; scanMs: number; keywordMs: number; totalMs: number };
  /** What each step did, when the request asked to inspect. */
  trace?: SearchTrace;
}

/** A document as the documents panel lists it. */
export interface DocumentSummary {
  /** Document id (content hash). */
  id: string;
  /** File name. */
  source: string;
  /** Title. */
  title: string;
  /** Detected encoding, or the format (`pdf`, `docx`, `epub`) of an extracted document. */
  encoding: string;
  /** Number of pages with text, for paged documents (PDF). */
  pages?: number;
  /** Size of the original file in bytes. */
  size: number;
  /** Bundled corpus or added by the user. */
  origin: 'corpus' | 'user';
  /** Number of passages. */
  passages: number;
  /** What cleaning removed. */
  report: CleaningStepReport[];
  /** Hidden from search (bundled articles are hidden rather than deleted; reset shows them again). */
  hidden: boolean;
}

/** A document's texts for the side-by-side and in-context views. */
export interface DocumentTexts {
  /** Document id. */
  docId: string;
  /** Title. */
  title: string;
  /** File name. */
  source: string;
  /** The decoded original. */
  original: string;
  /** The cleaned text passages point into (offsets stay valid in every script). */
  cleaned: string;
  /** Where each page's text lies in `cleaned`, for paged documents (PDF). */
  pages?: PageSpan[];
}

/** A file the user adds. */
export interface FileInput {
  /** File name. */
  name: string;
  /** Raw bytes. */
  bytes: ArrayBuffer;
}

/** Outcome of adding one file. */
export type AddFileResult =
  | {
      name: string;
      ok: true;
      docId: string;
      passages: number;
      duplicate: boolean;
      /** Stored and keyword-searchable, but embedding failed; the next start embeds it. */
      vectorsPending?: boolean;
      /** The vectors are pending because the browser's storage for this site is full. */
      storageFull?: boolean;
    }
  | {
      name: string;
      ok: false;
      /** Why, as a code the page renders in its language (`messageText`). */
      refusal: FileRefusal;
      /** Why, in English (for logs); the page shows `refusal`. */
      message: string;
    };

/** A registry model with files in the browser's model cache. */
export interface CachedModel {
  /** Registry id. */
  modelId: string;
  /** Cached files (paths inside the model, e.g. `onnx/model.onnx`) with their sizes. */
  files: { file: string; bytes: number }[];
  /** Bytes over all its files. */
  bytes: number;
}

/** A file of a model folder the user picked. */
export interface ModelFolderFile {
  /** Path starting with the picked folder's name, e.g. `bge-small-zh-v1.5/onnx/model_quantized.onnx`. */
  path: string;
  /** Contents (transferred, not copied). */
  bytes: ArrayBuffer;
}

/** What storing a model folder did. */
export interface ImportedModel {
  /** Registry id the folder was recognised as. */
  modelId: string;
  /** Files stored. */
  files: number;
  /** Bytes stored. */
  bytes: number;
}

/** An exported index file. */
export interface ExportedIndex {
  /** Suggested file name. */
  fileName: string;
  /** File contents. */
  bytes: ArrayBuffer;
}

/** What an index import brought in. */
export interface ImportedIndex {
  /** Documents imported. */
  documents: number;
  /** Passages imported. */
  passages: number;
  /** The model the vectors belong to. */
  modelId: string;
}

/** The API the worker exposes. Every method may reject with a `WorkerError`. */
export interface SearchWorkerApi {
  /** Opens the database, loads the corpus and the model, and builds or reuses the index. */
  start(options: StartOptions): Promise<void>;
  /** Answers a query. An aborted call stops before the query is embedded or the vectors are scanned. */
  search(request: SearchRequest): Promise<SearchResponse>;
  /** Lists documents. */
  listDocuments(): Promise<DocumentSummary[]>;
  /** Returns a document's original and cleaned text, in the chosen script. */
  documentTexts(docId: string, script: ScriptDisplay): Promise<DocumentTexts>;
  /** Adds user files; embeds only what is new. */
  addFiles(files: FileInput[]): Promise<AddFileResult[]>;
  /** Deletes a user document with its passages and vectors; a bundled article is hidden instead. */
  deleteDocument(docId: string): Promise<void>;
  /** Shows every hidden bundled article again. */
  resetCorpus(): Promise<void>;
  /** Lists the registry models with files in the browser's model cache. */
  cachedModels(): Promise<CachedModel[]>;
  /** Deletes a model's cached files; it downloads (or loads from the site) again when next used. */
  deleteCachedModel(modelId: string): Promise<{ files: number; bytes: number }>;
  /** Checks a picked model folder and stores it where the model loader finds it offline. */
  importModelFolder(files: ModelFolderFile[]): Promise<ImportedModel>;
  /** Exports documents, passages, the current model's vectors and the keyword index as one file. */
  exportIndex(): Promise<ExportedIndex>;
  /** Imports an exported index made with the current model; nothing is embedded again. */
  importIndex(bytes: ArrayBuffer): Promise<ImportedIndex>;
  /** Deletes every stored document, passage, vector and index (model files stay cached). */
  clearAllData(): Promise<void>;
  /** All passage vectors of the current index, for the inspector's embedding map. */
  passageVectors(): Promise<PassageVectors>;
  /**
   * Downloads WASM's weights and times WASM next to WebGPU, when that was left out at load to spare the
   * download (the `model-ready` event's `deviceChoice` says `wasm-not-timed`); a new `model-ready` event
   * gives the split. Runs after queued work; does nothing otherwise.
   */
  timeWasm(): Promise<void>;
}

/** An error as it crosses the thread boundary. */
export interface WorkerError {
  /** Error name, e.g. `AbortError`, `IngestError`. */
  name: string;
  /** Message in English (logs); the page shows `said` when there is one. */
  message: string;
  /** What went wrong as a code the page renders in its language. */
  said?: Message;
}

/** A call from the page to the worker. */
export type CallMessage = {
  [M in keyof SearchWorkerApi]: { kind: 'call'; id: number; method: M; args: Parameters<SearchWorkerApi[M]> };
}[keyof SearchWorkerApi];

/** The page no longer wants the answer to call `id`: the worker stops that work. */
export interface AbortMessage {
  kind: 'abort';
  id: number;
}

/** Messages the page sends. */
export type ToWorker = CallMessage | AbortMessage;

/** Messages the worker sends. */
export type FromWorker =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: WorkerError }
  | { kind: 'event'; event: StatusEvent };
