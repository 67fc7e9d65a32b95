/**
 * The readable form of an {@link EvalReport}: a header naming the model and mode, a metrics table per
 * query kind and overall, and each query's outcome.
 */
import type { BeirReport } from './beir';
import type { EvalReport, KindMetrics, Metrics, ModelFields, QueryReport } from './evaluate';

const METRIC_KEYS: readonly (keyof Metrics)[] = ['recall@1', 'recall@5', 'recall@10', 'mrr@10', 'ndcg@10'];

function formatMetric(value: number | null): string {
  return value === null ? '-' : value.toFixed(3);
}

/** Aligns columns; the first is left-aligned, the others right-aligned when `numeric`. */
function table(rows: readonly (readonly string[])[], numeric: boolean): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((cells) => (cells[i] ?? '').length)));
  const pad = (cell: string, i: number): string =>
    numeric && i > 0 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
  return rows.map((cells) => cells.map(pad).join('  ').trimEnd());
}

function junkQueries(kind: KindMetrics): number {
  return Math.round(kind.junkRate * kind.queries);
}

function outcome(query: QueryReport, k: number): string {
  if (query.junkHits) {
    const junk = query.junkHits.map((hit) => `#${hit.rank} ${hit.junk}`).join(', ');
    return query.junkHits.length === 0 ? 'no junk' : `junk: ${junk}`;
  }
  return query.firstRelevantRank === null ? `not in top ${k}` : `rank ${query.firstRelevantRank}`;
}

/**
 * The header line: model (flagged when it is a test model) and mode.
 *
 * @example
 * headerLine(report); // 'model fixture-small-zh (TEST MODEL: matches shared characters, knows no meanings) · mode hybrid · k 10'
 */
export function headerLine(report: ModelFields & { k: number }): string {
  const note =
    report.note && report.testModel ? report.note.replace(/^test model/, 'TEST MODEL') : report.note;
  const model = `${report.model ?? 'none'}${note ? ` (${note})` : ''}`;
  return `model ${model} · mode ${report.mode} · k ${report.k}`;
}

/**
 * Formats a report as text tables, for a terminal.
 *
 * @example
 * console.log(formatTable(report, 'tests/fixtures/eval/dev-queries.jsonl'));
 */
export function formatTable(report: EvalReport, queriesFile: string): string {
  const kinds = Object.entries(report.byKind).flatMap(([kind, m]) => (m ? [[kind, m] as const] : []));
  const totalJunk = kinds.reduce((sum, [, m]) => sum + junkQueries(m), 0);
  const summary = table(
    [
      ['kind', 'queries', ...METRIC_KEYS, 'junk'],
      ...kinds.map(([kind, m]) => [
        kind,
        String(m.queries),
        ...METRIC_KEYS.map((key) => formatMetric(m[key])),
        String(junkQueries(m)),
      ]),
      [
        'overall',
        String(report.queries.length),
        ...METRIC_KEYS.map((key) => formatMetric(report.metrics[key])),
        String(totalJunk),
      ],
    ],
    true,
  );
  const perQuery = table(
    [
      ['id', 'kind', 'result', 'query'],
      ...report.queries.map((q) => [q.id, q.kind, outcome(q, report.k), q.query]),
    ],
    false,
  );
  return [
    headerLine(report),
    `${report.queries.length} queries from ${queriesFile}`,
    '',
    ...summary,
    '',
    'Metrics are means over queries with relevant passages (negative queries excluded); "-" = undefined.',
    `junk = queries with a spam or boilerplate passage in their top ${report.k}.`,
    '',
    ...perQuery,
  ].join('\n');
}

/**
 * Formats a BEIR report: header, the four metrics, and the keyword index's build and query times.
 *
 * @example
 * console.log(formatBeirTable(report));
 */
export function formatBeirTable(report: BeirReport): string {
  const { metrics, keyword } = report;
  const keys = ['ndcg@10', 'mrr@10', 'recall@10', 'recall@100'] as const;
  const ms = (value: number | null): string => (value === null ? '-' : `${value.toFixed(2)} ms`);
  return [
    headerLine(report),
    `${report.queries} queries, ${report.documents} documents (${report.passages} passages) from ${report.corpus}`,
    '',
    ...table(
      [
        ['queries', ...keys],
        [String(report.queries), ...keys.map((key) => formatMetric(metrics[key]))],
      ],
      true,
    ),
    '',
    `keyword index: built in ${ms(keyword.buildMs)}, search p50 ${ms(keyword.queryP50Ms)} per query`,
    'BEIR definitions: a document ranks where its first passage does; recall@100 counts the top k documents.',
  ].join('\n');
}
