/**
 * Vite plugin: serves pdf.js's packed CJK character maps and standard font data from the app's own
 * origin (`/pdfjs/`), never a CDN. They are precached by the service worker (2.5 MB together, next to
 * onnxruntime's 27 MB) so a Chinese PDF added offline still reads: most Chinese PDFs name a predefined
 * CMap (`UniGB-UCS2-H`, …) that pdf.js can only resolve with these files.
 */
import { readdirSync } from 'node:fs';
import type { Plugin } from 'vite';
import { PDFJS_ASSET_BASE } from '../src/extract/pdf-assets.ts';
import { PDFJS_DIR } from './build-index/pdf-assets.ts';
import { staticAssets } from './vite-static-assets.ts';

/** Emits `cmaps/*.bcmap` and `standard_fonts/*` of the installed pdfjs-dist and serves them in dev. */
export function pdfjsAssets(): Plugin {
  const files = ['cmaps', 'standard_fonts'].flatMap((folder) =>
    readdirSync(`${PDFJS_DIR}/${folder}`)
      .filter((file) => !file.startsWith('LICENSE'))
      .map((file) => `${folder}/${file}`),
  );
  return staticAssets({ name: 'pdfjs-assets', base: PDFJS_ASSET_BASE, dir: PDFJS_DIR, files });
}
