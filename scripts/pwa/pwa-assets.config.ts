/**
 * Icon generation for the web app manifest: the 64/192/512 px icons, a 512 px maskable icon, the Apple
 * touch icon and favicon.ico, all rendered from `public/icons/icon.svg` into `public/icons/`.
 * Regenerate (the PNGs are committed) with:
 *
 *     npx pwa-assets-generator --config scripts/pwa/pwa-assets.config.ts
 */
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

/** The icon's own blue: the maskable icon's safe-zone padding is filled with it. */
const ICON_BLUE = '#1a56db';

export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    maskable: {
      ...minimal2023Preset.maskable,
      resizeOptions: { background: ICON_BLUE },
    },
  },
  images: ['public/icons/icon.svg'],
});
