import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, type Language } from '../core/i18n/language';
import { rememberLanguage } from '../i18n/language-store';

/** Each language named in itself, so a reader finds theirs whatever the page is in. */
const NATIVE_NAMES: Record<Language, string> = {
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  en: 'English',
};

/** The interface language picker; the choice is remembered for the next visit. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        value={i18n.language}
        data-testid="language"
        onChange={(event) => {
          const language = event.target.value;
          if (!isLanguage(language)) return;
          rememberLanguage(language);
          void i18n.changeLanguage(language);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NATIVE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
