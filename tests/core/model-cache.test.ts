/**
 * `listCachedModels` learns file sizes from `content-length`, and reads a body without one only once, however
 * often the model panel asks (it asks on every status change).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listCachedModels } from '../../workers/model-cache';

const ORIGIN = 'http://127.0.0.1:4173';

/** A one-cache stand-in for `caches`, counting how often response bodies are read. */
function fakeCaches(entries: Record<string, { bytes: number; header: boolean }>) {
  const reads = { count: 0 };
  const response = (bytes: number, header: boolean) => {
    const real = new Response(new Uint8Array(bytes), {
      headers: header ? { 'content-length': String(bytes) } : {},
    });
    return Object.assign(real, {
      blob: () => {
        reads.count += 1;
        return Response.prototype.blob.call(real);
      },
    });
  };
  const cache = {
    keys: async () => Object.keys(entries).map((url) => new Request(url)),
    match: async (request: Request) => {
      const entry = entries[request.url];
      return entry && response(entry.bytes, entry.header);
    },
  };
  return { storage: { open: async () => cache }, reads };
}

afterEach(() => vi.unstubAllGlobals());

describe('listCachedModels', () => {
  it('sums sizes from content-length without reading bodies, and reads a header-less body once', async () => {
    const { storage, reads } = fakeCaches({
      [`${ORIGIN}/models/fixture-tiny/config.json`]: { bytes: 500, header: true },
      [`${ORIGIN}/models/fixture-tiny/onnx/model_quantized.onnx`]: { bytes: 4096, header: false },
      'https://huggingface.co/Xenova/bge-m3/resolve/main/onnx/model_quantized.onnx': {
        bytes: 8192,
        header: true,
      },
    });
    vi.stubGlobal('caches', storage);
    const first = await listCachedModels();
    expect(first.map((m) => [m.modelId, m.bytes])).toEqual([
      ['Xenova/bge-m3', 8192],
      ['fixture-tiny', 4596],
    ]);
    expect(reads.count).toBe(1);
    for (let i = 0; i < 3; i++) expect(await listCachedModels()).toEqual(first);
    expect(reads.count).toBe(1);
  });
});
