import type { Span } from '../shared/protocol';

/** Renders text with the given ranges marked; plain text nodes only, never HTML. */
export function Highlighted({ text, spans }: { text: string; spans: Span[] }) {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push({ text: text.slice(at, span.start), hit: false });
    parts.push({ text: text.slice(span.start, span.end), hit: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
