/**
 * The inspector's step-by-step embedding gives the same vector as the pipeline, with the tokenizer's ids.
 */
import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { MODELS_DIR } from '../../scripts/test-models/generate';
import { loadEmbedder } from '../../src/embed/loader';
import { findModel } from '../../src/embed/registry';
import { bertTokenizerFiles } from '../../src/core/tokenize/bert-tokenizer';

const model = findModel('fixture-small-zh')!;
const QUERY = '为这个句子生成表示以用于检索相关文章：阿里已經開源了多少款模型';

describe('traced embedding', () => {
  it('returns the pipeline vector, tokenizer ids with [CLS]/[SEP], shapes and stage times', async () => {
    const embedder = await loadEmbedder({
      model,
      device: 'cpu',
      dtype: 'fp32',
      threads: 1,
      hosting: { localModelPath: `${MODELS_DIR}/`, remoteHost: null },
    });
    const trace = await embedder.trace!(QUERY);
    const plain = await embedder.embed([QUERY]);
    trace.vector.forEach((value, i) => expect(value).toBeCloseTo(plain[i]!, 5));

    const files = bertTokenizerFiles(readFileSync('public/tokenizer/bert-base-chinese-vocab.txt', 'utf8'));
    const expected = new Tokenizer(files.tokenizer, files.config).encode(trace.modelText).ids;
    expect(trace.tokens.map((t) => t.id)).toEqual(expected);
    expect(trace.tokens[0]!.kind).toBe('cls');
    expect(trace.tokens.at(-1)!.kind).toBe('sep');
    expect(trace.modelText).toContain('已经开源');

    expect(trace.inputs.find((t) => t.name === 'input_ids')).toEqual({
      name: 'input_ids',
      shape: [1, expected.length],
      dtype: 'int64',
    });
    expect(trace.output.shape).toEqual([1, expected.length, 512]);
    expect(trace.pooledShape).toEqual([1, 512]);
    expect(trace.shape).toMatchObject({ layers: 4, hidden: 512, heads: 8, vocab: 21128 });
    expect(trace.timings.map((t) => t.stage)).toEqual(['normalise', 'tokenise', 'inference', 'pooling']);
    await embedder.dispose();
  });
});
