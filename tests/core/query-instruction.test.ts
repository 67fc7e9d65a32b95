import { describe, expect, it } from 'vitest';
import { withQueryInstruction } from '../../src/core/query-instruction';
import type { Embedder } from '../../src/embed/loader';
import { findModel, MODELS } from '../../src/embed/registry';
import { putDocument } from '../../src/storage';
import { embedPassages } from '../../workers/indexer';
import { freshDb, sampleDoc } from '../storage/helpers';

describe('query instruction', () => {
  it('puts the BGE zh instruction before a query, once', () => {
    const instruction = findModel('Xenova/bge-small-zh-v1.5')!.queryInstruction;
    expect(instruction).toBe('为这个句子生成表示以用于检索相关文章：');
    const once = withQueryInstruction('  开源模型 ', instruction);
    expect(once).toBe(`${instruction}开源模型`);
    expect(withQueryInstruction(once, instruction)).toBe(once);
  });

  it('leaves queries alone for models without an instruction (bge-m3)', () => {
    expect(withQueryInstruction('open source', findModel('Xenova/bge-m3')!.queryInstruction)).toBe(
      'open source',
    );
  });

  it('uses the English instruction for the English model', () => {
    expect(withQueryInstruction('open source', findModel('Xenova/bge-small-en-v1.5')!.queryInstruction)).toBe(
      'Represent this sentence for searching relevant passages: open source',
    );
  });

  it('never applies to passages: the indexer hands the embedder passage text as stored', async () => {
    const { doc, passages } = sampleDoc('d1', 3);
    const db = await freshDb();
    await putDocument(db, doc, passages);
    const seen: string[] = [];
    const embedder: Embedder = {
      dims: 2,
      embed: (texts) => {
        seen.push(...texts);
        return Promise.resolve(new Float32Array(texts.length * 2).fill(0.5));
      },
      dispose: () => Promise.resolve(),
    };
    await embedPassages({ db, modelId: 'Xenova/bge-small-zh-v1.5', embedder, passages, emit: () => {} });
    expect(seen.toSorted()).toEqual(passages.map((passage) => passage.text).toSorted());
    for (const model of MODELS.filter((entry) => entry.queryInstruction !== '')) {
      for (const text of seen) expect(text.startsWith(model.queryInstruction)).toBe(false);
    }
  });
});
