/**
 * Finds a Chromium for the browser tests: Debian's `/usr/bin/chromium`, else Playwright's own if installed,
 * else stops with a message saying how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a closed network: no background traffic, no first-run UI; root needs --no-sandbox. No host
 * name resolves except 127.0.0.1, so even a request no route sees (a service worker's) cannot leave.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Path of the Chromium binary to use; throws with install instructions when there is none. */
export function chromiumPath(): string {
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    "No Chromium found for the browser tests. Install Debian's: `sudo apt-get install -y chromium fonts-noto-cjk` " +
      '(or, where downloads are allowed, `npx playwright install chromium`).',
  );
}
