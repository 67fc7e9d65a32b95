/**
 * Test fixtures for the browser tests: every request that leaves 127.0.0.1, from a page, a worker or a
 * service worker (`PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS`, set in playwright.config.ts), is blocked
 * and counted, and a test fails if any was attempted.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

/** Hosts the app may reach in tests. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** URLs of requests that tried to leave the machine. */
export type BlockedRequests = string[];

const staysLocal = (href: string): boolean => {
  const url = new URL(href);
  return url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname);
};

/**
 * Blocks every request of a context that leaves the machine and records it; requests that reach the
 * context's events without passing its route (none should) are recorded too.
 *
 * @example
 * const blocked = await guardNetwork(context); … expect(blocked).toEqual([]);
 */
export async function guardNetwork(context: BrowserContext): Promise<BlockedRequests> {
  const blocked: BlockedRequests = [];
  const record = (href: string): void => {
    if (!blocked.includes(href)) blocked.push(href);
  };
  context.on('request', (request) => {
    if (!staysLocal(request.url())) record(request.url());
  });
  await context.route(
    () => true,
    (route) => {
      const href = route.request().url();
      if (staysLocal(href)) return route.continue();
      record(href);
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
