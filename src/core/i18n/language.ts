/**
 * Which interface language a reader gets: 简体中文, 繁體中文 or English.
 */

/** The interface languages, as BCP 47 tags (also the catalog file names and `?lang=` values). */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;

/** One interface language. */
export type Language = (typeof LANGUAGES)[number];

/** Regions whose readers expect traditional characters when the tag names no script. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * Whether a string is one of {@link LANGUAGES} exactly.
 *
 * @example
 * isLanguage('zh-Hant'); // true
 * isLanguage('zh-TW'); // false
 */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language for one browser language tag, or undefined when we have none for it. Chinese
 * goes by script (`zh-Hant-…`) or else by region (TW, HK, MO → traditional; CN, SG and the rest →
 * simplified); any English tag gives English.
 *
 * @example
 * languageForTag('zh-TW'); // 'zh-Hant'
 * languageForTag('zh-SG'); // 'zh-Hans'
 * languageForTag('fr-FR'); // undefined
 */
export function languageForTag(tag: string): Language | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return undefined;
  }
  if (locale.language === 'en') return 'en';
  if (locale.language !== 'zh') return undefined;
  if (locale.script) return locale.script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  return locale.region && TRADITIONAL_REGIONS.has(locale.region) ? 'zh-Hant' : 'zh-Hans';
}

/** What the language choice looks at, most binding first. */
export interface LanguageInputs {
  /** `?lang=` from the address, if any. */
  url?: string | null;
  /** The reader's earlier choice in the switcher, if remembered. */
  stored?: string | null;
  /** `navigator.languages`, in the browser's order of preference. */
  browser: readonly string[];
}

/**
 * Chooses the interface language: a valid `?lang=`, else the remembered choice, else the first browser
 * language we have an interface for, else English.
 *
 * @example
 * chooseLanguage({ browser: ['zh-HK', 'en'] }); // 'zh-Hant'
 * chooseLanguage({ url: 'en', browser: ['zh-CN'] }); // 'en'
 * chooseLanguage({ browser: ['de-DE'] }); // 'en'
 */
export function chooseLanguage({ url, stored, browser }: LanguageInputs): Language {
  if (isLanguage(url)) return url;
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const language = languageForTag(tag);
    if (language) return language;
  }
  return 'en';
}
