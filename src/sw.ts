/// <reference lib="webworker" />
/**
 * The service worker. Precaches the app shell, onnxruntime's runtime (`/ort/`), the bundled corpus and the
 * tokenizer vocabulary, so the app starts offline; model files (`/models/`, the hub) are left to
 * transformers.js's own cache and never touched here. Every response it serves carries the security
 * headers, so the page is cross-origin isolated and under the CSP even on a static host. It handles nothing
 * else: outside the precache only pages and worker scripts pass through it, the two kinds of response whose
 * headers (COOP, COEP, CSP) take effect; every other request goes to the network untouched.
 */
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { withSecurityHeaders } from './pwa/with-security-headers';

declare const self: ServiceWorkerGlobalScope;

/** Responses whose headers matter: documents (COOP, COEP, CSP) and worker scripts (COEP, CSP). */
const HEADED_DESTINATIONS: ReadonlySet<RequestDestination> = new Set(['document', 'worker', 'sharedworker']);

/**
 * WebAssembly is served exactly as precached. Chromium keeps a module's compiled code next to the Cache
 * Storage entry it came from; a rebuilt Response has no such entry, so every start compiled onnxruntime's
 * 27 MB module again (see BENCHMARKS.md, Cold start). A same-origin `.wasm` needs none of the headers.
 */
const isWasm = (request: Request): boolean => new URL(request.url).pathname.endsWith('.wasm');

addPlugins([
  {
    handlerWillRespond: async ({ request, response }) =>
      isWasm(request) ? response : withSecurityHeaders(response),
  },
]);
// The one page takes its state from the query (`?model=…&q=…`): any query still finds /index.html.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();

// Same-origin pages and worker scripts outside the precache go to the network and get the headers too
// (model files are fetched, never navigated to, so they never match). Chrome throws on `only-if-cached`
// requests that are not same-origin mode (sent by DevTools), so those are left alone.
registerRoute(
  ({ request, sameOrigin }) =>
    sameOrigin &&
    HEADED_DESTINATIONS.has(request.destination) &&
    !(request.cache === 'only-if-cached' && request.mode !== 'same-origin'),
  async ({ request }) => withSecurityHeaders(await fetch(request)),
);

// The page's "reload" button (workbox-window's messageSkipWaiting) activates a waiting update.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Control the page that installed us at once, so its requests get the headers without a second visit.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
