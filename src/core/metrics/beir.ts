/**
 * Retrieval sets in BEIR layout, parsed from their file contents: `corpus.jsonl` (`_id`, optional `title`,
 * `text`), `queries.jsonl` (`_id`, `text`) and `qrels/test.tsv` (header `query-id	corpus-id	score`).
 */

/** One corpus entry. */
export interface BeirDocument {
  /** Corpus id (`_id`). */
  id: string;
  /** Title, `''` when absent. */
  title: string;
  /** Body text. */
  text: string;
}

/** One query. */
export interface BeirQuery {
  /** Query id (`_id`). */
  id: string;
  /** Query text. */
  text: string;
}

/** Graded judgements of one query: corpus id → score (relevant when above 0). */
export type Judgements = ReadonlyMap<string, number>;

/** A whole set: the corpus, the judged queries and their judgements. */
export interface BeirSet {
  corpus: BeirDocument[];
  /** Queries with at least one relevant corpus entry, in file order (the others are not evaluated). */
  queries: BeirQuery[];
  /** Judgements per query id. */
  qrels: ReadonlyMap<string, Judgements>;
}

/** A malformed BEIR file; the message names the file and line. */
export class BeirFormatError extends Error {
  constructor(file: string, line: number, why: string) {
    super(`beir: ${file} line ${line}: ${why}`);
    this.name = 'BeirFormatError';
  }
}

function jsonLines(content: string, file: string): { value: Record<string, unknown>; line: number }[] {
  return content.split(/\r?\n/u).flatMap((text, i) => {
    if (text.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BeirFormatError(file, i + 1, 'not JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new BeirFormatError(file, i + 1, 'not a JSON object');
    return [{ value: value as Record<string, unknown>, line: i + 1 }];
  });
}

function requireString(value: unknown, key: string, file: string, line: number): string {
  if (typeof value !== 'string') throw new BeirFormatError(file, line, `"${key}" must be a string`);
  return value;
}

/**
 * Parses `corpus.jsonl`. Throws a {@link BeirFormatError} for a line that is not an object with string
 * `_id` and `text` (and, if present, `title`).
 *
 * @example
 * parseBeirCorpus('{"_id":"d1","title":"","text":"黑豹队的防守"}'); // [{ id: 'd1', title: '', text: '黑豹队的防守' }]
 */
export function parseBeirCorpus(content: string): BeirDocument[] {
  const file = 'corpus.jsonl';
  return jsonLines(content, file).map(({ value, line }) => ({
    id: requireString(value._id, '_id', file, line),
    title: value.title === undefined ? '' : requireString(value.title, 'title', file, line),
    text: requireString(value.text, 'text', file, line),
  }));
}

/**
 * Parses `queries.jsonl`; errors as {@link parseBeirCorpus}.
 *
 * @example
 * parseBeirQueries('{"_id":"q1","text":"防守丢了多少分？"}'); // [{ id: 'q1', text: '防守丢了多少分？' }]
 */
export function parseBeirQueries(content: string): BeirQuery[] {
  const file = 'queries.jsonl';
  return jsonLines(content, file).map(({ value, line }) => ({
    id: requireString(value._id, '_id', file, line),
    text: requireString(value.text, 'text', file, line),
  }));
}

/**
 * Parses `qrels/test.tsv` (a `query-id	corpus-id	score` header, then one judgement per line, score an
 * integer) into judgements per query.
 *
 * @example
 * parseQrels('query-id\tcorpus-id\tscore\nq1\td1\t1\n').get('q1'); // Map { 'd1' => 1 }
 */
export function parseQrels(content: string): Map<string, Map<string, number>> {
  const file = 'qrels/test.tsv';
  const lines = content.split(/\r?\n/u);
  if (lines[0]?.trim().split('\t').join(' ') !== 'query-id corpus-id score')
    throw new BeirFormatError(file, 1, 'the header must be "query-id<TAB>corpus-id<TAB>score"');
  const qrels = new Map<string, Map<string, number>>();
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === '') return;
    const [queryId, corpusId, score, ...rest] = text.trim().split('\t');
    const value = Number(score);
    if (!queryId || !corpusId || rest.length > 0 || !Number.isInteger(value))
      throw new BeirFormatError(file, i + 2, 'expected query-id, corpus-id and an integer score');
    const judgements = qrels.get(queryId) ?? new Map<string, number>();
    judgements.set(corpusId, value);
    qrels.set(queryId, judgements);
  });
  return qrels;
}

/**
 * Puts the parsed files together, keeping the queries that have a relevant corpus entry (as BEIR
 * evaluates them). Throws `beir: ...` when no query is left.
 *
 * @example
 * const set = beirSet(parseBeirCorpus(corpus), parseBeirQueries(queries), parseQrels(qrels));
 */
export function beirSet(
  corpus: BeirDocument[],
  queries: BeirQuery[],
  qrels: ReadonlyMap<string, Judgements>,
): BeirSet {
  const judged = queries.filter((query) =>
    [...(qrels.get(query.id)?.values() ?? [])].some((score) => score > 0),
  );
  if (judged.length === 0)
    throw new Error('beir: no query in queries.jsonl has a relevant entry in the qrels');
  return { corpus, queries: judged, qrels };
}
