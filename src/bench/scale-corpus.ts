/**
 * Seeded generated data for the scale benchmark (`npm run bench -- --scale`): Chinese-like documents,
 * keyword queries drawn from their words, and clustered unit vectors (like real embeddings, not uniform).
 * Pure: runs in Node and in the bench page.
 */
import { mulberry32 } from '../core/random';
import type { Passage, StoredDocument } from '../core/types';
import { l2normalize } from '../core/vector/normalize';

/** Passages per generated document. */
export const PASSAGES_PER_DOC = 20;
/** Words per generated passage (about 200 characters). */
const WORDS_PER_PASSAGE = 90;
/** Size of the generated vocabulary. */
const VOCABULARY = 6000;
/** Common CJK characters start here (U+4E00); words are drawn from the first 3,000. */
const CJK_FIRST = 0x4e00;
const CJK_SPAN = 3000;

/** Generated documents and their passages. */
export interface ScaleCorpus {
  /** One per {@link PASSAGES_PER_DOC} passages. */
  documents: StoredDocument[];
  /** `passages` passages, in document order. */
  passages: Passage[];
}

/** A Zipf-like index in [0, size): frequent words are frequent, as in real text. */
function zipfIndex(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1)) - 1));
}

/** The seeded vocabulary: words of one to three CJK characters. */
export function scaleVocabulary(seed: number): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: VOCABULARY }, () => {
    const length = 1 + Math.floor(random() * 3);
    const chars = Array.from({ length }, () => String.fromCodePoint(CJK_FIRST + zipfIndex(random, CJK_SPAN)));
    return chars.join('');
  });
}

function sentence(random: () => number, vocabulary: readonly string[]): string {
  const words = Array.from({ length: WORDS_PER_PASSAGE }, (_, i) => {
    const word = vocabulary[zipfIndex(random, vocabulary.length)]!;
    return i % 12 === 11 ? `${word}，` : word;
  });
  return `${words.join('')}。`;
}

/**
 * `passages` seeded Chinese-like passages in documents of {@link PASSAGES_PER_DOC}, shaped as the app
 * stores them.
 *
 * @example
 * const { documents, passages } = scaleCorpus(10_000, 1); // 500 documents, 10,000 passages
 */
export function scaleCorpus(passages: number, seed: number): ScaleCorpus {
  const random = mulberry32(seed);
  const vocabulary = scaleVocabulary(seed);
  const corpus: ScaleCorpus = { documents: [], passages: [] };
  for (let first = 0; first < passages; first += PASSAGES_PER_DOC) {
    const id = `scale-${String(first / PASSAGES_PER_DOC).padStart(6, '0')}`;
    const texts = Array.from({ length: Math.min(PASSAGES_PER_DOC, passages - first) }, () =>
      sentence(random, vocabulary),
    );
    let start = 0;
    for (const [index, text] of texts.entries()) {
      corpus.passages.push({
        id: `${id}#${index}`,
        docId: id,
        index,
        text,
        start,
        end: start + text.length,
        tokens: text.length + 2,
      });
      start += text.length;
    }
    const text = texts.join('');
    corpus.documents.push({
      id,
      source: `${id}.txt`,
      title: texts[0]!.slice(0, 12),
      encoding: 'utf-8',
      text,
      report: [],
      size: 3 * text.length,
      origin: 'user',
      hidden: false,
      raw: text,
      addedAt: 0,
    });
  }
  return corpus;
}

/**
 * `count` keyword queries: vocabulary words of two or three characters from the middle of the frequency
 * range, so each matches some passages but not most.
 *
 * @example
 * scaleKeywordQueries(20, 1); // ['丐乂', ...]
 */
export function scaleKeywordQueries(count: number, seed: number): string[] {
  const random = mulberry32(seed ^ 0x5eed);
  const candidates = scaleVocabulary(seed)
    .slice(50, 2000)
    .filter((word) => word.length >= 2);
  return Array.from({ length: count }, () => candidates[Math.floor(random() * candidates.length)]!);
}

/**
 * `rows` unit vectors around `clusters` random centres (each row: its centre plus Gaussian noise of
 * relative size `spread`), packed row-major.
 *
 * @example
 * const vectors = clusteredUnitVectors(10_000, 512, 100, 1);
 */
export function clusteredUnitVectors(
  rows: number,
  dims: number,
  clusters: number,
  seed: number,
  spread = 0.6,
): Float32Array {
  const packed = new Float32Array(rows * dims);
  clusteredUnitVectorBlocks(rows, dims, clusters, seed, (block, first) => packed.set(block, first * dims), {
    spread,
  });
  return packed;
}

/**
 * The rows of {@link clusteredUnitVectors} (the same floats), handed to `onBlock` `blockRows` at a time with
 * the index of the block's first row, so a very large matrix never exists as floats all at once.
 *
 * @example
 * clusteredUnitVectorBlocks(1_000_000, 512, 1000, 1, (block) => matrix.append(ids, block));
 */
export function clusteredUnitVectorBlocks(
  rows: number,
  dims: number,
  clusters: number,
  seed: number,
  onBlock: (block: Float32Array, first: number) => void,
  { spread = 0.6, blockRows = rows }: { spread?: number; blockRows?: number } = {},
): void {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: clusters }, () =>
    l2normalize(Float32Array.from({ length: dims }, gaussian)),
  );
  const noise = spread / Math.sqrt(dims);
  for (let first = 0; first < rows; first += blockRows) {
    const block = new Float32Array(Math.min(blockRows, rows - first) * dims);
    for (let row = 0; row < block.length / dims; row++) {
      const centre = centres[Math.floor(random() * clusters)]!;
      const out = block.subarray(row * dims, (row + 1) * dims);
      for (let i = 0; i < dims; i++) out[i] = centre[i]! + noise * gaussian();
      l2normalize(out);
    }
    onBlock(block, first);
  }
}

/**
 * Share of `truth`'s ids that `found` also has (recall@k when both are top-k lists).
 *
 * @example
 * recallOf([1, 2, 3], [1, 2, 4]); // 0.667
 */
export function recallOf(truth: readonly number[], found: readonly number[]): number {
  if (truth.length === 0) return 1;
  const got = new Set(found);
  return truth.filter((id) => got.has(id)).length / truth.length;
}
