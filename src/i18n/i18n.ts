/**
 * The interface's i18next instance: the three catalogs, plurals by `Intl.PluralRules`, and the `bytes`,
 * `megabytes`, `ms` and `duration` formatters. `<html lang>` and the page title follow the language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../core/i18n/language';
import {
  formatBytes,
  formatDuration,
  formatMegabyteAmount,
  formatMegabytes,
  formatMs,
  type ByteUnit,
} from './format';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

/** Every catalog, by language (tests/core/i18n/catalogs.test.ts checks they hold the same messages). */
const CATALOGS: Record<Language, object> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

declare module 'i18next' {
  /** Message keys are checked against the English catalog at compile time. */
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

/** The one i18next instance the page uses (React reaches it through `useTranslation`). */
export const i18n = i18next.createInstance();

function followLanguage(language: string): void {
  if (typeof document === 'undefined') return; // Node (tests): no page to follow
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
}

/**
 * Starts i18next in `language`, synchronously (the catalogs are bundled), so the first render is
 * already translated.
 */
export function startI18n(language: Language): void {
  i18n.on('languageChanged', followLanguage);
  void i18n.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: CATALOGS[lng] }])),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  i18n.services.formatter?.add('bytes', (value: number, lng, options: { smallest?: ByteUnit }) =>
    formatBytes(value, lng ?? language, options.smallest),
  );
  i18n.services.formatter?.add('megabytes', (value: number, lng) => formatMegabytes(value, lng ?? language));
  i18n.services.formatter?.add('megabyteAmount', (value: number, lng) =>
    formatMegabyteAmount(value, lng ?? language),
  );
  i18n.services.formatter?.add('ms', (value: number, lng, options: { digits?: number }) =>
    formatMs(value, lng ?? language, options.digits),
  );
  i18n.services.formatter?.add('duration', (value: number, lng) => formatDuration(value, lng ?? language));
}
