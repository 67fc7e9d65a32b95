/** Bug 8: the benchmark page and its Orama code are not precached for users; the app is. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getManifest } from 'workbox-build';
import { describe, expect, it } from 'vitest';
import { PRECACHE } from '../../scripts/pwa/vite-pwa';

/** File names as `vite build` writes them (hashes made up). */
const BUILT = [
  'index.html',
  'bench.html',
  'assets/main-DPC423nU.js',
  'assets/search.worker-DRkCoV3X.js',
  'assets/model-host-CUpFhuYH.js',
  'assets/bench-ULbRUDns.js',
  'assets/model.worker-8wwM4HyR.js',
  'ort/ort-wasm-simd-threaded.asyncify.wasm',
  'ort/ort-wasm-simd-threaded.wasm',
  'corpus/manifest.json',
  'models/fixture-tiny/onnx/model.onnx',
];

describe('the precache list', () => {
  it('holds the app and leaves out the bench page, its code and model files', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'precache-'));
    for (const file of BUILT) {
      await mkdir(dirname(join(dist, file)), { recursive: true });
      await writeFile(join(dist, file), file);
    }
    const { manifestEntries } = await getManifest({ globDirectory: dist, ...PRECACHE });
    const urls = (manifestEntries ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.url));
    expect(urls.sort()).toEqual([
      'assets/main-DPC423nU.js',
      'assets/model-host-CUpFhuYH.js',
      'assets/search.worker-DRkCoV3X.js',
      'corpus/manifest.json',
      'index.html',
      'ort/ort-wasm-simd-threaded.asyncify.wasm',
      'ort/ort-wasm-simd-threaded.wasm',
    ]);
  });
});
