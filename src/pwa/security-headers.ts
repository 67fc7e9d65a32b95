/**
 * The app's security headers, shared by `vite preview`/dev (vite.config.ts) and the service worker, so a
 * static host that cannot set headers still gets the same policy from the worker's responses.
 */

/** Hosts model downloads reach: the hub and the CDNs its `resolve/` URLs redirect large files to. */
const HUB_SOURCES = [
  'https://huggingface.co',
  'https://cdn-lfs.huggingface.co',
  'https://cdn-lfs-us-1.huggingface.co',
  // cdn-lfs.hf.co, cdn-lfs-us-1.hf.co and the Xet bridge cas-bridge.xethub.hf.co.
  'https://*.hf.co',
];

/** Loopback mirrors (`?hub=http://127.0.0.1:…/`), as the tests' mock hub uses. */
const LOOPBACK_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'];

type Directives = Record<string, readonly string[]>;

/** Directives of the production policy. */
const PRODUCTION: Directives = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval': onnxruntime compiles its .wasm. Its .mjs is imported from /ort/ on our origin
  // (workers/model-host.ts turns off transformers.js's blob: copy, env.useWasmCache).
  // No 'unsafe-eval': the inspector's map draws with scatter-gl (three.js), which compiles no code.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // 'self': the search worker and onnxruntime's WASM threads, started from /ort/ too.
  'worker-src': ["'self'"],
  'connect-src': ["'self'", ...HUB_SOURCES, ...LOOPBACK_SOURCES],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The dev server's relaxations: Vite injects `<style>` tags and the React plugin an inline refresh
 * preamble, and HMR talks over a WebSocket.
 */
const DEV: Directives = {
  ...PRODUCTION,
  'script-src': [...(PRODUCTION['script-src'] ?? []), "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': [...(PRODUCTION['connect-src'] ?? []), 'ws:', 'wss:'],
};

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The Content-Security-Policy of the built app. */
export const CONTENT_SECURITY_POLICY = serialize(PRODUCTION);

/** Headers that make a page cross-origin isolated, so onnxruntime can use WASM threads. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Every header the built app is served with (by `vite preview` and by the service worker). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
};

/** Headers of the dev server: isolation plus the relaxed dev policy. */
export const DEV_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION_HEADERS,
  'Content-Security-Policy': serialize(DEV),
};
