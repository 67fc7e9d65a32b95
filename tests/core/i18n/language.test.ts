import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageForTag } from '../../../src/core/i18n/language';

describe('languageForTag', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['en-US', 'en'],
    ['en', 'en'],
  ])('%s → %s', (tag, language) => {
    expect(languageForTag(tag)).toBe(language);
  });

  it('has no interface for other languages or malformed tags', () => {
    expect(languageForTag('fr-FR')).toBeUndefined();
    expect(languageForTag('ja')).toBeUndefined();
    expect(languageForTag('not a tag')).toBeUndefined();
  });
});

describe('chooseLanguage', () => {
  it('follows the first browser language it has an interface for', () => {
    expect(chooseLanguage({ browser: ['zh-TW', 'en-US'] })).toBe('zh-Hant');
    expect(chooseLanguage({ browser: ['fr-FR', 'zh-CN'] })).toBe('zh-Hans');
    expect(chooseLanguage({ browser: ['en-GB', 'zh-CN'] })).toBe('en');
  });

  it('falls back to English', () => {
    expect(chooseLanguage({ browser: [] })).toBe('en');
    expect(chooseLanguage({ browser: ['de-DE', 'ja-JP'] })).toBe('en');
  });

  it('lets a remembered choice override the browser, and ?lang= override both', () => {
    expect(chooseLanguage({ stored: 'en', browser: ['zh-CN'] })).toBe('en');
    expect(chooseLanguage({ url: 'zh-Hant', stored: 'en', browser: ['zh-CN'] })).toBe('zh-Hant');
  });

  it('ignores values that are not interface languages', () => {
    expect(chooseLanguage({ url: 'zh-TW', stored: 'klingon', browser: ['zh-CN'] })).toBe('zh-Hans');
  });
});
