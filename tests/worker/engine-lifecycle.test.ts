/** The page's one owner of the worker lifecycle: start, retry, restart, cancel. */
import { describe, expect, it } from 'vitest';
import type { StartOptions } from '../../src/shared/protocol';
import { RemoteError, type WorkerBridge } from '../../src/worker-client/bridge';
import { EngineLifecycle } from '../../src/worker-client/engine-lifecycle';
import { StatusStore } from '../../src/worker-client/status-store';

/** A bridge that records starts and terminations and answers each start with `answer`. */
function fakeBridge(answer: () => Promise<void>) {
  const log: string[] = [];
  const bridge = {
    call: (_method: 'start', [options]: [StartOptions]) => {
      log.push(options.keywordOnly ? 'start keyword-only' : 'start');
      return answer();
    },
    terminate: () => log.push('terminate'),
  };
  return { log, bridge: bridge as unknown as WorkerBridge };
}

const OPTIONS = { modelId: 'fixture-tiny', hubHost: 'http://127.0.0.1:1/' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('EngineLifecycle', () => {
  it('cancel stops the worker and starts a keyword-only one; retry then loads the model again', () => {
    const { log, bridge } = fakeBridge(() => Promise.resolve());
    const lifecycle = new EngineLifecycle(bridge, new StatusStore());
    lifecycle.start(OPTIONS);
    lifecycle.cancel();
    lifecycle.retry();
    expect(log).toEqual(['start', 'terminate', 'start keyword-only', 'start']);
  });

  it('restart stops the worker, clears the status and starts again', async () => {
    const store = new StatusStore();
    const { log, bridge } = fakeBridge(() => Promise.reject(new Error('disk gone')));
    const lifecycle = new EngineLifecycle(bridge, store);
    lifecycle.start(OPTIONS);
    await settle();
    expect(store.getSnapshot().startError).toBe('disk gone');
    store.crashed('worker died');
    lifecycle.restart();
    expect(store.getSnapshot()).toMatchObject({ crash: '', startError: '' });
    expect(log).toEqual(['start', 'terminate', 'start']);
  });

  it('a start ended by a cancel is not reported as a failure', async () => {
    const store = new StatusStore();
    const aborted = Object.assign(new Error('The request was cancelled.'), { name: 'AbortError' });
    const { bridge } = fakeBridge(() => Promise.reject(aborted));
    new EngineLifecycle(bridge, store).start(OPTIONS);
    await settle();
    expect(store.getSnapshot().startError).toBe('');
  });

  it('keeps a failed start’s message code, so the page can say it in the reader’s language', async () => {
    const store = new StatusStore();
    const said = { code: 'corpus-unreadable', status: 404 } as const;
    const refused = new RemoteError({
      name: 'Error',
      message: 'The bundled corpus could not be read (HTTP 404).',
      said,
    });
    const { bridge } = fakeBridge(() => Promise.reject(refused));
    new EngineLifecycle(bridge, store).start(OPTIONS);
    await settle();
    expect(store.getSnapshot()).toMatchObject({ startError: refused.message, startSaid: said });
  });
});
