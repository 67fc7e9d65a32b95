/**
 * The evaluation query file: one JSON object per line,
 * `{"id","query","kind","relevant":[{"source","text"}]}` (see the project's shared README).
 */

/** What a query tests. */
export type QueryKind = 'lexical' | 'cross-script' | 'english' | 'cross-lingual' | 'paraphrase' | 'negative';

/** A span that a relevant passage of `source` contains. */
export interface RelevantSpan {
  /** Corpus file name, e.g. `002_eef8f8e27b2a39d9.txt`. */
  source: string;
  /** Short span of the cleaned article text. */
  text: string;
}

/** One evaluation query. */
export interface EvalQuery {
  /** Query id, e.g. `d03`. */
  id: string;
  /** The query text. */
  query: string;
  /** What it tests. */
  kind: QueryKind;
  /** Spans relevant passages contain; empty for `negative` queries. */
  relevant: RelevantSpan[];
}

const KINDS: readonly QueryKind[] = [
  'lexical',
  'cross-script',
  'english',
  'cross-lingual',
  'paraphrase',
  'negative',
];

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function parseLine(line: string, lineNumber: number): EvalQuery {
  const fail = (why: string): never => {
    throw new Error(`metrics: line ${lineNumber}: ${why}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return fail('not JSON');
  }
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const { id, query, kind, relevant } = value as Record<string, unknown>;
  if (!isString(id) || !isString(query)) return fail('id and query must be strings');
  if (!KINDS.includes(kind as QueryKind)) return fail(`unknown kind ${JSON.stringify(kind)}`);
  if (!Array.isArray(relevant)) return fail('relevant must be an array');
  const spans = relevant.map((span: unknown) => {
    const { source, text } = (span ?? {}) as Record<string, unknown>;
    if (!isString(source) || !isString(text) || text === '')
      return fail('relevant entries need source and text');
    return { source, text };
  });
  if ((kind === 'negative') !== (spans.length === 0))
    return fail('negative queries, and only they, have no relevant span');
  return { id, query, kind: kind as QueryKind, relevant: spans };
}

/**
 * Parses the query JSONL; blank lines are skipped. Throws `metrics: line N: ...` on a malformed line.
 *
 * @example
 * const queries = parseQueries(await readFile('tests/fixtures/eval/dev-queries.jsonl', 'utf8'));
 */
export function parseQueries(jsonl: string): EvalQuery[] {
  return jsonl
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), lineNumber: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, lineNumber }) => parseLine(line, lineNumber));
}
