import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { ortAssets } from './scripts/vite-ort-assets.ts';
import { pdfjsAssets } from './scripts/vite-pdfjs-assets.ts';
import { pwa } from './scripts/pwa/vite-pwa.ts';
import { DEV_SECURITY_HEADERS, SECURITY_HEADERS } from './src/pwa/security-headers.ts';

const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
  plugins: [react(), ortAssets(), pdfjsAssets(), pwa()],
  // 'mpa' turns off the SPA fallback: a missing /models/... file must be a 404, not index.html,
  // so transformers.js falls through to the hub instead of parsing HTML as JSON.
  appType: 'mpa',
  // The "extern wasm" build of onnxruntime-web does not bundle its .wasm a second time: the runtime files
  // are served once, from /ort/ (see scripts/vite-ort-assets.ts).
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
  worker: { format: 'es' },
  // Cross-origin isolation (WASM threads) and the CSP; the service worker adds the same headers on static
  // hosts (src/sw.ts). The dev server's CSP is relaxed for HMR.
  server: { headers: DEV_SECURITY_HEADERS, port: 5173 },
  preview: { headers: SECURITY_HEADERS, port, strictPort: true, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Second entry: the benchmark page driven by `npm run bench` (scripts/bench/).
    rolldownOptions: {
      input: { main: `${import.meta.dirname}/index.html`, bench: `${import.meta.dirname}/bench.html` },
    },
  },
});
