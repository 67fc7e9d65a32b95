import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { bertTokenizerFiles, createTokenCounter } from '../../../src/core/tokenize/bert-tokenizer';

const vocabText = readFileSync('public/tokenizer/bert-base-chinese-vocab.txt', 'utf8');
const files = bertTokenizerFiles(vocabText);
const tokenizer = new Tokenizer(files.tokenizer, files.config);

describe('BGE-zh tokenizer', () => {
  it('uses the real special-token ids', () => {
    expect(tokenizer.encode('开源').ids).toEqual([
      101,
      tokenizer.token_to_id('开'),
      tokenizer.token_to_id('源'),
      102,
    ]);
    expect(tokenizer.token_to_id('[UNK]')).toBe(100);
  });

  it('splits Chinese characters one per token and lower-cases Latin text', () => {
    expect(tokenizer.tokenize('阿里开源Qwen')).toEqual(['阿', '里', '开', '源', 'q', '##wen']);
  });

  it('gives a repeated vocabulary entry its last id, as Hugging Face does', () => {
    const lines = vocabText.split(/\r?\n/);
    const last = lines.lastIndexOf('##0');
    expect(lines.indexOf('##0')).toBeLessThan(last);
    expect(tokenizer.token_to_id('##0')).toBe(last);
  });

  it('counts tokens with [CLS] and [SEP]', () => {
    const count = createTokenCounter(vocabText);
    expect(count('')).toBe(2);
    expect(count('开源模型')).toBe(6);
  });
});
