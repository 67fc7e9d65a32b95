/**
 * A stand-in for the Hugging Face hub on 127.0.0.1: serves model folders under `/{model}/resolve/main/{file}`
 * with the headers transformers.js and a cross-origin-isolated page need (CORS, CORP, Content-Length, ranges).
 * Unknown repositories answer 401 and missing files 404, with the hub's `X-Error-Code` headers.
 *
 * CLI: `tsx scripts/mock-hub.ts --model fixture-small-zh=public/models/fixture-small-zh [--model id=dir]
 * [--port 8765] [--throttle BYTES_PER_SEC] [--fail-once onnx/model.onnx] [--cut-once onnx/model.onnx]`
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Options of {@link startMockHub}. */
export interface MockHubOptions {
  /** Folders to serve, by hub model id (`test-org/fixture-small-zh` or `fixture-small-zh`). */
  models: Record<string, string>;
  /** Port on 127.0.0.1; a free one when omitted or 0. */
  port?: number;
  /** Caps every response body at this many bytes per second, so progress can be observed. */
  throttleBytesPerSec?: number;
  /**
   * Files whose first full (non-range) GET answers 500, each once: `onnx/model.onnx` (any model) or
   * `test-org/fixture-small-zh/onnx/model.onnx` (one model). HEAD and range probes are never failed.
   */
  failOnce?: string[];
  /**
   * Files whose first full (non-range) GET sends the headers and half the body, then drops the connection,
   * each once (named as in `failOnce`): a download cut mid-file.
   */
  cutOnce?: string[];
}

/** A running mock hub. */
export interface MockHub {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8765`; use as transformers.js `remoteHost`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** Every request so far as `METHOD /path`, with ` [bytes=a-b]` appended for range requests. */
  requests: string[];
  /** Every request answered with a client error (a missing file or repository), as `404 METHOD /path`. */
  notFound: string[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const COMMON_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Length, Content-Range, Accept-Ranges, ETag, X-Error-Code, X-Error-Message',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Cache-Control': 'no-store',
};

const RESOLVE_PATH = /^\/(.+?)\/resolve\/([^/]+)\/(.+)$/;

interface ByteRange {
  start: number;
  end: number;
}

function contentType(file: string): string {
  return extname(file) === '.json' ? 'application/json; charset=utf-8' : 'application/octet-stream';
}

/** Parses a single `bytes=` range; undefined means serve the whole file, null means unsatisfiable. */
function parseRange(header: string | undefined, size: number): ByteRange | null | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  const start = first === '' ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start >= size || start > end ? null : { start, end };
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Error-Code': code,
    'X-Error-Message': message,
  });
  res.end(message);
}

function throttle(bytesPerSec: number) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const began = performance.now();
    let sent = 0;
    for await (const chunk of source) {
      yield chunk;
      sent += chunk.length;
      const wait = (sent / bytesPerSec) * 1000 - (performance.now() - began);
      if (wait > 0) await sleep(wait);
    }
  };
}

/** Passes on the first `limit` bytes, then fails the stream, which drops the connection mid-body. */
function cutAfter(limit: number) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let sent = 0;
    for await (const chunk of source) {
      const part = chunk.subarray(0, Math.max(0, limit - sent));
      if (part.length > 0) yield part;
      sent += part.length;
      if (sent >= limit) throw new Error('mock hub: connection cut (cutOnce)');
    }
  };
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  throttleBytesPerSec: number | undefined,
  cut = false,
): Promise<void> {
  const info = await stat(path);
  const range = parseRange(req.headers.range, info.size);
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    'Accept-Ranges': 'bytes',
    'Content-Type': contentType(path),
    ETag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
  };
  if (range === null) {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${info.size}` });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
  res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': String(end - start + 1) });
  if (req.method === 'HEAD' || end < start) {
    res.end();
    return;
  }
  const chunkSize = throttleBytesPerSec ? Math.max(1, Math.floor(throttleBytesPerSec / 10)) : 65_536;
  let body: AsyncIterable<Buffer> = createReadStream(path, { start, end, highWaterMark: chunkSize });
  if (throttleBytesPerSec) body = throttle(throttleBytesPerSec)(body);
  if (cut) body = cutAfter(Math.floor((end - start + 1) / 2))(body);
  await pipeline(body, res);
}

