/**
 * Vite plugin: serves onnxruntime-web's WASM runtime from the app's own origin (`/ort/`), never a CDN.
 * The files come from the installed `onnxruntime-web`, the exact version transformers.js depends on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { ORT_BASE, ORT_FILES } from '../src/embed/runtime-files.ts';

const FILE_NAMES = Object.values(ORT_FILES);

function ortDistDir(): string {
  // Resolve onnxruntime-web from transformers.js's own location, so the copy it imports is the one served.
  const transformersEntry = createRequire(import.meta.url).resolve('@huggingface/transformers');
  return dirname(createRequire(transformersEntry).resolve('onnxruntime-web'));
}

/** Emits the runtime files into the build and serves them in dev. */
export function ortAssets(): Plugin {
  const dir = ortDistDir();
  return {
    name: 'ort-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.startsWith(ORT_BASE) ? req.url.slice(ORT_BASE.length).split('?')[0] : undefined;
        if (!name || !FILE_NAMES.includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        res.end(readFileSync(join(dir, name)));
      });
    },
    generateBundle() {
      for (const name of FILE_NAMES) {
        this.emitFile({
          type: 'asset',
          fileName: `${ORT_BASE.slice(1)}${name}`,
          source: readFileSync(join(dir, name)),
        });
      }
    },
  };
}
