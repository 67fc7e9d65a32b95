/**
 * Vite plugin factory: serves files of an installed package from the app's own origin in dev and emits
 * them into the build, so runtime assets never come from a CDN.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** What {@link staticAssets} serves. */
export interface StaticAssets {
  /** Plugin name. */
  name: string;
  /** URL path the files are served under, with leading and trailing slash, e.g. `/ort/`. */
  base: string;
  /** Folder the files are read from. */
  dir: string;
  /** File paths relative to `dir` (may contain `/`). */
  files: readonly string[];
}

const CONTENT_TYPES: Record<string, string> = {
  wasm: 'application/wasm',
  mjs: 'text/javascript',
  js: 'text/javascript',
};

/** Emits `files` into the build under `base` and serves them there in dev. */
export function staticAssets({ name, base, dir, files }: StaticAssets): Plugin {
  const known = new Set(files);
  return {
    name,
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = req.url?.startsWith(base) ? req.url.slice(base.length).split('?')[0] : undefined;
        if (!file || !known.has(file)) return next();
        const extension = file.split('.').pop() ?? '';
        res.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
        res.end(readFileSync(join(dir, file)));
      });
    },
    generateBundle() {
      for (const file of files) {
        this.emitFile({
          type: 'asset',
          fileName: `${base.slice(1)}${file}`,
          source: readFileSync(join(dir, file)),
        });
      }
    },
  };
}
