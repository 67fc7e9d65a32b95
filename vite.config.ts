import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { ortAssets } from './scripts/vite-ort-assets.ts';

/** Headers that make the page cross-origin isolated, so onnxruntime can use WASM threads. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
  plugins: [react(), ortAssets()],
  // 'mpa' turns off the SPA fallback: a missing /models/... file must be a 404, not index.html,
  // so transformers.js falls through to the hub instead of parsing HTML as JSON.
  appType: 'mpa',
  // The "extern wasm" build of onnxruntime-web does not bundle its .wasm a second time: the runtime files
  // are served once, from /ort/ (see scripts/vite-ort-assets.ts).
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
  worker: { format: 'es' },
  server: { headers: isolationHeaders, port: 5173 },
  preview: { headers: isolationHeaders, port, strictPort: true, host: '127.0.0.1' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
