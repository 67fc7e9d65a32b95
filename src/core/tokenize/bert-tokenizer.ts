/**
 * The BGE-zh WordPiece tokenizer (bert-base-chinese vocabulary), built in memory from the vocabulary text.
 * The same JSON is written as `tokenizer.json` for the test models, so token counts here match the model's.
 */
import { Tokenizer } from '@huggingface/tokenizers';

/** `tokenizer.json` and `tokenizer_config.json` contents for a BERT WordPiece tokenizer. */
export interface BertTokenizerFiles {
  /** Contents of `tokenizer.json`. */
  tokenizer: Record<string, unknown>;
  /** Contents of `tokenizer_config.json`. */
  config: Record<string, unknown>;
}

/** Hard limit of BGE BERT models, [CLS] and [SEP] included. */
export const MAX_MODEL_TOKENS = 512;

/**
 * Builds the tokenizer files for a BERT WordPiece vocabulary (one token per line).
 * Chinese characters are split one per token, text is lower-cased, as in bert-base-chinese.
 *
 * @example
 * const files = bertTokenizerFiles(await readFile('vocab.txt', 'utf8'));
 */
export function bertTokenizerFiles(vocabText: string): BertTokenizerFiles {
  const vocab: Record<string, number> = {};
  // A token listed twice keeps its last id, as Hugging Face's `load_vocab` and WordPiece::read_file do
  // (bert-base-chinese lists `##0`–`##9`, `##a`… twice).
  vocabText.split(/\r?\n/).forEach((token, id) => {
    if (token !== '') vocab[token] = id;
  });
  const special = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
  const idOf = (token: string): number => {
    const id = vocab[token];
    if (id === undefined) throw new Error(`bert-tokenizer: vocabulary lacks ${token}`);
    return id;
  };
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: special.map((content) => ({
      id: idOf(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [idOf('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [idOf('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
  const config = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    model_max_length: MAX_MODEL_TOKENS,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
  return { tokenizer, config };
}

/** Counts tokens of a text, [CLS] and [SEP] included. */
export type TokenCounter = (text: string) => number;

/**
 * Creates a token counter for the BGE-zh vocabulary.
 *
 * @example
 * const count = createTokenCounter(vocabText);
 * count('开源'); // 4: [CLS] 开 源 [SEP]
 */
export function createTokenCounter(vocabText: string): TokenCounter {
  const files = bertTokenizerFiles(vocabText);
  const tokenizer = new Tokenizer(files.tokenizer, files.config);
  return (text) => tokenizer.encode(text).ids.length;
}
