import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ImportRunner, type ImportOutcome, type ImportRunnerDeps } from '../../src/app/import-runner';
import type { AddFileResult, DocumentSummary, FileInput } from '../../src/shared/protocol';
import { ImportJournal } from '../../src/storage/import-journal';

/** A fake worker library: documents by content, so the same bytes twice are a duplicate. */
class FakeLibrary {
  readonly docs = new Map<string, string>(); // content → source
  readonly sent: string[] = [];
  /** When set, the call for this file name never answers (the tab is closed mid-batch). */
  hangOn?: string;

  addFiles = async (files: FileInput[]): Promise<AddFileResult[]> => {
    if (files.some((file) => file.name === this.hangOn)) return new Promise(() => undefined);
    return files.map((file) => {
      this.sent.push(file.name);
      const content = new TextDecoder().decode(file.bytes);
      const duplicate = this.docs.has(content);
      if (!duplicate) this.docs.set(content, file.name);
      return { name: file.name, ok: true, docId: content, passages: 2, duplicate };
    });
  };

  listDocuments = async (): Promise<DocumentSummary[]> =>
    [...this.docs].map(([id, source]) => ({ id, source, origin: 'user' }) as DocumentSummary);

  deleteDocument = async (id: string): Promise<void> => void this.docs.delete(id);
}

function runner(library: FakeLibrary, factory: IDBFactory): ImportRunner {
  let clock = 0;
  const deps: ImportRunnerDeps = {
    addFiles: library.addFiles,
    listDocuments: library.listDocuments,
    deleteDocument: library.deleteDocument,
    journal: ImportJournal.open<ImportOutcome>(factory),
    now: () => (clock += 1),
    holdLock: () => undefined,
    lockHeld: async () => false,
  };
  return new ImportRunner(deps);
}

const file = (name: string, text = name) => new File([text], name, { lastModified: 7 });
const folder = (count: number) => Array.from({ length: count }, (_, i) => file(`notes/${i}.txt`));

async function settled(run: ImportRunner, phase: string): Promise<void> {
  for (let i = 0; i < 200 && run.getSnapshot().queue?.phase !== phase; i++)
    await new Promise((resolve) => setTimeout(resolve, 5));
  expect(run.getSnapshot().queue?.phase).toBe(phase);
}

