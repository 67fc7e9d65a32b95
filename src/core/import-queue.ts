/**
 * The import queue: thousands of files added a bounded batch at a time, with pause, resume, cancel and
 * progress figures. A pure state machine: every transition takes a queue (and the time, where rates need it)
 * and returns a new one; the page's import runner performs what it asks for (read a batch, send it to the
 * worker) and reports back.
 *
 * `queued` → `running` ⇄ `paused` → `done`; `cancelled` from any unfinished phase. A batch sent before a
 * pause or cancel still reports its files when the worker answers: those files are stored, so they count.
 */
import { importBatches, MAX_IMPORT_BATCH_BYTES, MAX_IMPORT_BATCH_FILES } from './import-batches';

/** What identifies a file across page loads: its path in the import, size and modification time. */
export interface FileKey {
  /** Name, or path inside the picked folder (`notes/sub/a.pdf`). */
  path: string;
  /** Bytes. */
  size: number;
  /** `File.lastModified`, in ms since the epoch. */
  lastModified: number;
}

/** A finished file: what happened (`O`, the runner's outcome type) and how many passages it added. */
export interface Finished<O> {
  /** What happened to the file. */
  outcome: O;
  /** Passages it added to the library (0 for a duplicate or a refusal). */
  passages: number;
}

/** What the queue measured in this page's session (files finished before a reload are not counted). */
export interface SessionMeasure {
  /** Files finished in this session. */
  files: number;
  /** Passages added in this session. */
  passages: number;
  /** Milliseconds spent running (paused time excluded), up to the last pause or `since`. */
  activeMs: number;
}

interface QueueFields<O> {
  /** Every file of the import, in order. */
  files: readonly FileKey[];
  /** Per file (same index): its result once finished. */
  finished: readonly (Finished<O> | undefined)[];
  /** Files finished. */
  done: number;
  /** Passages added by all finished files. */
  passages: number;
  /** Indexes of the files sent to the worker and not answered yet. */
  inFlight: readonly number[];
  /** Rates are measured from these. */
  session: SessionMeasure;
  /** Why the queue paused by itself (the worker failed a batch; its files go back to the queue). */
  problem?: string;
}

/** An import: where it stands, and every file's result so far. */
export type ImportQueue<O> =
  | ({ phase: 'queued' } & QueueFields<O>)
  | ({ phase: 'running'; since: number } & QueueFields<O>)
  | ({ phase: 'paused' } & QueueFields<O>)
  | ({ phase: 'done' } & QueueFields<O>)
  | ({ phase: 'cancelled' } & QueueFields<O>);

/** Phase of an import. */
export type ImportPhase = ImportQueue<unknown>['phase'];

/** Seconds of work one batch aims at, so progress moves and a pause takes effect about this often. */
export const BATCH_TARGET_SECONDS = 1;

/** Files in the first batch, before any rate is measured. */
export const FIRST_BATCH_FILES = 4;

/**
 * The string a {@link FileKey} is matched by.
 *
 * @example
 * fileKeyId({ path: 'a.txt', size: 3, lastModified: 0 }); // 'a.txt\u00003\u00000'
 */
export function fileKeyId(key: FileKey): string {
  return `${key.path}\u0000${key.size}\u0000${key.lastModified}`;
}

/**
 * A new import of `files`, queued. Files whose key is in `earlier` (an interrupted import's finished files)
 * start finished with that result, so resuming skips them; they do not count towards the measured rate.
 *
 * @example
 * const queue = queueImport(files.map(({ name, size, lastModified }) => ({ path: name, size, lastModified })));
 */
export function queueImport<O>(
  files: readonly FileKey[],
  earlier: ReadonlyMap<string, Finished<O>> = new Map(),
): ImportQueue<O> {
  const finished = files.map((file) => earlier.get(fileKeyId(file)));
  const known = finished.filter((entry): entry is Finished<O> => entry !== undefined);
  return {
    phase: 'queued',
    files,
    finished,
    done: known.length,
    passages: known.reduce((sum, entry) => sum + entry.passages, 0),
    inFlight: [],
    session: { files: 0, passages: 0, activeMs: 0 },
  };
}

/** Session measure with the running time up to `now` folded in. */
function measured<O>(queue: ImportQueue<O>, now: number): SessionMeasure {
  if (queue.phase !== 'running') return queue.session;
  return { ...queue.session, activeMs: queue.session.activeMs + Math.max(0, now - queue.since) };
}

/** The queue's fields without its phase (and `since`), for building the next phase. */
function fields<O>(queue: ImportQueue<O>, now: number): QueueFields<O> {
  const { files, finished, done, passages, inFlight, problem } = queue;
  return { files, finished, done, passages, inFlight, problem, session: measured(queue, now) };
}

/** True once nothing more will happen to the queue. */
export function isOver(queue: ImportQueue<unknown>): boolean {
  return queue.phase === 'done' || queue.phase === 'cancelled';
}

/**
 * Starts a queued import, or resumes a paused one (clearing its `problem`); otherwise unchanged. An import
 * with every file already finished (all skipped on resume) is done at once.
 *
 * @example
 * let queue = startImport(queueImport(keys), performance.now());
 */
export function startImport<O>(queue: ImportQueue<O>, now: number): ImportQueue<O> {
  if (queue.phase !== 'queued' && queue.phase !== 'paused') return queue;
  const next = { ...fields(queue, now), problem: undefined };
  if (next.done === next.files.length && next.inFlight.length === 0) return { ...next, phase: 'done' };
  return { ...next, phase: 'running', since: now };
}

/**
 * Pauses a running import: no new batch starts; the one at the worker still reports its files.
 *
 * @example
 * queue = pauseImport(queue, performance.now());
 */
