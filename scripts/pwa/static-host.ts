/**
 * A bare static file server on 127.0.0.1, standing in for hosts that cannot set response headers (GitHub
 * Pages and the like): no COOP, COEP, CORP or CSP, only `Content-Type`. The browser tests serve `dist/` with
 * it to show the service worker supplies those headers itself.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** A running static host. */
export interface StaticHost {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** From now on answers `path` (e.g. `/sw.js`) with `body` instead of the file: a deploy, in small. */
  replace(path: string, body: string): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves the files of `root` (directories answer with their `index.html`) on a free port of 127.0.0.1.
 *
 * @example
 * const host = await startStaticHost('dist'); … await host.close();
 */
export async function startStaticHost(root: string): Promise<StaticHost> {
  const replaced = new Map<string, string>();
  const server = createServer(async (req, res) => {
    // normalize() of a rooted path drops leading `..`, so requests stay inside `root`.
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname));
    const body = replaced.get(path);
    if (body !== undefined) {
      res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
      return void res.end(body);
    }
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replace: (path, body) => void replaced.set(path, body),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
