/**
 * Plain text from an HTML file, with htmlparser2 (no DOM needed, so it runs in Node and in workers).
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is not text for a reader. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object']);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'title',
  'tr',
  'ul',
]);

/**
 * Extracts the readable text of an HTML document: `<script>`, `<style>` and `<head>` content are dropped
 * (but `<title>` is kept as the first paragraph), block elements and `<br>` become line breaks, entities
 * are decoded and runs of spaces collapse as a browser would (except inside `<pre>`).
 *
 * @example
 * htmlToText('<h1>開源</h1><p>A &amp; B<script>x()</script></p>'); // '開源\nA & B'
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const depth = { skipped: 0, head: 0, title: 0, pre: 0 };
  const track = (name: string, delta: 1 | -1): void => {
    if (SKIPPED.has(name)) depth.skipped = Math.max(0, depth.skipped + delta);
    if (name === 'head' || name === 'title' || name === 'pre') depth[name] = Math.max(0, depth[name] + delta);
  };
  const parser = new Parser(
    {
      onopentag(name) {
        track(name, 1);
        if (BLOCKS.has(name) || name === 'br') out.push('\n');
      },
      ontext(data) {
        if (depth.skipped > 0 || (depth.head > 0 && depth.title === 0)) return;
        out.push(depth.pre > 0 ? data : data.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        track(name, -1);
        if (BLOCKS.has(name)) out.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}
