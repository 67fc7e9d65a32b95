/**
 * Faults the browser causes, each produced in real Chromium: a model download cut mid-file, the search
 * worker dying mid-indexing, the tab closed mid-write, the disk full while vectors are written, another tab
 * upgrading the database, and site data cleared while the page is open. RELIABILITY.md lists each case.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from '@playwright/test';
import { startMockHub, type MockHub } from '../../scripts/mock-hub';
import { decodeIndexFile } from '../../src/core/index-file';
import { DB_NAME, DB_VERSION } from '../../src/storage/schema';
import { expect, test } from './fixtures';

const MODELS_DIR = fileURLToPath(new URL('../../public/models', import.meta.url));
const QUERY = '阿里已经开源了多少款模型';
const ANSWER = '002_eef8f8e27b2a39d9.txt';
const TINY = `/?model=fixture-tiny&q=${encodeURIComponent(QUERY)}`;

let hub: MockHub | undefined;
test.afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

/** The search worker of a page (the one that owns the model and the database). */
async function searchWorker(page: Page): Promise<Worker> {
  const find = () => page.workers().find((worker) => worker.url().includes('search'));
  await expect.poll(() => find() !== undefined).toBe(true);
  return find()!;
}

/** Waits until the page's index is ready and answers the query in hybrid mode with the known article. */
async function answersInHybrid(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', { timeout: 100_000 });
  await page.getByTestId('query').fill('');
  await page.getByTestId('query').fill(QUERY);
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', ANSWER);
}

async function exportedIndex(page: Page) {
  await page.getByTestId('data-panel').locator('summary').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-index').click();
  return decodeIndexFile(new Uint8Array(await readFile((await (await downloading).path())!)));
}

/** Size of each cached response whose URL ends with `suffix` (transformers.js's Cache Storage). */
function cachedSizes(page: Page, suffix: string): Promise<number[]> {
  return page.evaluate(async (end) => {
    const sizes: number[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (request.url.endsWith(end))
          sizes.push((await (await cache.match(request))!.arrayBuffer()).byteLength);
      }
    }
    return sizes;
  }, suffix);
}

test('a model download cut mid-file leaves no broken cache entry, keyword search goes on, and Retry completes it', async ({
  page,
}) => {
  hub = await startMockHub({
    models: { 'fixture-tiny': join(MODELS_DIR, 'fixture-tiny') },
    cutOnce: ['onnx/model_quantized.onnx'],
  });
  const weights = (await stat(join(MODELS_DIR, 'fixture-tiny/onnx/model_quantized.onnx'))).size;
  await page.goto(`${TINY}&hub=${encodeURIComponent(`${hub.url}/`)}`);
  const error = page.getByTestId('error');
  await expect(error).toContainText(
    'Could not download fixture-tiny: the network is unreachable or the request was blocked.',
  );
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'keyword');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', ANSWER);
  for (const size of await cachedSizes(page, 'onnx/model_quantized.onnx')) expect(size).toBe(weights);

  await error.getByRole('button', { name: 'Retry' }).click();
  await answersInHybrid(page);
  expect(await cachedSizes(page, 'onnx/model_quantized.onnx')).toEqual([weights]);
  const gets = (file: string) =>
    hub?.requests.filter((line) => line === `GET /fixture-tiny/resolve/main/${file}`).length;
  expect(gets('onnx/model_quantized.onnx')).toBe(2);
  expect(gets('tokenizer.json')).toBe(1);
});

/**
 * Faults injected into a worker's writes to the vectors store. `crash`: the first write commits (its rows
 * are logged), every later one is held open, and an uncaught error then ends the worker, as a crash would.
 * `hold`: every write is held open (logged), so the tab can be closed in the middle of one.
 */
type VectorWriteFault = 'crash' | 'hold';

function faultVectorWrites(fault: VectorWriteFault): void {
  const put = IDBObjectStore.prototype.put;
  const holdOpen = (store: IDBObjectStore): void => {
    const keep = (): void => void (store.get('no such key').onsuccess = keep);
    keep();
  };
  let holding = fault === 'hold';
  let first: IDBTransaction | undefined;
  let rows = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
    const request = put.apply(this, args);
    if (this.name !== 'vectors') return request;
    // Held too: a write in another transaction than the first, even one begun before the first committed.
    if (holding || (first !== undefined && this.transaction !== first)) {
      holdOpen(this);
      console.log('fault: holding a vectors write open');
      return request;
    }
    if (first === undefined) {
      first = this.transaction;
      first.addEventListener('complete', () => {
        holding = true;
        console.log(`fault: committed ${rows} rows`);
        setTimeout(() => {
          throw new Error('killed by the test');
        });
      });
    }
    if (this.transaction === first) rows += (args[0] as { passageIds: string[] }).passageIds.length;
    return request;
  };
}

