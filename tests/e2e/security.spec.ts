/**
 * Security checks in Chromium: the CSP blocks injected inline script, and the network guard of every test
 * (tests/e2e/fixtures.ts) sees service-worker requests and catches a request leaving 127.0.0.1.
 */
import { expect, guardNetwork, test } from './fixtures';

const URL = '/?model=fixture-tiny';

test('the CSP blocks an injected inline script and inline event handler', async ({ page }) => {
  await page.goto(URL);
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = "window.__pwned = 'script'";
    document.body.append(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', "window.__pwned = 'onerror'");
    image.src = 'data:,not-an-image';
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { seen, pwned: (window as { __pwned?: string }).__pwned };
  });
  expect(violations.pwned).toBeUndefined();
  expect(violations.seen).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
});

test('the service worker handles only what it must; the network guard sees its requests and catches one leaving', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL });
  const blocked = await guardNetwork(context);
  const fromServiceWorker: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) fromServiceWorker.push(new globalThis.URL(request.url()).pathname);
  });
  const page = await context.newPage();
  await page.goto(URL);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Its precache downloads are its own requests, and the guard sees them.
  expect(fromServiceWorker).toContain('/corpus/manifest.json');
  // A fetch outside the precache goes to the network without it; a page outside the precache passes through.
  await page.evaluate(() => fetch('/not-precached-probe.txt'));
  const probe = await context.newPage();
  await probe.goto('/not-precached-page.html').catch(() => undefined); // a 404 either way
  expect(fromServiceWorker).toContain('/not-precached-page.html');
  expect(fromServiceWorker).not.toContain('/not-precached-probe.txt');
  await probe.close();

  // The hub is allowed by the CSP, so only the guard stands between this request and the network.
  await page.evaluate(() => fetch('https://huggingface.co/probe').catch(() => 'refused'));
  expect(blocked).toEqual(['https://huggingface.co/probe']);
  await context.close();
});
