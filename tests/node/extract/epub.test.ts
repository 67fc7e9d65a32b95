import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractEpub } from '../../../src/extract/epub';
import { buildEpub } from '../../fixtures/documents/builders';
import { EPUB_CHAPTERS, EPUB_TITLE } from '../../fixtures/documents/content';
import { refusalOf } from './helpers';

describe('extractEpub', () => {
  it('reads the chapters in spine order, one section each, with the package title', () => {
    const doc = extractEpub(buildEpub(), '西域.epub');
    expect(doc.title).toBe(EPUB_TITLE);
    expect(doc.sections.map((s) => s.text)).toEqual(EPUB_CHAPTERS.map((c) => `${c.title}\n${c.text}`));
  });

  it('refuses an e-book whose chapters are encrypted (DRM)', async () => {
    const encryption = strToU8(
      '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
        `<enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/text/${EPUB_CHAPTERS[0]?.file}"/></enc:CipherData></enc:EncryptedData></encryption>`,
    );
    const error = await refusalOf(() =>
      extractEpub(buildEpub(EPUB_CHAPTERS, { 'META-INF/encryption.xml': encryption }), 'drm.epub'),
    );
    expect(error.reason).toBe('encrypted');
  });

  it('refuses a truncated e-book as damaged', async () => {
    const bytes = buildEpub();
    const error = await refusalOf(() => extractEpub(bytes.slice(0, bytes.length - 200), 'cut.epub'));
    expect(error.reason).toBe('corrupt');
  });

  it('refuses a zip without an EPUB container', async () => {
    const error = await refusalOf(() =>
      extractEpub(buildEpub([], { 'META-INF/container.xml': strToU8('<container/>') }), 'odd.epub'),
    );
    expect(error.message).toBe('odd.epub: the e-book names no package file');
  });
});
