/**
 * Resuming an interrupted build: every finished file is appended to `OUT.progress` (one JSON line,
 * vectors in base64) as soon as it is embedded; a new run with the same settings skips those files.
 */
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import type { DocumentRecord } from './assemble';

/** Settings a checkpoint is valid for; a run with other settings starts over. */
export interface CheckpointKey {
  /** Model id. */
  model: string;
  /** Weight precision. */
  dtype: string;
  /** Shard, as `I/N`. */
  shard: string;
}

/** One finished input file: its record, or why it was refused. */
export type FileOutcome = { source: string; record: DocumentRecord } | { source: string; refused: string };

interface StoredOutcome {
  source: string;
  refused?: string;
  record?: Omit<DocumentRecord, 'vectors'> & { vectors: string };
}

function encode(outcome: FileOutcome): string {
  if ('refused' in outcome) return JSON.stringify(outcome);
  const { vectors, ...rest } = outcome.record;
  const base64 = Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength).toString('base64');
  return JSON.stringify({ source: outcome.source, record: { ...rest, vectors: base64 } });
}

function decode(line: string): FileOutcome | undefined {
  let stored: StoredOutcome;
  try {
    stored = JSON.parse(line) as StoredOutcome;
  } catch {
    return undefined; // the line being written when the run was stopped
  }
  if (stored.refused !== undefined) return { source: stored.source, refused: stored.refused };
  if (!stored.record) return undefined;
  const bytes = Buffer.from(stored.record.vectors, 'base64');
  const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { source: stored.source, record: { ...stored.record, vectors } };
}

/** The progress file of one output. */
export class Checkpoint {
  private constructor(
    private readonly path: string,
    /** Outcomes of the files finished by earlier runs, by source name. */
    readonly done: Map<string, FileOutcome>,
  ) {}

  /**
   * Opens `OUT.progress`: its finished files when it was written with the same settings, else a fresh one.
   *
   * @example
   * const checkpoint = await Checkpoint.open('all.ossindex', { model: 'fixture-tiny', dtype: 'fp32', shard: '1/1' });
   */
  static async open(out: string, key: CheckpointKey): Promise<Checkpoint> {
    const path = `${out}.progress`;
    const header = JSON.stringify(key);
    const lines = await readFile(path, 'utf8').then(
      (text) => text.split('\n'),
      () => [],
    );
    if (lines[0] !== header) {
      await writeFile(path, `${header}\n`);
      return new Checkpoint(path, new Map());
    }
    const done = new Map<string, FileOutcome>();
    for (const line of lines.slice(1)) {
      const outcome = line === '' ? undefined : decode(line);
      if (outcome) done.set(outcome.source, outcome);
    }
    // Rewrite without a half-written last line, so appends start on a fresh line.
    await writeFile(path, [header, ...[...done.values()].map(encode), ''].join('\n'));
    return new Checkpoint(path, done);
  }

  /** Records a finished file. */
  async add(outcome: FileOutcome): Promise<void> {
    this.done.set(outcome.source, outcome);
    await appendFile(this.path, `${encode(outcome)}\n`);
  }

  /** Deletes the progress file once the index is written. */
  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