/**
 * Starts a mock hub on 127.0.0.1 serving each folder as `/{modelId}/resolve/main/{file}`.
 *
 * @example
 * const hub = await startMockHub({ models: { 'test-org/fixture-small-zh': 'public/models/fixture-small-zh' } });
 * await fetch(`${hub.url}/test-org/fixture-small-zh/resolve/main/config.json`);
 * await hub.close();
 */
export async function startMockHub(options: MockHubOptions): Promise<MockHub> {
  const roots = new Map<string, string>();
  for (const [id, folder] of Object.entries(options.models)) {
    const root = resolve(folder);
    if (!(await stat(root).catch(() => null))?.isDirectory()) {
      throw new Error(`mock hub: model folder for ${id} not found: ${root}`);
    }
    roots.set(id, root);
  }
  const pendingFailures = new Set(options.failOnce ?? []);
  const pendingCuts = new Set(options.cutOnce ?? []);
  const requests: string[] = [];
  const notFound: string[] = [];

  /** Consumes a matching entry of `pending`; true when this request should be spoiled. */
  const take = (pending: Set<string>, model: string, file: string): boolean =>
    pending.delete(`${model}/${file}`) || pending.delete(file);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push(`${req.method} ${rawPath}${req.headers.range ? ` [${req.headers.range}]` : ''}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...COMMON_HEADERS,
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'MethodNotAllowed', 'Method not allowed');
      return;
    }
    let match: RegExpExecArray | null;
    try {
      match = RESOLVE_PATH.exec(decodeURIComponent(rawPath));
    } catch {
      match = null;
    }
    const missing = (status: number, code: string, message: string): void => {
      notFound.push(`${status} ${req.method} ${rawPath}`);
      sendError(res, status, code, message);
    };
    const [, model = '', revision = '', file = ''] = match ?? [];
    const root = roots.get(model);
    if (!match) return missing(404, 'NotFound', 'Not Found');
    if (!root) return missing(401, 'RepoNotFound', 'Repository not found');
    if (revision !== 'main') return missing(404, 'RevisionNotFound', `Invalid rev id: ${revision}`);
    const path = resolve(root, file);
    const isFile = path.startsWith(root + sep) && (await stat(path).catch(() => null))?.isFile();
    if (!isFile) return missing(404, 'EntryNotFound', 'Entry not found');
    const fullGet = req.method === 'GET' && !req.headers.range;
    if (fullGet && take(pendingFailures, model, file)) {
      return sendError(res, 500, 'InternalError', 'Internal Error (mock hub: failOnce)');
    }
    await sendFile(req, res, path, options.throttleBytesPerSec, fullGet && take(pendingCuts, model, file));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendError(res, 500, 'InternalError', 'Internal Error');
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    notFound,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', multiple: true, default: [] },
      port: { type: 'string', default: '8765' },
      throttle: { type: 'string' },
      'fail-once': { type: 'string', multiple: true, default: [] },
      'cut-once': { type: 'string', multiple: true, default: [] },
    },
  });
  const models: Record<string, string> = {};
  for (const spec of values.model) {
    const [id, folder] = spec.split('=', 2);
    if (!id || !folder) throw new Error(`--model expects id=folder, got "${spec}"`);
    models[id] = folder;
  }
  if (Object.keys(models).length === 0) throw new Error('give at least one --model id=folder');
  const hub = await startMockHub({
    models,
    port: Number(values.port),
    throttleBytesPerSec: values.throttle ? Number(values.throttle) : undefined,
    failOnce: values['fail-once'],
    cutOnce: values['cut-once'],
  });
  for (const id of Object.keys(models)) console.log(`mock hub: ${id} at ${hub.url}/${id}/resolve/main/`);
  const stop = (): void => void hub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`mock hub: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
