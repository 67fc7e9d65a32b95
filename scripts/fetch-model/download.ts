/**
 * One file over HTTP: a HEAD probe for existence and size, and a streamed download into a temporary file that is
 * renamed into place only when complete.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { FetchModelError } from './errors';

/** What a HEAD request found: a file (with its size when the server sent one) or an HTTP failure status. */
export type ProbeResult = { found: true; size: number | undefined } | { found: false; status: number };

/** Ask for the bytes as stored, so Content-Length matches what is written (no transparent decompression). */
const REQUEST_HEADERS = { 'Accept-Encoding': 'identity' };

/** Statuses that will not change on retry: the file is missing or not accessible. */
const PERMANENT_STATUSES = new Set([401, 403, 404, 410]);

function networkError(url: string, error: unknown): FetchModelError {
  if (error instanceof Error && error.name === 'AbortError') return new FetchModelError('cancelled');
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const reason = typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
  return new FetchModelError(`cannot reach ${new URL(url).origin} (${reason})`, true);
}

function writeError(path: string, error: unknown): FetchModelError {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC') return new FetchModelError(`disk full while writing ${path}`);
  return new FetchModelError(
    `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** Turns a non-2xx status into an error; 5xx and 429 are retryable, missing or forbidden files are not. */
export function statusError(url: string, status: number): FetchModelError {
  if (status === 401 || status === 403) {
    return new FetchModelError(
      `not found or not accessible (HTTP ${status}: the model does not exist, or is gated/private) at ${url}`,
    );
  }
  if (PERMANENT_STATUSES.has(status)) return new FetchModelError(`not found (HTTP ${status}) at ${url}`);
  return new FetchModelError(`server error (HTTP ${status}) at ${url}`, true);
}

/** HEAD request: whether the file exists and its size from Content-Length. */
export async function probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD', headers: REQUEST_HEADERS, signal });
  } catch (error) {
    throw networkError(url, error);
  }
  if (!response.ok) return { found: false, status: response.status };
  const length = response.headers.get('content-length');
  return { found: true, size: length === null ? undefined : Number(length) };
}

/**
 * Streams `url` into `dest` via `dest.part`, calling `onProgress` per chunk; returns the byte count.
 * The temporary file is removed on any failure, so `dest` is either absent, the old file, or complete.
 */
export async function download(
  url: string,
  dest: string,
  expectedSize: number | undefined,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, { headers: REQUEST_HEADERS, signal });
  } catch (error) {
    throw networkError(url, error);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw statusError(url, response.status);
  }
  const temporary = `${dest}.part`;
  let loaded = 0;
  let writeFailed = false;
  try {
    await mkdir(dirname(dest), { recursive: true });
  } catch (error) {
    await response.body.cancel();
    throw writeError(dest, error);
  }
  const output = createWriteStream(temporary).on('error', () => (writeFailed = true));
  try {
    await pipeline(
      Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>),
      async function* (source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          loaded += chunk.length;
          onProgress(loaded);
          yield chunk;
        }
      },
      output,
    );
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeFailed ? writeError(dest, error) : networkError(url, error);
  }
  if (expectedSize !== undefined && loaded !== expectedSize) {
    await rm(temporary, { force: true });
    throw new FetchModelError(`received ${loaded} bytes, expected ${expectedSize}`, true);
  }
  await rename(temporary, dest);
  return loaded;
}