test.describe(() => {
  test.use({ serviceWorkers: 'block' }); // the worker's script must come through the route, not a cache
  test('the worker dying mid-indexing and the tab closing mid-write: indexing resumes and no half batch is ever read', async ({
    page,
    context,
  }) => {
    // The faults are part of the worker's script from its first line, so they cannot arrive too late.
    const faults: VectorWriteFault[] = ['crash', 'hold'];
    await page.route('**/search.worker-*.js', async (route) => {
      const fault = faults.shift();
      if (!fault) return route.continue();
      const response = await route.fetch(); // its isolation headers are kept: the page requires them
      const body = `(${faultVectorWrites.toString()})(${JSON.stringify(fault)});\n${await response.text()}`;
      await route.fulfill({ response, body });
    });
    const log: string[] = [];
    page.on('worker', (worker) => worker.on('console', (message) => log.push(message.text())));
    await page.goto(TINY);
    const crash = page.getByTestId('error');
    await expect(crash).toContainText('The search engine stopped unexpectedly');
    await expect(crash).toContainText('killed by the test');
    const committed = Number(/fault: committed (\d+) rows/.exec(log.join('\n'))?.[1]);
    expect(committed).toBeGreaterThan(0);

    // Retry starts a new worker; its first vector write is held open and the tab closes in the middle of it.
    await crash.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => log.includes('fault: holding a vectors write open')).toBe(true);
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(TINY);
    await answersInHybrid(reopened);
    const status = reopened.getByTestId('status');
    const total = Number(await status.getAttribute('data-passages'));
    await expect(status).toContainText(`(${total - committed} embedded now, ${committed} reused)`);

    const index = await exportedIndex(reopened);
    const dims = index.model.dims;
    expect(index.vectors.length).toBe(index.vectorIds.length * dims);
    expect(index.vectorIds.toSorted()).toEqual(index.passages.map((passage) => passage.id).toSorted());
    for (let row = 0; row < index.vectorIds.length; row++) {
      const vector = index.vectors.subarray(row * dims, (row + 1) * dims);
      // Stored as int8 codes and a scale per row: unit length within the quantisation error.
      expect(Math.hypot(...vector), index.vectorIds[row]).toBeCloseTo(1, 2);
    }
  });
});

/** Adds a small text file through the documents panel and returns the panel's messages. */
async function addNote(page: Page, name: string, text: string) {
  const panel = page.getByTestId('documents');
  if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open)))
    await panel.locator('summary').first().click();
  await page
    .getByTestId('file-input')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  return page.getByTestId('document-messages');
}

test('a full disk while vectors are written: a clear message, and the index built before still answers', async ({
  page,
}) => {
  await page.goto(TINY);
  await answersInHybrid(page);
  // The worker's writes to the vectors store fail as on a full disk.
  await (
    await searchWorker(page)
  ).evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'vectors')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const messages = await addNote(
    page,
    'notes.txt',
    '蓝鲸湖畔研究所发布了新的海洋观测报告。研究人员在湖畔设立了十二个观测站。',
  );
  await expect(messages).toContainText(
    'vectors pending: the browser has no room left to save data for this site',
  );
  await answersInHybrid(page);
});

test('another tab upgrading the database: this tab keeps answering and, at its next write, says to reload', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto(TINY);
  await answersInHybrid(page);
  const other = await context.newPage();
  await other.goto(`${baseURL}/tokenizer/bert-base-chinese-vocab.txt`);
  const upgraded = await other.evaluate(
    ([name, version]) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onsuccess = () => {
          request.result.close();
          resolve(version);
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked: the app kept its connection open'));
      }),
    [DB_NAME, DB_VERSION + 1] as const,
  );
  expect(upgraded).toBe(DB_VERSION + 1);
  await answersInHybrid(page);
  await addNote(page, 'notes.txt', '紫藤书院迎来了新的访客。');
  await expect(page.locator('body')).toContainText(/another tab.*reload/i, { timeout: 20_000 });
});

test('site data cleared while the page is open: it goes on, keeps what is added next, and a reload rebuilds the rest', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto(TINY);
  await answersInHybrid(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', {
    origin: new URL(baseURL!).origin,
    storageTypes: 'indexeddb,cache_storage,service_workers',
  });
  await answersInHybrid(page);
  const messages = await addNote(page, 'notes.txt', '紫藤书院迎来了新的访客。');
  await expect(messages).toContainText('notes.txt: added', { timeout: 20_000 });

  let loads = 0;
  page.on('load', () => loads++);
  await page.reload();
  await answersInHybrid(page);
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-embedded', (await status.getAttribute('data-passages')) ?? '');
  await page.getByTestId('query').fill('紫藤书院');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', 'notes.txt');
  expect(loads).toBe(1);
});
