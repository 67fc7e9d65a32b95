import { describe, expect, it } from 'vitest';
import { embedInBatches, type TextEmbedder } from '../../src/core/embed-batches';

/** Passages long enough that the default limits (4,096 padded tokens) put 8 in a batch: 3 batches for 20. */
const passages = Array.from({ length: 20 }, (_, i) => ({
  id: `p${String(i).padStart(2, '0')}`,
  tokens: 500,
  text: `passage ${i}`,
}));

/** One component per text: its passage number, so every vector says which passage it belongs to. */
function numberingEmbedder(log: string[]): TextEmbedder {
  return {
    async embed(texts) {
      log.push(`embed ${texts.length}`);
      return Float32Array.from(texts, (text) => Number(text.split(' ')[1]));
    },
  };
}

describe('embedInBatches', () => {
  it('hands every passage on once, in order, with its own vector and the running count', async () => {
    const seen: { ids: string[]; vectors: number[]; done: number }[] = [];
    const count = await embedInBatches(numberingEmbedder([]), passages, (batch, vectors, done) => {
      seen.push({ ids: batch.map((p) => p.id), vectors: [...vectors], done });
    });
    expect(count).toBe(20);
    expect(seen.map((s) => s.done)).toEqual([8, 16, 20]);
    expect(seen.flatMap((s) => s.ids)).toEqual(passages.map((p) => p.id));
    expect(seen.flatMap((s) => s.vectors)).toEqual(passages.map((_, i) => i));
  });

  it('embeds the next batch while the previous one is being stored, and finishes only when all are stored', async () => {
    const log: string[] = [];
    const release: (() => void)[] = [];
    const running = embedInBatches(numberingEmbedder(log), passages, (_batch, _vectors, done) => {
      log.push(`store ${done} started`);
      return new Promise<void>((resolve) =>
        release.push(() => {
          log.push(`store ${done} done`);
          resolve();
        }),
      );
    });
    let finished = false;
    void running.then(() => (finished = true));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await settle();
    // The first batch is being stored and the second is already embedded; the third waits for the first store.
    expect(log).toEqual(['embed 8', 'store 8 started', 'embed 8']);
    for (let i = 0; i < 3; i++) {
      release[i]!();
      await settle();
    }
    expect(log).toEqual([
      'embed 8',
      'store 8 started',
      'embed 8',
      'store 8 done',
      'store 16 started',
      'embed 4',
      'store 16 done',
      'store 20 started',
      'store 20 done',
    ]);
    await running;
    expect(finished).toBe(true);
  });

  it('rejects with a storing failure and embeds no further batch after it', async () => {
    const log: string[] = [];
    const failing = embedInBatches(numberingEmbedder(log), passages, (_batch, _vectors, done) => {
      if (done === 8) return Promise.reject(new Error('quota exceeded'));
    });
    await expect(failing).rejects.toThrow('quota exceeded');
    expect(log).toEqual(['embed 8', 'embed 8']);
  });
});
