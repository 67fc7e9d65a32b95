/**
 * Serves `dist/` with Vite's preview server (the project's config: isolation headers, `/ort/` files) on a
 * free port of 127.0.0.1.
 */
import { createServer } from 'node:net';
import { preview } from 'vite';

/** A running preview server. */
export interface Served {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `vite preview` for the project at `root`.
 *
 * @example
 * const served = await serveDist('/work/main'); … await served.close();
 */
export async function serveDist(root: string): Promise<Served> {
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
