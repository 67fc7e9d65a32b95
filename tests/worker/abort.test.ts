/** Aborts reach the worker and stop the work; listeners go when a call settles; index files are transferred. */
import { describe, expect, it, vi } from 'vitest';
import type { SearchWorkerApi } from '../../src/shared/protocol';
import { WorkerBridge } from '../../src/worker-client/bridge';
import { serveEngine, type Endpoint } from '../../workers/serve';
import { makeEngine, START, tinyEmbedder } from './harness';

/** A bridge to `engine` over a real MessageChannel, as between the page and the worker. */
function connect(engine: Partial<SearchWorkerApi>) {
  const { port1, port2 } = new MessageChannel();
  serveEngine(port2 as unknown as Endpoint, engine as SearchWorkerApi);
  port2.start();
  const sent: unknown[] = [];
  const worker = {
    postMessage: (message: unknown, transfer?: Transferable[]) => {
      sent.push(message);
      port1.postMessage(message, transfer ?? []);
    },
    addEventListener: (type: string, listener: EventListener) => port1.addEventListener(type, listener),
    terminate: () => port1.close(),
  };
  port1.start();
  const bridge = new WorkerBridge(() => worker as unknown as Worker, {
    onEvent: () => undefined,
    onCrash: () => undefined,
  });
  return { bridge, sent, close: () => port1.close() };
}

describe('aborting a call', () => {
  it('a replaced query is neither embedded nor scanned', async () => {
    const embedded: string[] = [];
    const { engine } = makeEngine({
      loadModel: async ({ model }) => {
        const embedder = await tinyEmbedder();
        const spy = {
          ...embedder,
          embed: (texts: string[]) => (embedded.push(...texts), embedder.embed(texts)),
        };
        return { model, device: 'wasm', embedder: spy };
      },
    });
    await engine.start(START);
    embedded.length = 0;
    const replaced = new AbortController();
    const first = engine
      .search({ query: '第一个问题', mode: 'semantic', k: 3 }, replaced.signal)
      .catch((error: unknown) => error);
    replaced.abort();
    const second = await engine.search({ query: '第二个问题', mode: 'semantic', k: 3 });
    expect(await first).toMatchObject({ name: 'AbortError' });
    expect(second.mode).toBe('semantic');
    expect(embedded.some((text) => text.includes('第一个问题'))).toBe(false);
    expect(embedded.some((text) => text.includes('第二个问题'))).toBe(true);
  });

  it('tells the worker, whose work for that call is signalled to stop', async () => {
    const stopped: string[] = [];
    const { bridge, close } = connect({
      search: (request, signal?: AbortSignal) =>
        new Promise((_, reject) =>
          signal?.addEventListener('abort', () => {
            stopped.push(request.query);
            reject(new Error('stopped'));
          }),
        ),
    } as Partial<SearchWorkerApi>);
    const controller = new AbortController();
    const call = bridge.call('search', [{ query: '开源', mode: 'hybrid', k: 5 }], controller.signal);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitUntil(() => stopped.length > 0);
    expect(stopped).toEqual(['开源']);
    close();
  });

  it('removes its abort listener when the call settles', async () => {
    const { bridge, sent, close } = connect({ listDocuments: async () => [] });
    const controller = new AbortController();
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    await bridge.call('listDocuments', [], controller.signal);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    controller.abort();
    expect(sent.filter((message) => (message as { kind: string }).kind === 'abort')).toEqual([]);
    close();
  });
});

describe('index files cross threads by transfer, not copy', () => {
  it('an exported index buffer moves out of the worker', async () => {
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const { bridge, close } = connect({ exportIndex: async () => ({ fileName: 'x.ossindex', bytes }) });
    const exported = await bridge.call('exportIndex', []);
    expect(exported.bytes.byteLength).toBe(3);
    expect(bytes.byteLength).toBe(0);
    close();
  });

  it('an imported index buffer moves into the worker', async () => {
    const { bridge, close } = connect({
      importIndex: async (received) => ({ documents: received.byteLength, passages: 0, modelId: 'm' }),
    });
    const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
    const imported = await bridge.call('importIndex', [bytes], undefined, [bytes]);
    expect(imported.documents).toBe(4);
    expect(bytes.byteLength).toBe(0);
    close();
  });
});
