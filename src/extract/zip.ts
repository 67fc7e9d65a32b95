/**
 * Unzipping with a cap on what comes out, for DOCX and EPUB (both are zip archives), with fflate.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { IngestError } from '../core/text/decode';

/** Most bytes a DOCX or EPUB may unpack to (all entries together): 200 MB, far above any real book. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** Options of {@link unzipCapped}. */
export interface UnzipOptions {
  /** Entries to keep (others are still inflated, to count their size, but dropped). Default: all. */
  keep?: (name: string) => boolean;
  /** Cap on the uncompressed size of all entries together. Default {@link MAX_UNZIPPED_BYTES}. */
  maxBytes?: number;
}

function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function inflateAll(bytes: Uint8Array, source: string, keep: (name: string) => boolean, maxBytes: number) {
  const kept = new Map<string, Uint8Array[]>();
  const unfinished = new Set<string>();
  let total = 0;
  let entries = 0;
  const unzip = new Unzip((file) => {
    entries++;
    const chunks: Uint8Array[] = [];
    if (keep(file.name)) kept.set(file.name, chunks);
    unfinished.add(file.name);
    file.ondata = (error, data, final) => {
      if (error) throw error;
      total += data.length;
      if (total > maxBytes) {
        const limit = `${maxBytes / 1024 / 1024} MB`;
        throw new IngestError(
          'too-large',
          source,
          `the archive unpacks to more than ${limit} (a zip bomb?)`,
          {
            limit: maxBytes,
            unpacked: true,
          },
        );
      }
      if (keep(file.name)) chunks.push(data);
      if (final) unfinished.delete(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  if (unfinished.size > 0) throw new IngestError('corrupt', source, 'the archive is truncated');
  if (entries === 0) throw new IngestError('corrupt', source, 'not a zip archive, or an empty one');
  return kept;
}

/** End of central directory signature `PK\x05\x06`, the last record of every complete zip. */
const END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];

/** True when the end-of-central-directory record is in the last 64 KB + 22 bytes (where it must be). */
function hasDirectoryEnd(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (END_OF_DIRECTORY.every((byte, k) => bytes[i + k] === byte)) return true;
  }
  return false;
}

/**
 * Unpacks a zip archive, refusing it as soon as its entries together inflate past `maxBytes` (counted
 * on the real output, so lying size fields do not help a zip bomb).
 *
 * @throws {IngestError} `too-large` past the cap, `corrupt` for a damaged or truncated archive.
 * @example
 * const files = unzipCapped(bytes, 'book.epub', { keep: (name) => name.endsWith('.opf') });
 */
export function unzipCapped(
  bytes: Uint8Array,
  source: string,
  options: UnzipOptions = {},
): Map<string, Uint8Array> {
  const keep = options.keep ?? (() => true);
  if (!hasDirectoryEnd(bytes))
    throw new IngestError('corrupt', source, 'not a zip archive, or a truncated one');
  let kept: Map<string, Uint8Array[]>;
  try {
    kept = inflateAll(bytes, source, keep, options.maxBytes ?? MAX_UNZIPPED_BYTES);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('corrupt', source, 'the archive is damaged and cannot be unpacked');
  }
  return new Map([...kept].map(([name, chunks]) => [name, joinChunks(chunks)]));
}
