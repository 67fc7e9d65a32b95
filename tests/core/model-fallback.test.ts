import { describe, expect, it } from 'vitest';
import {
  approxWeightsBytes,
  assignWork,
  planDeviceTiming,
  routeWork,
  switchableEmbedder,
  type DeviceTiming,
} from '../../src/embed/device-choice';
import { loadFirstWorking } from '../../src/embed/fallback';
import type { Embedder } from '../../src/embed/loader';
import type { PrecisionChoice } from '../../src/embed/precision';
import { findModel } from '../../src/embed/registry';

/** A fake embedder that records its calls and whether it was disposed. */
function fakeEmbedder(name: string, log: string[], failEmbed = false): Embedder {
  return {
    dims: 2,
    async embed(texts) {
      log.push(`${name} embed ${texts.length}`);
      if (failEmbed) throw new Error(`${name}: invalid LayerNorm shader module`);
      return new Float32Array(texts.length * 2);
    },
    async dispose() {
      log.push(`${name} disposed`);
    },
  };
}

const GPU_FP16: PrecisionChoice = {
  device: 'webgpu',
  dtype: 'fp16',
  reason: { code: 'default', device: 'webgpu' },
};
const GPU_FP32: PrecisionChoice = { device: 'webgpu', dtype: 'fp32', reason: { code: 'no-shader-f16' } };
const WASM_Q8: PrecisionChoice = { device: 'wasm', dtype: 'q8', reason: { code: 'default', device: 'wasm' } };
const warmUp = async (embedder: Embedder) => void (await embedder.embed(['warm-up']));

describe('loadFirstWorking', () => {
  it('disposes a model whose warm-up fails before falling back, so no session is leaked', async () => {
    const log: string[] = [];
    const result = await loadFirstWorking(
      [GPU_FP16, WASM_Q8],
      async (c) => fakeEmbedder(`${c.device}-${c.dtype}`, log, c.device === 'webgpu'),
      warmUp,
    );
    expect(result.choice).toBe(WASM_Q8);
    expect(log).toEqual(['webgpu-fp16 embed 1', 'webgpu-fp16 disposed', 'wasm-q8 embed 1']);
    expect(result.failures).toEqual([
      { device: 'webgpu', dtype: 'fp16', detail: 'webgpu-fp16: invalid LayerNorm shader module' },
    ]);
  });

  it('walks WebGPU fp16 → WebGPU fp32 → WASM and keeps the first that works', async () => {
    const log: string[] = [];
    const result = await loadFirstWorking(
      [GPU_FP16, GPU_FP32, WASM_Q8],
      async (c) => fakeEmbedder(`${c.device}-${c.dtype}`, log, c.dtype === 'fp16'),
      warmUp,
    );
    expect(result.choice).toBe(GPU_FP32);
    expect(log).not.toContain('wasm-q8 embed 1');
  });

  it('throws the last error when nothing works, having disposed everything it loaded', async () => {
    const log: string[] = [];
    await expect(
      loadFirstWorking([GPU_FP16, WASM_Q8], async (c) => fakeEmbedder(c.device, log, true), warmUp),
    ).rejects.toThrow('wasm: invalid LayerNorm shader module');
    expect(log.filter((line) => line.endsWith('disposed'))).toEqual(['webgpu disposed', 'wasm disposed']);
  });
});

const timing = (device: 'webgpu' | 'wasm', queryMs: number, batchMs: number): DeviceTiming => ({
  device,
  dtype: device === 'wasm' ? 'q8' : 'fp16',
  queryMs,
  batchMs,
  batchSize: 8,
});

describe('assignWork', () => {
  it('gives single queries and batches to different devices when each is faster at one', () => {
    const work = assignWork([timing('webgpu', 9, 20), timing('wasm', 4, 60)]);
    expect([work.query, work.batch]).toEqual(['wasm', 'webgpu']);
    expect(work.timings.map((t) => t.device)).toEqual(['webgpu', 'wasm']);
  });

  it('gives everything to one device when it wins both, and keeps the first on a tie', () => {
    expect(assignWork([timing('webgpu', 3, 20), timing('wasm', 4, 60)])).toMatchObject({
      query: 'webgpu',
      batch: 'webgpu',
    });
    expect(assignWork([timing('webgpu', 4, 60), timing('wasm', 4, 60)])).toMatchObject({
      query: 'webgpu',
      batch: 'webgpu',
    });
  });

  it('routes one-text calls to the query device and batches to the batch device; disposes both once', async () => {
    const log: string[] = [];
    const work = assignWork([timing('webgpu', 9, 20), timing('wasm', 4, 60)]);
    const routed = routeWork(work, { webgpu: fakeEmbedder('gpu', log), wasm: fakeEmbedder('cpu', log) });
    await routed.embed(['query']);
    await routed.embed(['a', 'b', 'c']);
    await routed.dispose();
    expect(log).toEqual(['cpu embed 1', 'gpu embed 3', 'cpu disposed', 'gpu disposed']);
  });
});

describe('planDeviceTiming', () => {
  const Q8_24MB = 24 * 1024 ** 2;

  it('does not download WASM’s q8 file just to time it when WebGPU runs fp16 and q8 is not cached', () => {
    expect(
      planDeviceTiming({ gpuDtype: 'fp16', wasmDtype: 'q8', wasmCached: false, wasmBytes: Q8_24MB }),
    ).toEqual({ kind: 'webgpu-only', note: { code: 'wasm-not-timed', dtype: 'q8', bytes: Q8_24MB } });
  });

  it('times both when WASM’s file is cached already or is the very file WebGPU loaded', () => {
    expect(
      planDeviceTiming({ gpuDtype: 'fp16', wasmDtype: 'q8', wasmCached: true, wasmBytes: Q8_24MB }),
    ).toEqual({ kind: 'time-both' });
    expect(
      planDeviceTiming({ gpuDtype: 'fp32', wasmDtype: 'fp32', wasmCached: false, wasmBytes: 4 * Q8_24MB }),
    ).toEqual({ kind: 'time-both' });
  });

  it('estimates the download from the registry’s q8 size: bge-small-zh q8 24 MB, fp32 about 96 MB', () => {
    const small = findModel('Xenova/bge-small-zh-v1.5')!;
    expect(approxWeightsBytes(small, 'q8')).toBe(Q8_24MB);
    expect(approxWeightsBytes(small, 'fp32') / 1024 ** 2).toBe(96);
  });
});

describe('switchableEmbedder', () => {
  it('sends later calls to the embedder it switches to, and disposes only the current one', async () => {
    const log: string[] = [];
    const embedder = switchableEmbedder(fakeEmbedder('gpu', log));
    await embedder.embed(['a']);
    embedder.switchTo(fakeEmbedder('both', log));
    await embedder.embed(['b', 'c']);
    await embedder.dispose();
    expect(log).toEqual(['gpu embed 1', 'both embed 2', 'both disposed']);
  });
});