describe('import runner', () => {
  it('adds every file, lists refusals and duplicates, and forgets the journal when done', async () => {
    const library = new FakeLibrary();
    const factory = new IDBFactory();
    const run = runner(library, factory);
    await run.importFiles([file('a.txt'), file('photo.jpg'), file('b.txt', 'a.txt'), file('empty.txt', '')]);
    const queue = run.getSnapshot().queue!;
    expect(queue.phase).toBe('done');
    const kinds = queue.finished.map((entry) => entry?.outcome.kind);
    expect(queue.files.map((f) => f.path)).toEqual(['a.txt', 'b.txt', 'empty.txt', 'photo.jpg']); // path order
    expect(kinds).toEqual(['result', 'result', 'refused', 'refused']);
    expect(queue.finished[3]?.outcome).toMatchObject({ reason: 'unsupported' });
    expect(queue.finished[1]?.outcome).toMatchObject({ result: { duplicate: true } });
    expect(queue.passages).toBe(2);
    expect(library.sent).toEqual(['a.txt', 'b.txt']); // refused files are never read or sent
    expect(await (await ImportJournal.open(factory)).interrupted()).toBeUndefined();
  });

  it('after a reload offers the interrupted import, and resuming sends only the files not done', async () => {
    const factory = new IDBFactory();
    const library = new FakeLibrary();
    library.hangOn = 'notes/4.txt'; // the first batch (4 files) finishes; the second never answers
    const files = folder(10);
    void runner(library, factory).importFiles(files);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(library.sent).toEqual(['notes/0.txt', 'notes/1.txt', 'notes/2.txt', 'notes/3.txt']);

    library.hangOn = undefined;
    const reloaded = runner(library, factory);
    await reloaded.checkInterrupted();
    expect(reloaded.getSnapshot().offer).toEqual({ total: 10, done: 4, reopenable: false, pickAgain: false });
    await reloaded.resumeInterrupted();
    expect(reloaded.getSnapshot().offer?.pickAgain).toBe(true);
    await reloaded.resumeWith(folder(10));
    await settled(reloaded, 'done');
    expect(library.sent.slice(4)).toEqual(files.slice(4).map((f) => f.name));
    expect(reloaded.getSnapshot().queue).toMatchObject({ done: 10, passages: 20 });
    expect(reloaded.getSnapshot().offer).toBeUndefined();
  });

  it('resumes the right files when the browser listed the folder out of path order', async () => {
    // A folder input lists files in the disk's order, not by name; the queue works in path order, and the
    // journal must name the files in that same order, or a resume skips files that were never imported.
    const factory = new IDBFactory();
    const library = new FakeLibrary();
    const listed = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4].map((i) => file(`notes/${i}.txt`));
    library.hangOn = 'notes/4.txt'; // the first batch (0-3) finishes; the second never answers
    void runner(library, factory).importFiles(listed);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(library.sent).toEqual(['notes/0.txt', 'notes/1.txt', 'notes/2.txt', 'notes/3.txt']);

    library.hangOn = undefined;
    const reloaded = runner(library, factory);
    await reloaded.checkInterrupted();
    expect(reloaded.getSnapshot().offer?.done).toBe(4);
    await reloaded.resumeWith([...listed].reverse()); // picked again, listed in yet another order
    await settled(reloaded, 'done');
    expect(library.sent.slice(4)).toEqual([4, 5, 6, 7, 8, 9].map((i) => `notes/${i}.txt`));
    expect([...library.docs.values()].sort()).toEqual(folder(10).map((f) => f.name));
  });

  it('discarding forgets the interrupted import', async () => {
    const factory = new IDBFactory();
    const library = new FakeLibrary();
    library.hangOn = 'notes/0.txt';
    void runner(library, factory).importFiles(folder(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reloaded = runner(library, factory);
    await reloaded.checkInterrupted();
    expect(reloaded.getSnapshot().offer?.done).toBe(0);
    await reloaded.discardInterrupted();
    const again = runner(library, factory);
    await again.checkInterrupted();
    expect(again.getSnapshot().offer).toBeUndefined();
  });

  it('offers the documents of a re-imported folder whose files are gone, and removes them only on request', async () => {
    const library = new FakeLibrary();
    const run = runner(library, new IDBFactory());
    await run.importFiles(folder(3));
    await run.importFiles(folder(3).filter((f) => f.name !== 'notes/1.txt'));
    await settled(run, 'done');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(run.getSnapshot().stale.map((doc) => doc.source)).toEqual(['notes/1.txt']);
    expect(library.docs.size).toBe(3);
    await run.removeStale();
    expect([...library.docs.values()]).toEqual(['notes/0.txt', 'notes/2.txt']);
  });

  it("refuses a second import asked for while the first one's files are still being listed", async () => {
    const library = new FakeLibrary();
    const run = runner(library, new IDBFactory());
    let listed: (files: File[]) => void = () => undefined;
    const first = run.importFiles(new Promise<File[]>((resolve) => (listed = resolve))); // a dropped folder
    await run.importFiles([file('other.txt')]);
    expect(run.getSnapshot().refusedBusy).toBe(true);
    listed(folder(3));
    await first;
    expect(run.getSnapshot().queue).toMatchObject({ phase: 'done', done: 3 });
    expect(library.sent).toEqual(['notes/0.txt', 'notes/1.txt', 'notes/2.txt']);
  });

  it('refuses a new import while one is unfinished', async () => {
    const library = new FakeLibrary();
    library.hangOn = 'notes/0.txt';
    const run = runner(library, new IDBFactory());
    void run.importFiles(folder(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await run.importFiles([file('other.txt')]);
    expect(run.getSnapshot()).toMatchObject({ refusedBusy: true, queue: { phase: 'running' } });
  });

  it('imports a folder of 10,000 tiny files in bounded batches: every file reported once, nothing lost', async () => {
    const library = new FakeLibrary();
    const batches: number[] = [];
    const addFiles = library.addFiles;
    library.addFiles = (files) => (batches.push(files.length), addFiles(files));
    const run = runner(library, new IDBFactory());
    let changes = 0;
    run.subscribe(() => changes++);
    // 9,970 distinct one-line files, 10 copies of one of them, 10 empty files and 10 images.
    const files = [
      ...Array.from({ length: 9970 }, (_, i) => file(`many/${String(i).padStart(5, '0')}.txt`, `word${i}`)),
      ...Array.from({ length: 10 }, (_, i) => file(`many/copy ${i}.txt`, 'word0')),
      ...Array.from({ length: 10 }, (_, i) => file(`many/empty ${i}.txt`, '')),
      ...Array.from({ length: 10 }, (_, i) => file(`many/photo ${i}.jpg`, 'jpeg')),
    ];
    await run.importFiles(files);
    const queue = run.getSnapshot().queue!;

    expect(queue).toMatchObject({ phase: 'done', done: 10_000, passages: 9970 * 2 });
    expect(queue.finished.every((entry) => entry !== undefined)).toBe(true); // a line for every file
    const kinds = queue.finished.map((entry) => {
      const outcome = entry!.outcome;
      if (outcome.kind !== 'result') return outcome.kind === 'refused' ? outcome.reason : outcome.kind;
      return outcome.result.ok && outcome.result.duplicate ? 'duplicate' : 'added';
    });
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect([count('added'), count('duplicate'), count('empty'), count('unsupported')]).toEqual([
      9970, 10, 10, 10,
    ]);
    expect(library.docs.size).toBe(9970);
    expect(new Set(library.sent).size).toBe(library.sent.length); // no file sent twice
    expect(library.sent).toHaveLength(9980); // empty files and images are never read
    // The page does a bounded amount of work per step: at most 32 files per worker call, and a few state
    // changes per batch rather than one per file.
    expect(Math.max(...batches)).toBeLessThanOrEqual(32);
    expect(changes).toBeLessThan(4 * batches.length + 10);
  });
});
