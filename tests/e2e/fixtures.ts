/**
 * Test fixtures for the browser tests: every request that leaves 127.0.0.1 is blocked and counted, and a
 * test fails if any was attempted.
 */
import { test as base, expect } from '@playwright/test';

/** Hosts the app may reach in tests. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface NetworkGuard {
  /** URLs of requests that tried to leave the machine. */
  blocked: string[];
}

/** `test` with a network guard that blocks and counts off-machine requests. */
export const test = base.extend<{ network: NetworkGuard }>({
  network: [
    async ({ context }, use) => {
      const guard: NetworkGuard = { blocked: [] };
      await context.route(
        () => true,
        (route) => {
          const url = new URL(route.request().url());
          if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname))
            return route.continue();
          guard.blocked.push(url.href);
          return route.abort('blockedbyclient');
        },
      );
      await use(guard);
      expect(guard.blocked, 'requests that tried to leave 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
