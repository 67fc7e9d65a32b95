/**
 * The mock hub and `fetch-model`: the hub serves model folders in the Hugging Face layout with the headers a
 * cross-origin-isolated page needs; `fetchModel` downloads from it byte for byte, skips complete files, retries,
 * names the file on failure, and produces a folder transformers.js loads offline.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFetchArgs } from '../../scripts/fetch-model/args';
import { fetchModel, type FetchEvent, type FetchModelOptions } from '../../scripts/fetch-model/fetch';
import { looksLikeProtobuf } from '../../scripts/fetch-model/validate';
import { startMockHub, type MockHub } from '../../scripts/mock-hub';
import { MODELS_DIR } from '../../scripts/test-models/generate';
import { loadEmbedder } from '../../src/embed/loader';
import { choosePrecision } from '../../src/embed/precision';
import { findModel, type ModelEntry } from '../../src/embed/registry';

const SMALL_ID = 'test-org/fixture-small-zh';
const TINY_ID = 'test-org/fixture-tiny';
const SMALL_DIR = join(MODELS_DIR, 'fixture-small-zh');
const TINY_DIR = join(MODELS_DIR, 'fixture-tiny');
const FP32_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const Q8_FILES = ['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json'];
/** An id the registry does not list, and bge-m3's, both served from a folder with only q8 weights. */
const Q8_ONLY_ID = 'test-org/q8-only';
const M3_ID = 'Xenova/bge-m3';

/** A folder shaped like bge-m3's hub repo: config, tokenizer and only `onnx/model_quantized.onnx` (fixture-tiny's). */
async function q8OnlyFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'q8-only-'));
  await mkdir(join(dir, 'onnx'));
  for (const file of Q8_FILES) await symlink(join(TINY_DIR, file), join(dir, file));
  return dir;
}

const fileUrl = (hub: MockHub, id: string, file: string): string => `${hub.url}/${id}/resolve/main/${file}`;

/** All paths under `dir`, relative, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Runs `fetchModel` with fast retries, collecting its events. */
async function fetchCollecting(options: FetchModelOptions): Promise<{ events: FetchEvent[] }> {
  const events: FetchEvent[] = [];
  await fetchModel({ retryDelayMs: 5, ...options, onEvent: (event) => events.push(event) });
  return { events };
}

/** Runs `body` with some transformers.js `env` settings, restoring them afterwards. */
async function withEnv(settings: Partial<typeof env>, body: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(settings).map((key) => [key, env[key as keyof typeof env]]));
  Object.assign(env, settings);
  try {
    await body();
  } finally {
    Object.assign(env, saved);
  }
}

