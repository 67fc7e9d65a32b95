/**
 * Where the page reads and keeps the reader's language: `?lang=`, localStorage, `navigator.languages`.
 */
import { chooseLanguage, type Language } from '../core/i18n/language';
import { readUrlState } from '../app/url-state';

const STORAGE_KEY = 'oss.language';

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the choice just isn't remembered
  }
}

/** The language to start in, from the address, the remembered choice and the browser. */
export function initialLanguage(): Language {
  return chooseLanguage({
    url: readUrlState(window.location.search).language,
    stored: remembered(),
    browser: navigator.languages,
  });
}

/** Remembers the switcher's choice, and puts it in the address when the address names a language. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  const params = new URLSearchParams(window.location.search);
  if (params.has('lang')) {
    params.set('lang', language);
    window.history.replaceState(null, '', `?${params.toString()}`);
  }
}
