import { describe, expect, it } from 'vitest';
import { assignWork, describeWork, routeWork, type DeviceTiming } from '../../src/embed/device-choice';
import { loadFirstWorking } from '../../src/embed/fallback';
import type { Embedder } from '../../src/embed/loader';
import type { PrecisionChoice } from '../../src/embed/precision';

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

const GPU_FP16: PrecisionChoice = { device: 'webgpu', dtype: 'fp16', reason: 'fp16: the default on webgpu' };
const GPU_FP32: PrecisionChoice = { device: 'webgpu', dtype: 'fp32', reason: 'fp32' };
const WASM_Q8: PrecisionChoice = { device: 'wasm', dtype: 'q8', reason: 'q8: the default on wasm' };
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
    expect(result.failures).toEqual(['webgpu fp16 failed: webgpu-fp16: invalid LayerNorm shader module']);
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
    expect(describeWork(work)).toBe(
      'queries on wasm (4 ms vs 9 on webgpu), batches on webgpu (2.5 ms per passage vs 7.5 on wasm)',
    );
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