describe('mock hub', () => {
  let hub: MockHub;
  const configUrl = (): string => fileUrl(hub, SMALL_ID, 'config.json');

  beforeAll(async () => {
    hub = await startMockHub({ models: { [SMALL_ID]: SMALL_DIR } });
  });
  afterAll(() => hub.close());

  it('listens on 127.0.0.1 and logs requests', async () => {
    expect(hub.url).toBe(`http://127.0.0.1:${hub.port}`);
    await fetch(configUrl(), { method: 'HEAD' });
    expect(hub.requests).toContain(`HEAD /${SMALL_ID}/resolve/main/config.json`);
  });

  it('answers HEAD with Content-Length, CORS and CORP headers and no body', async () => {
    const response = await fetch(fileUrl(hub, SMALL_ID, 'onnx/model.onnx'), { method: 'HEAD' });
    const source = await readFile(join(SMALL_DIR, 'onnx', 'model.onnx'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(source.length));
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Content-Length.*ETag/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('etag')).toMatch(/^".+"$/);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves the file bytes on GET', async () => {
    const response = await fetch(configUrl());
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(await readFile(join(SMALL_DIR, 'config.json')));
  });

  it('answers the range probe transformers.js sends with 206 and the total size', async () => {
    const size = (await readFile(join(SMALL_DIR, 'config.json'))).length;
    const response = await fetch(configUrl(), { headers: { Range: 'bytes=0-0' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-0/${size}`);
    expect((await response.arrayBuffer()).byteLength).toBe(1);
    expect((await fetch(configUrl(), { headers: { Range: `bytes=${size}-` } })).status).toBe(416);
  });

  it('answers 404 EntryNotFound for a missing file, with CORS and CORP, and lists it', async () => {
    const response = await fetch(fileUrl(hub, SMALL_ID, 'onnx/model_q4.onnx'));
    expect(response.status).toBe(404);
    expect(hub.notFound).toContain(`404 GET /${SMALL_ID}/resolve/main/onnx/model_q4.onnx`);
    expect(response.headers.get('x-error-code')).toBe('EntryNotFound');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await response.text()).toBe('Entry not found');
  });

  it('answers an unknown repository like the hub (401 RepoNotFound)', async () => {
    const response = await fetch(fileUrl(hub, 'test-org/absent', 'config.json'));
    expect(response.status).toBe(401);
    expect(response.headers.get('x-error-code')).toBe('RepoNotFound');
  });

  it('serves nothing outside the model folder', async () => {
    const response = await fetch(`${hub.url}/${SMALL_ID}/resolve/main/..%2F..%2F..%2F..%2Fpackage.json`);
    expect(response.status).toBe(404);
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(configUrl(), {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Headers': 'range' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('range');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('serves transformers.js downloading from it as its remote host, range probes included', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'hub-cache-'));
    const settings = {
      remoteHost: `${hub.url}/`,
      allowRemoteModels: true,
      allowLocalModels: false,
      cacheDir,
    };
    try {
      await withEnv(settings, async () => {
        const before = hub.requests.length;
        const files = new Set<string>();
        const extractor = await pipeline('feature-extraction', SMALL_ID, {
          dtype: 'fp32',
          progress_callback: (info) => void (info.status === 'done' && files.add(info.file)),
        });
        const output = await extractor('开源模型', { pooling: 'cls', normalize: true });
        await extractor.dispose();
        expect(output.dims).toEqual([1, 512]);
        expect([...files]).toEqual(expect.arrayContaining(FP32_FILES));
        const requests = hub.requests.slice(before);
        expect(requests).toContain(`GET /${SMALL_ID}/resolve/main/onnx/model.onnx [bytes=0-0]`);
        expect(requests).toContain(`GET /${SMALL_ID}/resolve/main/onnx/model.onnx`);
      });
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('fails a failOnce file with 500 exactly once, leaving HEAD and range probes alone', async () => {
    const failing = await startMockHub({ models: { [SMALL_ID]: SMALL_DIR }, failOnce: ['config.json'] });
    try {
      const url = fileUrl(failing, SMALL_ID, 'config.json');
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
      expect((await fetch(url, { headers: { Range: 'bytes=0-0' } })).status).toBe(206);
      expect((await fetch(url)).status).toBe(500);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await failing.close();
    }
  });

  it('throttles response bodies to the given rate', async () => {
    const slow = await startMockHub({ models: { [SMALL_ID]: SMALL_DIR }, throttleBytesPerSec: 1_000_000 });
    try {
      const started = performance.now();
      const body = await (await fetch(fileUrl(slow, SMALL_ID, 'tokenizer.json'))).arrayBuffer();
      const seconds = (performance.now() - started) / 1000;
      expect(body.byteLength).toBeGreaterThan(400_000);
      expect(seconds).toBeGreaterThan((body.byteLength / 1_000_000) * 0.8);
    } finally {
      await slow.close();
    }
  });
});

describe('fetchModel', () => {
  let hub: MockHub;
  let outRoot: string;
  let q8OnlyDir: string;
  let firstRun: FetchEvent[];
  const modelDir = (): string => join(outRoot, SMALL_ID);

  beforeAll(async () => {
    q8OnlyDir = await q8OnlyFolder();
    hub = await startMockHub({
      models: { [SMALL_ID]: SMALL_DIR, [TINY_ID]: TINY_DIR, [Q8_ONLY_ID]: q8OnlyDir, [M3_ID]: q8OnlyDir },
    });
    outRoot = await mkdtemp(join(tmpdir(), 'fetch-model-'));
    ({ events: firstRun } = await fetchCollecting({ id: SMALL_ID, dtype: 'fp32', base: hub.url, outRoot }));
    // Copying the 90 MB fp32 model through the mock hub takes seconds, more on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await hub.close();
    await rm(outRoot, { recursive: true, force: true });
    await rm(q8OnlyDir, { recursive: true, force: true });
  });

  it("follows the registry's file list for bge-m3: q8 by default, no request 404s", async () => {
    const root = await mkdtemp(join(tmpdir(), 'fetch-model-'));
    const before = hub.notFound.length;
    try {
      const result = await fetchModel({ id: M3_ID, base: hub.url, outRoot: root });
      expect(result.dtype).toBe('q8');
      expect(await listFiles(join(root, M3_ID))).toEqual(Q8_FILES);
      expect(hub.notFound.slice(before)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses a precision the registry says the hub repo lacks, before any request', async () => {
    const before = hub.requests.length;
    await expect(fetchModel({ id: M3_ID, dtype: 'fp16', base: hub.url, outRoot: tmpdir() })).rejects.toThrow(
      'Xenova/bge-m3 has no fp16 weights on the hub (its repo has q8); use --dtype q8',
    );
    expect(hub.requests.slice(before)).toEqual([]);
  });

  it('loads an m3-shaped model (q8 only) from the hub where WebGPU would be preferred: WASM q8, no 404', async () => {
    const m3Shaped: ModelEntry = {
      ...findModel('fixture-tiny')!,
      id: Q8_ONLY_ID,
      source: 'hub',
      dtypes: findModel(M3_ID)!.dtypes,
    };
    const choice = choosePrecision(m3Shaped, { device: 'webgpu', hasShaderF16: true });
    expect(choice).toMatchObject({ device: 'wasm', dtype: 'q8' });
    const cacheDir = await mkdtemp(join(tmpdir(), 'hub-cache-'));
    const before = hub.notFound.length;
    try {
      await withEnv({ cacheDir }, async () => {
        const embedder = await loadEmbedder({
          model: m3Shaped,
          device: 'cpu',
          dtype: choice.dtype,
          threads: 1,
          hosting: { localModelPath: null, remoteHost: `${hub.url}/` },
        });
        expect((await embedder.embed(['开源模型'])).length).toBe(64);
        await embedder.dispose();
      });
      expect(hub.notFound.slice(before)).toEqual([]);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('downloads the fp32 files byte-identical to the source and nothing else', async () => {
    expect(await listFiles(modelDir())).toEqual([...FP32_FILES].sort());
    for (const file of FP32_FILES) {
      expect((await readFile(join(modelDir(), file))).equals(await readFile(join(SMALL_DIR, file)))).toBe(
        true,
      );
    }
    const outcomes = firstRun.flatMap((event) => (event.type === 'file' ? [event.outcome] : []));
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['config.json', 'downloaded'],
      ['tokenizer.json', 'downloaded'],
      ['tokenizer_config.json', 'downloaded'],
      ['special_tokens_map.json', 'absent'],
      ['onnx/model.onnx', 'downloaded'],
      ['onnx/model.onnx_data', 'absent'],
    ]);
    const progress = firstRun.filter((e) => e.type === 'progress' && e.file === 'onnx/model.onnx');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ loaded: outcomes[4]?.bytes, total: outcomes[4]?.bytes });
  });

  it('skips complete files on a second run without downloading them again', async () => {
    const before = hub.requests.length;
    const { events } = await fetchCollecting({ id: SMALL_ID, dtype: 'fp32', base: hub.url, outRoot });
    const statuses = events.flatMap((e) => (e.type === 'file' ? [e.outcome.status] : []));
    expect(statuses).toEqual(['skipped', 'skipped', 'skipped', 'absent', 'skipped', 'absent']);
    expect(hub.requests.slice(before).filter((r) => r.startsWith('GET'))).toEqual([]);
  });

  it('downloads again a file whose size differs from the hub', async () => {
    await truncate(join(modelDir(), 'tokenizer.json'), 100);
    const { events } = await fetchCollecting({ id: SMALL_ID, dtype: 'fp32', base: hub.url, outRoot });
    const downloaded = events.flatMap((e) =>
      e.type === 'file' && e.outcome.status === 'downloaded' ? [e.outcome.file] : [],
    );
    expect(downloaded).toEqual(['tokenizer.json']);
    const [copy, source] = await Promise.all(
      [modelDir(), SMALL_DIR].map((dir) => readFile(join(dir, 'tokenizer.json'))),
    );
    expect(copy?.equals(source ?? Buffer.alloc(0))).toBe(true);
  });

  it('names the missing file when the model has no weights for the dtype, leaving no partial files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fetch-model-'));
    try {
      await expect(
        fetchModel({ id: Q8_ONLY_ID, dtype: 'fp16', base: hub.url, outRoot: root }),
      ).rejects.toThrow(
        /^onnx\/model_fp16\.onnx: not found \(HTTP 404\) at http:\/\/127\.0\.0\.1:\d+\/test-org\/q8-only\/resolve\/main\/onnx\/model_fp16\.onnx$/,
      );
      expect(await listFiles(join(root, Q8_ONLY_ID))).toEqual([
        'config.json',
        'tokenizer.json',
        'tokenizer_config.json',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('names the first file when the model is not on the hub', async () => {
    await expect(
      fetchModel({ id: 'test-org/absent', dtype: 'fp32', base: hub.url, outRoot: tmpdir() }),
    ).rejects.toThrow(/^config\.json: not found or not accessible \(HTTP 401/);
  });

  it('rejects ids that are not hub model ids', async () => {
    await expect(fetchModel({ id: '../escape', base: hub.url, outRoot: tmpdir() })).rejects.toThrow(
      /not a hub model id/,
    );
  });

  it('retries a file that fails once and then completes it', async () => {
    const flaky = await startMockHub({ models: { [TINY_ID]: TINY_DIR }, failOnce: ['onnx/model.onnx'] });
    const root = await mkdtemp(join(tmpdir(), 'fetch-model-'));
    try {
      const { events } = await fetchCollecting({
        id: TINY_ID,
        dtype: 'fp32',
        base: flaky.url,
        outRoot: root,
      });
      const retries = events.filter((event) => event.type === 'retry');
      expect(retries).toEqual([
        expect.objectContaining({
          file: 'onnx/model.onnx',
          attempt: 1,
          attempts: 4,
          reason: expect.stringMatching(/HTTP 500/),
        }),
      ]);
      const onnxGets = flaky.requests.filter((r) => r === `GET /${TINY_ID}/resolve/main/onnx/model.onnx`);
      expect(onnxGets).toHaveLength(2);
      const [copy, source] = await Promise.all(
        [join(root, TINY_ID), TINY_DIR].map((dir) => readFile(join(dir, 'onnx', 'model.onnx'))),
      );
      expect(copy?.equals(source ?? Buffer.alloc(0))).toBe(true);
    } finally {
      await flaky.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('retries a download cut off mid-body', async () => {
    const onnx = Buffer.concat([Buffer.of(0x08, 0x07), Buffer.alloc(200_000, 1)]);
    const files: Record<string, Buffer> = {
      'config.json': Buffer.from('{"model_type":"bert","hidden_size":4}'),
      'tokenizer.json': Buffer.from('{}'),
      'tokenizer_config.json': Buffer.from('{}'),
      'onnx/model.onnx': onnx,
    };
    let cut = false;
    const server = createServer((req, res) => {
      const body = files[(req.url ?? '').replace(`/${TINY_ID}/resolve/main/`, '')];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Length': body.length });
      if (req.method === 'HEAD') return void res.end();
      if (req.url?.endsWith('.onnx') && !cut) {
        cut = true;
        res.write(body.subarray(0, 1000), () => res.destroy());
        return;
      }
      res.end(body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const root = await mkdtemp(join(tmpdir(), 'fetch-model-'));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { events } = await fetchCollecting({ id: TINY_ID, dtype: 'fp32', base, outRoot: root });
      expect(events.filter((event) => event.type === 'retry')).toEqual([
        expect.objectContaining({ file: 'onnx/model.onnx', reason: expect.stringMatching(/^cannot reach/) }),
      ]);
      expect((await readFile(join(root, TINY_ID, 'onnx', 'model.onnx'))).equals(onnx)).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await rm(root, { recursive: true, force: true });
    }
  });

  it('gives up on an unreachable hub after 3 retries with a clear message', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const events: FetchEvent[] = [];
    await expect(
      fetchModel({
        id: TINY_ID,
        base: `http://127.0.0.1:${port}`,
        outRoot: tmpdir(),
        retryDelayMs: 1,
        onEvent: (event) => events.push(event),
      }),
    ).rejects.toThrow(
      `config.json: failed after 4 attempts: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(3);
  });

  it.skipIf(!existsSync('/dev/full'))(
    'reports a full disk without retrying and removes the temporary file',
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'fetch-model-'));
      try {
        const dir = join(root, TINY_ID);
        await mkdir(dir, { recursive: true });
        await symlink('/dev/full', join(dir, 'tokenizer.json.part'));
        const events: FetchEvent[] = [];
        await expect(
          fetchModel({ id: TINY_ID, base: hub.url, outRoot: root, onEvent: (event) => events.push(event) }),
        ).rejects.toThrow(`tokenizer.json: disk full while writing ${join(dir, 'tokenizer.json')}`);
        expect(events.filter((event) => event.type === 'retry')).toEqual([]);
        expect(await listFiles(dir)).toEqual(['config.json']);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  );

  it('validates the downloaded folder', async () => {
    const source = await mkdtemp(join(tmpdir(), 'bad-model-'));
    const root = await mkdtemp(join(tmpdir(), 'fetch-model-'));
    const bad = await startMockHub({ models: { [TINY_ID]: source } });
    try {
      await mkdir(join(source, 'onnx'));
      for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
        await writeFile(join(source, file), await readFile(join(TINY_DIR, file)));
      }
      await writeFile(join(source, 'config.json'), '{"model_type":"bert"}');
      await writeFile(
        join(source, 'onnx', 'model.onnx'),
        await readFile(join(TINY_DIR, 'onnx', 'model.onnx')),
      );
      const options = { id: TINY_ID, dtype: 'fp32', base: bad.url, outRoot: root } as const;
      await expect(fetchModel(options)).rejects.toThrow('config.json lacks hidden_size');

      await writeFile(join(source, 'config.json'), await readFile(join(TINY_DIR, 'config.json')));
      await writeFile(join(source, 'onnx', 'model.onnx'), '<!DOCTYPE html><title>Error</title>');
      await expect(fetchModel(options)).rejects.toThrow(
        'onnx/model.onnx is empty or not an ONNX (protobuf) file',
      );
    } finally {
      await bad.close();
      await rm(source, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    }
  });

  it('produces a folder transformers.js loads offline, giving 512-d unit vectors', async () => {
    const settings = { localModelPath: `${outRoot}/`, allowLocalModels: true, allowRemoteModels: false };
    await withEnv(settings, async () => {
      const extractor = await pipeline('feature-extraction', SMALL_ID, { dtype: 'fp32' });
      const output = await extractor('阿里已经开源了多少款模型', { pooling: 'cls', normalize: true });
      await extractor.dispose();
      expect(output.dims).toEqual([1, 512]);
      expect(Math.hypot(...(output.data as Float32Array))).toBeCloseTo(1, 5);
    });
  });
});

describe('parseFetchArgs', () => {
  it('reads the id, dtype, base and output folder', () => {
    expect(
      parseFetchArgs(['Xenova/bge-small-zh-v1.5', '--dtype', 'fp16', '--base', 'http://x', '--out', 'o']),
    ).toEqual({
      id: 'Xenova/bge-small-zh-v1.5',
      dtype: 'fp16',
      base: 'http://x',
      outRoot: 'o',
    });
  });

  it('rejects a missing id, an unknown dtype and unknown options with the usage line', () => {
    expect(() => parseFetchArgs([])).toThrow(/usage: npm run fetch-model/);
    expect(() => parseFetchArgs(['a/b', '--dtype', 'int4'])).toThrow(/unknown --dtype "int4"/);
    expect(() => parseFetchArgs(['a/b', '--bogus'])).toThrow(/usage:/);
  });
});

describe('looksLikeProtobuf', () => {
  it('accepts an ONNX header and rejects empty files, HTML, JSON and Git LFS pointers', () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(looksLikeProtobuf(Uint8Array.of(0x08, 0x07, 0x12, 0x07))).toBe(true);
    expect(looksLikeProtobuf(new Uint8Array())).toBe(false);
    expect(looksLikeProtobuf(text('<html>'))).toBe(false);
    expect(looksLikeProtobuf(text('{"error":"x"}'))).toBe(false);
    expect(looksLikeProtobuf(text('version https://git-lfs.github.com/spec/v1'))).toBe(false);
  });
});
