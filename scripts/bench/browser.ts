/**
 * Launches Debian's Chromium (as the browser tests do) with a closed network: every request that leaves
 * 127.0.0.1 is aborted and counted.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/e2e/chromium';

/** Hosts pages may reach. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * tsx compiles with esbuild's `keepNames`, which wraps named inner functions in a `__name` helper; functions
 * handed to `page.evaluate` carry those calls into the page. This defines the helper there.
 */
const NAME_HELPER = 'globalThis.__name ??= (target) => target;';

/** A browser and the requests its contexts tried to send off the machine. */
export interface BenchBrowser {
  /** The browser. */
  browser: Browser;
  /** URLs aborted so far, over all contexts. */
  blocked: string[];
  /** A fresh context (empty storage) with the network guard and the name helper installed. */
  newContext(): Promise<BrowserContext>;
}

/**
 * Launches Chromium headless.
 *
 * @example
 * const { browser, newContext } = await launchBrowser(); const context = await newContext();
 */
export async function launchBrowser(): Promise<BenchBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const blocked: string[] = [];
  const newContext = async (): Promise<BrowserContext> => {
    const context = await browser.newContext();
    await context.addInitScript({ content: NAME_HELPER });
    await context.route(
      () => true,
      (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) {
          return route.continue();
        }
        blocked.push(url.href);
        return route.abort('blockedbyclient');
      },
    );
    return context;
  };
  return { browser, blocked, newContext };
}
