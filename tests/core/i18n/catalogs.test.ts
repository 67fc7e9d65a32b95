import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/locales/en.json';
import zhHans from '../../../src/i18n/locales/zh-Hans.json';
import zhHant from '../../../src/i18n/locales/zh-Hant.json';

type Catalog = { [key: string]: string | Catalog };

/** Every message key, with plural suffixes folded (English has `_one`, Chinese only `_other`). */
function keys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(one|other)$/, '')}`]
      : keys(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((match) => match[1]).sort();

function messages(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') out.set(`${prefix}${key.replace(/_(one|other)$/, '')}`, value);
    else for (const [k, v] of messages(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

describe('message catalogs', () => {
  const english = new Set(keys(en));

  it.each([
    ['zh-Hans', zhHans],
    ['zh-Hant', zhHant],
  ])('%s has every English message and no other', (_name, catalog) => {
    expect(new Set(keys(catalog))).toEqual(english);
  });

  it.each([
    ['zh-Hans', zhHans],
    ['zh-Hant', zhHant],
  ])('%s fills the same placeholders as English', (_name, catalog) => {
    const translated = messages(catalog);
    for (const [key, text] of messages(en)) {
      expect([key, placeholders(translated.get(key) ?? '')]).toEqual([key, placeholders(text)]);
    }
  });

  it('has no simplified-only characters in the traditional catalog', () => {
    const text = JSON.stringify(zhHant);
    for (const simplified of ['这', '为', '载', '处', '档', '关', '键', '设', '们', '还']) {
      expect(text).not.toContain(simplified);
    }
  });
});
