/**
 * EPUB → chapters: the spine's XHTML files in reading order, each reduced by the app's HTML reducer.
 */
import { Parser } from 'htmlparser2';
import type { SectionedDocument } from '../core/ingest';
import { IngestError } from '../core/text/decode';
import { htmlToText } from '../core/text/html';
import { unzipCapped } from './zip';

type Attributes = Record<string, string>;

/** Every element of an XML text as `[localName, attributes, text]`, with namespace prefixes dropped. */
function xmlElements(xml: string): [string, Attributes, string][] {
  const elements: [string, Attributes, string][] = [];
  const open: [string, Attributes, string][] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: [string, Attributes, string] = [name.replace(/^.*:/, ''), attributes, ''];
        elements.push(element);
        open.push(element);
      },
      ontext(text) {
        const top = open[open.length - 1];
        if (top) top[2] += text;
      },
      onclosetag() {
        open.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return elements;
}

function resolvePath(base: string, href: string): string {
  const parts = base.split('/').slice(0, -1);
  for (const part of decodeURIComponent(href.split('#')[0] ?? '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

const utf8 = new TextDecoder();

function readText(files: Map<string, Uint8Array>, path: string, source: string): string {
  const bytes = files.get(path);
  if (!bytes) throw new IngestError('corrupt', source, `the e-book has no ${path}`);
  return utf8.decode(bytes);
}

/** Spine order: the manifest paths of the itemrefs, resolved against the package file. */
function spinePaths(opfPath: string, opf: [string, Attributes, string][]): string[] {
  const manifest = new Map(
    opf
      .filter(([name]) => name === 'item')
      .map(([, attrs]) => [attrs.id, resolvePath(opfPath, attrs.href ?? '')]),
  );
  return opf
    .filter(([name, attrs]) => name === 'itemref' && attrs.linear !== 'no')
    .flatMap(([, attrs]) => manifest.get(attrs.idref ?? '') ?? []);
}

function refuseEncrypted(files: Map<string, Uint8Array>, chapters: string[], source: string): void {
  const encryption = files.get('META-INF/encryption.xml');
  if (!encryption) return;
  const encrypted = xmlElements(utf8.decode(encryption))
    .filter(([name]) => name === 'CipherReference')
    .map(([, attrs]) => attrs.URI ?? '');
  if (chapters.some((chapter) => encrypted.includes(chapter))) throw new IngestError('encrypted', source);
}

/**
 * Reads an EPUB: `META-INF/container.xml` names the package file, whose spine lists the chapters in
 * reading order; each chapter's XHTML goes through `htmlToText` and becomes one section, so no passage
 * crosses a chapter. The title is the package's `dc:title`.
 *
 * @throws {IngestError} `corrupt` (not an EPUB, damaged, truncated), `too-large` (zip bomb), `encrypted`
 * (DRM), `empty` (no chapter has text).
 * @example
 * const doc = extractEpub(bytes, '三体.epub'); // { encoding: 'epub', sections: [{ text: '第一章…' }, …] }
 */
export function extractEpub(bytes: Uint8Array, source: string): SectionedDocument {
  const files = unzipCapped(bytes, source, {
    keep: (name) => !/\.(png|jpe?g|gif|svg|webp|ttf|otf|woff2?)$/i.test(name),
  });
  const container = xmlElements(readText(files, 'META-INF/container.xml', source));
  const opfPath = container.find(([name]) => name === 'rootfile')?.[1]['full-path'];
  if (!opfPath) throw new IngestError('corrupt', source, 'the e-book names no package file');
  const opf = xmlElements(readText(files, opfPath, source));
  const chapters = spinePaths(opfPath, opf);
  refuseEncrypted(files, chapters, source);
  const html = chapters.map((path) => readText(files, path, source));
  const title = opf.find(([name]) => name === 'title')?.[2].trim();
  // A chapter's <head> repeats the book title; only its body is text.
  const sections = html
    .map((chapter) => ({ text: htmlToText(chapter.replace(/<head[\s\S]*?<\/head>/i, '')) }))
    .filter((s) => s.text !== '');
  if (sections.length === 0) throw new IngestError('empty', source, 'the e-book has no text');
  const document: SectionedDocument = {
    source,
    encoding: 'epub',
    sections,
    raw: sections.map((section) => section.text).join('\n\n'),
  };
  if (title) document.title = title;
  return document;
}
