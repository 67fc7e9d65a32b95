/**
 * Vite plugin: serves onnxruntime-web's WASM runtime from the app's own origin (`/ort/`), never a CDN.
 * The files come from the installed `onnxruntime-web`, the exact version transformers.js depends on.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Plugin } from 'vite';
import { ORT_BASE, ORT_FILES } from '../src/embed/runtime-files.ts';
import { staticAssets } from './vite-static-assets.ts';

const FILE_NAMES = Object.values(ORT_FILES).flatMap(({ wasm, mjs }) => [wasm, mjs]);

function ortDistDir(): string {
  // Resolve onnxruntime-web from transformers.js's own location, so the copy it imports is the one served.
  const transformersEntry = createRequire(import.meta.url).resolve('@huggingface/transformers');
  return dirname(createRequire(transformersEntry).resolve('onnxruntime-web'));
}

/** Emits the runtime files into the build and serves them in dev. */
export function ortAssets(): Plugin {
  return staticAssets({ name: 'ort-assets', base: ORT_BASE, dir: ortDistDir(), files: FILE_NAMES });
}
