/**
 * Vite plugin: serves onnxruntime-web's WASM runtime from the app's own origin (`/ort/`), never a CDN.
 * The files come from the installed `onnxruntime-web`, the exact version transformers.js depends on.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Plugin } from 'vite';
import { staticAssets } from './vite-static-assets.ts';

/** The runtime files transformers.js loads (the asyncify build serves both WASM and WebGPU). */
export const ORT_FILES = ['ort-wasm-simd-threaded.asyncify.wasm', 'ort-wasm-simd-threaded.asyncify.mjs'];

/** URL path the files are served under. */
export const ORT_BASE = '/ort/';

function ortDistDir(): string {
  // Resolve onnxruntime-web from transformers.js's own location, so the copy it imports is the one served.
  const transformersEntry = createRequire(import.meta.url).resolve('@huggingface/transformers');
  return dirname(createRequire(transformersEntry).resolve('onnxruntime-web'));
}

/** Emits the runtime files into the build and serves them in dev. */
export function ortAssets(): Plugin {
  return staticAssets({ name: 'ort-assets', base: ORT_BASE, dir: ortDistDir(), files: ORT_FILES });
}
