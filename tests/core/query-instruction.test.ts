import { describe, expect, it } from 'vitest';
import { withQueryInstruction } from '../../src/core/query-instruction';
import { findModel, MODELS } from '../../src/embed/registry';

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

  it('never applies to passages: every model with an instruction is a retrieval model with CLS pooling', () => {
    for (const model of MODELS) expect(model.pooling).toBe('cls');
  });
});
