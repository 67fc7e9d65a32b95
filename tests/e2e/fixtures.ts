/**
 * Test fixtures for the browser tests: every request that leaves 127.0.0.1 is blocked and counted, and a
 * test fails if any was attempted.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

/** Hosts the app may reach in tests. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** URLs of requests that tried to leave the machine. */
export type BlockedRequests = string[];

/**
 * Blocks every request of a context that leaves the machine and records it.
 *
 * @example
 * const blocked = await guardNetwork(context); … expect(blocked).toEqual([]);
 */
export async function guardNetwork(context: BrowserContext): Promise<BlockedRequests> {
  const blocked: BlockedRequests = [];
  await context.route(
    () => true,
    (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname))
        return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    },
  );
  return blocked;
}

/** `test` whose default context blocks and counts off-machine requests; any one fails the test. */
export const test = base.extend<{ network: BlockedRequests }>({
  network: [
    async ({ context }, use) => {
      const blocked = await guardNetwork(context);
      await use(blocked);
      expect(blocked, 'requests that tried to leave 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
