/**
 * Adds the app's security headers to a response, the way the coi-serviceworker pattern makes a page
 * cross-origin isolated on hosts that cannot set headers.
 */
import { SECURITY_HEADERS } from './security-headers';

/**
 * Returns a copy of a response with COOP, COEP, CORP and the Content-Security-Policy set; the body
 * streams through untouched. Opaque and opaque-redirect responses (status 0) cannot be rebuilt and
 * are returned as they are.
 *
 * @example
 * event.respondWith(fetch(event.request).then(withSecurityHeaders));
 */
export function withSecurityHeaders(response: Response): Response {
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
