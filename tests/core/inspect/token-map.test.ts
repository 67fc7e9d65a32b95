import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import { describe, expect, it } from 'vitest';
import { mapTokens, sourceOf } from '../../../src/core/inspect/token-map';
import { toSimplified } from '../../../src/core/text/script';
import { bertTokenizerFiles } from '../../../src/core/tokenize/bert-tokenizer';

const files = bertTokenizerFiles(readFileSync('public/tokenizer/bert-base-chinese-vocab.txt', 'utf8'));
const tokenizer = new Tokenizer(files.tokenizer, files.config);

/** Tokenises as the model does and returns each token with the source characters it was mapped to. */
function chips(text: string, source = text): [string, string][] {
  const { ids, tokens } = tokenizer.encode(text);
  return mapTokens(tokens, ids, text).map((span) => [span.token, sourceOf(source, span)]);
}

describe('mapTokens', () => {
  it('maps each Chinese character to its token, [CLS] first and [SEP] last with no characters', () => {
    expect(chips('阿里开源')).toEqual([
      ['[CLS]', ''],
      ['阿', '阿'],
      ['里', '里'],
      ['开', '开'],
      ['源', '源'],
      ['[SEP]', ''],
    ]);
  });

  it('maps a Latin word split into ## pieces back onto its letters, upper case included', () => {
    const mapped = chips('Transformer 模型');
    const pieces = mapped.slice(1, -3);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.slice(1).every(([token]) => token.startsWith('##'))).toBe(true);
    expect(pieces.map(([, source]) => source).join('')).toBe('Transformer');
    expect(mapped.slice(-3, -1)).toEqual([
      ['模', '模'],
      ['型', '型'],
    ]);
  });

  it('marks [UNK] and maps it to the whole unknown word', () => {
    const text = '开源😀模型';
    const spans = mapTokens(tokenizer.encode(text).tokens, tokenizer.encode(text).ids, text);
    const unknown = spans.find((span) => span.kind === 'unk');
    expect(unknown && sourceOf(text, unknown)).toBe('😀');
    expect(spans.map((span) => span.kind)).toEqual(['cls', 'word', 'word', 'unk', 'word', 'word', 'sep']);
  });

  it('maps tokens of the simplified text the model sees back onto traditional input', () => {
    const typed = '開源模型';
    expect(chips(toSimplified(typed), typed).slice(1, 3)).toEqual([
      ['开', '開'],
      ['源', '源'],
    ]);
  });

  it('keeps the ids the tokenizer gave', () => {
    const { ids, tokens } = tokenizer.encode('阿里已经开源了多少款模型');
    expect(mapTokens(tokens, ids, '阿里已经开源了多少款模型').map((span) => span.id)).toEqual(ids);
  });
});
