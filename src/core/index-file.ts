/**
 * The index file: everything a device needs to search without embedding — documents, passages, one
 * model's vectors, the keyword index and metadata — in one binary file.
 *
 * Layout: 8-byte magic `OSSINDEX`, a little-endian uint32 header length, the UTF-8 JSON header, zero
 * padding to a multiple of 4 bytes, then the vectors as little-endian float32, `rows × dims`.
 */
import type { Passage, StoredDocument } from './types';

/** Current format version; files with a higher version are refused. */
export const INDEX_FILE_VERSION = 1;

const MAGIC = 'OSSINDEX';
const FORMAT = 'offline-semantic-search-index';

/** What an index file holds. */
export interface IndexFileContents {
  /** App version that wrote the file. */
  appVersion: string;
  /** When it was written, ms since the epoch. */
  createdAt: number;
  /** The model the vectors belong to. */
  model: { id: string; dims: number };
  /** Documents. */
  documents: StoredDocument[];
  /** Passages of those documents. */
  passages: Passage[];
  /** Serialised keyword index covering the passages. */
  keywordIndex: string;
  /** Passage id of each vector row. */
  vectorIds: string[];
  /** Vectors, `vectorIds.length × model.dims`. */
  vectors: Float32Array;
}

interface Header extends Omit<IndexFileContents, 'vectors'> {
  format: string;
  version: number;
}

/** Why an index file, or an export, was refused; the page says it in the reader's language. */
export type IndexFileProblem =
  | {
      reason:
        | 'not-index'
        | 'ends-early'
        | 'header-unreadable'
        | 'header-incomplete'
        | 'vectors-incomplete'
        | 'not-a-number'
        | 'vectors-mismatch';
    }
  | { reason: 'newer'; version: number; supported: number }
  | { reason: 'other-model'; fileModel: string; fileDims: number; model: string }
  | { reason: 'nothing-to-export'; model: string };

type Problem<R extends IndexFileProblem['reason']> = Extract<IndexFileProblem, { reason: R }>;

/** Each problem in English, for `message` (logs, the command line). */
const ENGLISH: { [R in IndexFileProblem['reason']]: (problem: Problem<R>) => string } = {
  'not-index': () => 'This is not an index file exported by this app.',
  'ends-early': () => 'The index file is damaged (it ends too early).',
  'header-unreadable': () => 'The index file is damaged (its header is not readable).',
  'header-incomplete': () => 'The index file is damaged (its header is incomplete).',
  'vectors-incomplete': () => 'The index file is damaged (its vectors are incomplete).',
  'not-a-number': () => 'The index file is damaged (a vector holds a value that is not a number).',
  'vectors-mismatch': () => 'index-file: vectors do not match their ids and dimensions',
  newer: ({ version, supported }) =>
    `This index file was made by a newer version of the app (format ${version}; this app reads up to ${supported}). Update the app to import it.`,
  'other-model': ({ fileModel, fileDims, model }) =>
    `This index was made with ${fileModel} (${fileDims} dimensions), but the app is using ${model}. Switch to ${fileModel} and import it again.`,
  'nothing-to-export': ({ model }) => `Nothing to export yet: no passage has been embedded with ${model}.`,
};

/**
 * A file that is not an index file, is damaged, is too new or for another model, or an export with nothing
 * in it. `problem` says why as data; `message` in English.
 *
 * @example
 * new IndexFileError({ reason: 'not-index' }).message; // 'This is not an index file exported by this app.'
 */
export class IndexFileError extends Error {
  override readonly name = 'IndexFileError';

  constructor(readonly problem: IndexFileProblem) {
    super((ENGLISH[problem.reason] as (problem: IndexFileProblem) => string)(problem));
  }
}

/**
 * Writes an index file.
 *
 * @example
 * const bytes = encodeIndexFile({ appVersion: '0.1.0', createdAt: Date.now(), model, documents, passages, keywordIndex, vectorIds, vectors });
 */
export function encodeIndexFile(contents: IndexFileContents): Uint8Array {
  const { vectors, ...rest } = contents;
  if (vectors.length !== rest.vectorIds.length * rest.model.dims) {
    throw new IndexFileError({ reason: 'vectors-mismatch' });
  }
  const header: Header = { format: FORMAT, version: INDEX_FILE_VERSION, ...rest };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const vectorStart = align4(MAGIC.length + 4 + json.length);
  const bytes = new Uint8Array(vectorStart + vectors.byteLength);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, json.length, true);
  bytes.set(json, MAGIC.length + 4);
  const view = new DataView(bytes.buffer, vectorStart);
  vectors.forEach((value, i) => view.setFloat32(i * 4, value, true));
  return bytes;
}

/**
 * Reads an index file, refusing files that are not one, are damaged, or come from a newer version.
 *
 * @throws {IndexFileError} with a message a user understands.
 * @example
 * const contents = decodeIndexFile(new Uint8Array(await file.arrayBuffer()));
 */
export function decodeIndexFile(bytes: Uint8Array): IndexFileContents {
  if (
    bytes.length < MAGIC.length + 4 ||
    new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC
  ) {
    throw new IndexFileError({ reason: 'not-index' });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > bytes.length) throw new IndexFileError({ reason: 'ends-early' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, headerEnd)));
  } catch {
    throw new IndexFileError({ reason: 'header-unreadable' });
  }
  const header = checkHeader(parsed);
  if (header.version > INDEX_FILE_VERSION) {
    throw new IndexFileError({ reason: 'newer', version: header.version, supported: INDEX_FILE_VERSION });
  }
  const vectorStart = align4(headerEnd);
  const count = header.vectorIds.length * header.model.dims;
  if (bytes.length !== vectorStart + count * 4) {
    throw new IndexFileError({ reason: 'vectors-incomplete' });
  }
  const vectors = new Float32Array(count);
  for (let i = 0; i < count; i++) vectors[i] = view.getFloat32(vectorStart + i * 4, true);
  if (!vectors.every(Number.isFinite)) {
    throw new IndexFileError({ reason: 'not-a-number' });
  }
  const { format: _format, version: _version, ...contents } = header;
  return { ...contents, vectors };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The parsed header as a {@link Header}, or an {@link IndexFileError}: another format is "not an index
 * file"; missing or mistyped fields (a damaged or hand-edited file) are "damaged". Only the fields the
 * reader relies on are checked; documents and passages are checked where they are stored.
 */
function checkHeader(parsed: unknown): Header {
  if (!isObject(parsed) || parsed.format !== FORMAT) {
    throw new IndexFileError({ reason: 'not-index' });
  }
  const { version, model, documents, passages, keywordIndex, vectorIds } = parsed;
  const complete =
    Number.isInteger(version) &&
    isObject(model) &&
    typeof model.id === 'string' &&
    Number.isInteger(model.dims) &&
    (model.dims as number) > 0 &&
    Array.isArray(documents) &&
    Array.isArray(passages) &&
    typeof keywordIndex === 'string' &&
    Array.isArray(vectorIds) &&
    vectorIds.every((id) => typeof id === 'string');
  if (!complete) throw new IndexFileError({ reason: 'header-incomplete' });
  return parsed as unknown as Header;
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}
