/**
 * Shows what ingestion makes of files, with the app's own code (`ingestDocument`).
 *
 *   npm run corpus                      # summary of the bundled corpus (public/corpus/*.txt)
 *   npm run corpus -- --json a.txt b.md # machine-readable: chunks and what each cleaning step removed
 *
 * A file that cannot be ingested is reported on stderr and makes the exit code 1; the others still run.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestDocument, type IngestedDocument } from '../src/core/ingest';
import { createTokenCounter } from '../src/core/tokenize/bert-tokenizer';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VOCAB = join(ROOT, 'public/tokenizer/bert-base-chinese-vocab.txt');
const CORPUS = join(ROOT, 'public/corpus');

async function bundledCorpus(): Promise<string[]> {
  const names = (await readdir(CORPUS)).filter((name) => name.endsWith('.txt')).sort();
  return names.map((name) => join(CORPUS, name));
}

function toJson({ document, passages }: IngestedDocument) {
  return {
    source: document.source,
    title: document.title,
    encoding: document.encoding,
    chunks: passages.map(({ text, start, end, tokens }) => ({ text, start, end, tokens })),
    removed: Object.fromEntries(
      document.report.map((step) => [step.step, { count: step.count, items: step.removed }]),
    ),
  };
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function tokenStats(tokens: readonly number[]): string {
  const sorted = [...tokens].sort((a, b) => a - b);
  return `tokens min ${sorted[0] ?? 0} / median ${median(sorted)} / max ${sorted.at(-1) ?? 0}`;
}

function summary({ document, passages }: IngestedDocument): string {
  const removed = document.report
    .filter((step) => step.count > 0)
    .map((step) => `${step.step} ${step.count}`)
    .join(', ');
  return [
    `${document.source}`,
    `  title     ${document.title}`,
    ...(document.byline ? [`  byline    ${document.byline}`] : []),
    `  encoding  ${document.encoding}`,
    `  passages  ${passages.length}, ${tokenStats(passages.map((p) => p.tokens))}`,
    `  removed   ${removed || 'nothing'}`,
    `  mojibake  ${document.mojibake?.length ?? 0} unrepairable run(s)`,
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((arg) => arg !== '--json');
  const paths = files.length > 0 ? files : await bundledCorpus();
  const countTokens = createTokenCounter(await readFile(VOCAB, 'utf8'));
  const results: IngestedDocument[] = [];
  let failed = false;
  for (const path of paths) {
    try {
      const bytes = new Uint8Array(await readFile(path));
      results.push(await ingestDocument({ bytes, source: basename(path) }, countTokens));
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : String(error));
    }
  }
  if (json) console.log(JSON.stringify({ documents: results.map(toJson) }));
  else {
    console.log(results.map(summary).join('\n\n'));
    const all = results.flatMap((r) => r.passages.map((p) => p.tokens));
    console.log(`\n${results.length} document(s), ${all.length} passages, ${tokenStats(all)}`);
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
