/**
 * vite-plugin-pwa setup: the web app manifest and our own service worker (`src/sw.ts`, injectManifest),
 * with the precache list Workbox injects into it.
 */
import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The app's accent blue: the icon's background and index.html's theme-color. */
const THEME_COLOR = '#1a56db';

/** The page background (light scheme), shown on the splash screen of the installed app. */
const BACKGROUND_COLOR = '#fbfbfa';

/**
 * onnxruntime's `.wasm` is about 27 MB, far above Workbox's 2 MiB default. Precaching it is deliberate:
 * without it the app cannot run offline. 32 MiB leaves room for onnxruntime to grow a little while still
 * catching an accidental huge asset.
 */
const MAX_PRECACHE_FILE_BYTES = 32 * 1024 * 1024;

/** Which built files the service worker precaches (Workbox globs, relative to `dist/`). */
export const PRECACHE = {
  // The app shell, onnxruntime (/ort/*.wasm, *.mjs), the corpus (/corpus/*.txt, manifest.json), the
  // tokenizer vocabulary (/tokenizer/*.txt), the icons, and pdf.js's CJK maps and fonts (/pdfjs/).
  globPatterns: ['**/*.{html,js,css,webmanifest,wasm,mjs,txt,json,png,svg,ico,bcmap,pfb,ttf}'],
  // Model files stay with transformers.js's own Cache Storage cache: never precached. The benchmark page,
  // its code (with Orama, the baseline it measures against) and its model worker are for `npm run bench`,
  // not for users: they are not precached either.
  globIgnores: ['models/**', 'bench.html', 'assets/bench-*.js', 'assets/model.worker-*.js'],
};

/** The PWA plugin: manifest, service worker build and precache manifest. */
export function pwa(): PluginOption {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    // An update waits until the user accepts the "reload" prompt (src/components/PwaNotices.tsx).
    registerType: 'prompt',
    // Registered from React through virtual:pwa-register/react; no script is injected into index.html.
    injectRegister: false,
    // The icons are precached by the glob below already.
    includeManifestIcons: false,
    manifest: {
      id: '/',
      name: '离线语义搜索 · Offline semantic search',
      short_name: '离线搜索',
      description:
        'Semantic search that runs entirely in your browser: a BGE model on WebGPU or WASM, an index in IndexedDB, no server.',
      lang: 'zh',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      icons: [
        { src: '/icons/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    injectManifest: { ...PRECACHE, maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES },
  });
}