export function pauseImport<O>(queue: ImportQueue<O>, now: number): ImportQueue<O> {
  if (queue.phase !== 'running') return queue;
  return { ...fields(queue, now), phase: 'paused' };
}

/**
 * Cancels an unfinished import. Finished files stay finished (and stored); the rest are never read.
 *
 * @example
 * queue = cancelImport(queue, performance.now());
 */
export function cancelImport<O>(queue: ImportQueue<O>, now: number): ImportQueue<O> {
  if (isOver(queue)) return queue;
  return { ...fields(queue, now), phase: 'cancelled' };
}

/**
 * Files the next batch should hold: about {@link BATCH_TARGET_SECONDS} of work at the rate measured so far
 * ({@link FIRST_BATCH_FILES} before there is one), between 1 and {@link MAX_IMPORT_BATCH_FILES}.
 *
 * @example
 * nextBatchFiles(queue, performance.now()); // 4 at first; 20 once 20 files/s are measured
 */
export function nextBatchFiles(queue: ImportQueue<unknown>, now: number): number {
  const { files, activeMs } = measured(queue, now);
  if (files === 0 || activeMs <= 0) return FIRST_BATCH_FILES;
  const wanted = Math.round((files / activeMs) * 1000 * BATCH_TARGET_SECONDS);
  return Math.min(MAX_IMPORT_BATCH_FILES, Math.max(1, wanted));
}

/**
 * Takes the next batch of a running import: the first files neither finished nor in flight, at most
 * {@link nextBatchFiles} of them and {@link MAX_IMPORT_BATCH_BYTES} bytes (a larger file goes alone). The
 * batch's indexes are marked in flight. Nothing is taken unless the import is running with nothing in flight.
 *
 * @example
 * const { queue: next, batch } = takeBatch(queue, performance.now());
 * // read files[batch[i]], send them, then finishBatch(next, …)
 */
export function takeBatch<O>(
  queue: ImportQueue<O>,
  now: number,
  maxBytes = MAX_IMPORT_BATCH_BYTES,
): { queue: ImportQueue<O>; batch: number[] } {
  if (queue.phase !== 'running' || queue.inFlight.length > 0) return { queue, batch: [] };
  const pending = [];
  for (let index = 0; index < queue.files.length; index++) {
    if (queue.finished[index] === undefined) pending.push({ index, size: queue.files[index]!.size });
  }
  const [first = []] = importBatches(pending, maxBytes, nextBatchFiles(queue, now));
  const batch = first.map((entry) => entry.index);
  return { queue: { ...queue, inFlight: batch }, batch };
}

/**
 * Records finished files (in any phase: files of a batch sent before a pause or cancel are stored too).
 * A running or paused import whose every file is finished is done.
 *
 * @example
 * queue = finishBatch(queue, [{ index: 0, outcome, passages: 12 }], performance.now());
 */
export function finishBatch<O>(
  queue: ImportQueue<O>,
  results: readonly ({ index: number } & Finished<O>)[],
  now: number,
): ImportQueue<O> {
  const finished = [...queue.finished];
  let files = 0;
  let passages = 0;
  for (const { index, outcome, passages: added } of results) {
    if (index < 0 || index >= finished.length || finished[index] !== undefined) continue;
    finished[index] = { outcome, passages: added };
    files++;
    passages += added;
  }
  const answered = new Set(results.map((result) => result.index));
  const next = {
    ...queue,
    finished,
    done: queue.done + files,
    passages: queue.passages + passages,
    inFlight: queue.inFlight.filter((index) => !answered.has(index)),
    session: {
      ...queue.session,
      files: queue.session.files + files,
      passages: queue.session.passages + passages,
    },
  } as ImportQueue<O>;
  const complete = next.done === next.files.length && next.inFlight.length === 0;
  if (complete && (next.phase === 'running' || next.phase === 'paused'))
    return { ...fields(next, now), phase: 'done' };
  return next;
}

/**
 * The worker failed a whole batch (it crashed or its storage is unavailable): the batch's files go back to
 * the queue unfinished and a running import pauses with `problem`, so Resume retries them.
 *
 * @example
 * queue = failBatch(queue, error.message, performance.now());
 */
export function failBatch<O>(queue: ImportQueue<O>, problem: string, now: number): ImportQueue<O> {
  const next = { ...queue, inFlight: [] };
  if (next.phase !== 'running') return next;
  return { ...fields(next, now), phase: 'paused', problem };
}

/** Progress of an import, as the panel shows it. */
export interface ImportProgress {
  /** Files in the import. */
  total: number;
  /** Files finished (added, already there, or refused). */
  done: number;
  /** Passages added. */
  passages: number;
  /** Files per second while running, in this session; `undefined` until a file finished. */
  filesPerSecond?: number;
  /** Passages per second while running, in this session. */
  passagesPerSecond?: number;
  /** Seconds until every file is finished at the measured rate; `undefined` until there is a rate. */
  secondsLeft?: number;
}

/**
 * Files done of total, passages added, the rates measured while running (paused time excluded) and the
 * time left at that rate.
 *
 * @example
 * importProgress(queue, performance.now()); // { total: 300, done: 120, passages: 940, filesPerSecond: 24, … }
 */
export function importProgress(queue: ImportQueue<unknown>, now: number): ImportProgress {
  const { files, passages, activeMs } = measured(queue, now);
  const progress = { total: queue.files.length, done: queue.done, passages: queue.passages };
  if (files === 0 || activeMs <= 0) return progress;
  const filesPerSecond = (files / activeMs) * 1000;
  return {
    ...progress,
    filesPerSecond,
    passagesPerSecond: (passages / activeMs) * 1000,
    secondsLeft: (queue.files.length - queue.done) / filesPerSecond,
  };
}
