/**
 * One file over HTTP: a HEAD probe for existence and size, and a streamed download into a temporary file that is
 * renamed into place only when complete.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FetchModelError } from './errors';

/** What a HEAD request found: a file (with its size when the server sent one) or an HTTP failure status. */
export type ProbeResult = { found: true; size: number | undefined } | { found: false; status: number };

/** Ask for the bytes as stored, so Content-Length matches what is written (no transparent decompression). */
const REQUEST_HEADERS = { 'Accept-Encoding': 'identity' };

/** Statuses that will not change on retry: the file is missing or not accessible. */
const PERMANENT_STATUSES = new Set([401, 403, 404, 410]);

/** A failed request or body read: retryable, unless the download was cancelled. */
function networkError(url: string, error: unknown, signal: AbortSignal | undefined): FetchModelError {
  if (signal?.aborted) return new FetchModelError('cancelled');
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const reason = typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
  return new FetchModelError(`cannot reach ${new URL(url).origin} (${reason})`, true);
}

/** A failed disk operation: never retryable. */
function writeError(path: string, error: unknown): FetchModelError {
  if ((error as { code?: unknown }).code === 'ENOSPC')
    return new FetchModelError(`disk full while writing ${path}`);
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
    throw networkError(url, error, signal);
  }
  if (!response.ok) return { found: false, status: response.status };
  const length = response.headers.get('content-length');
  return { found: true, size: length === null ? undefined : Number(length) };
}

/** Writes a response body to `path`, telling read (network) failures from write (disk) failures. */
async function writeBody(
  body: ReadableStream<Uint8Array>,
  path: string,
  names: { url: string; dest: string },
  onProgress: (loaded: number) => void,
  signal: AbortSignal | undefined,
): Promise<number> {
  const reader = body.getReader();
  const file = await open(path, 'w').catch(async (error: unknown) => {
    await reader.cancel().catch(() => {});
    throw writeError(names.dest, error);
  });
  let loaded = 0;
  try {
    for (;;) {
      const next = await reader.read().catch((error: unknown) => {
        throw networkError(names.url, error, signal);
      });
      if (next.done) return loaded;
      await file.write(next.value).catch(async (error: unknown) => {
        await reader.cancel().catch(() => {});
        throw writeError(names.dest, error);
      });
      loaded += next.value.length;
      onProgress(loaded);
    }
  } finally {
    await file.close();
  }
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
    throw networkError(url, error, signal);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw statusError(url, response.status);
  }
  const temporary = `${dest}.part`;
  try {
    await mkdir(dirname(dest), { recursive: true }).catch((error: unknown) => {
      throw writeError(dest, error);
    });
    const loaded = await writeBody(response.body, temporary, { url, dest }, onProgress, signal);
    if (expectedSize !== undefined && loaded !== expectedSize) {
      throw new FetchModelError(`received ${loaded} bytes, expected ${expectedSize}`, true);
    }
    await rename(temporary, dest);
    return loaded;
  } catch (error) {
    await response.body.cancel().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
