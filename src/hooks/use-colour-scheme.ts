import { useSyncExternalStore } from 'react';

const DARK = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * The page's colour scheme, `dark` or `light`, following a change of the system's setting while the page
 * is open (for canvases, which CSS cannot colour).
 *
 * @example
 * const scheme = useColourScheme(); // 'dark'
 */
export function useColourScheme(): 'dark' | 'light' {
  return useSyncExternalStore(subscribe, () => (window.matchMedia(DARK).matches ? 'dark' : 'light'));
}
