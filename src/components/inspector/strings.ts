/**
 * Every visible string of the inspector (English), in one place so they move to translation catalogs easily.
 */
import type { Stage } from '../../core/inspect/stages';

/** Labels, headings and explanations of the inspector. */
export const S = {
  inspect: 'Inspect',
  closeInspector: 'Close inspector',
  title: 'Inspector: what happened to this query',
  noTrace: 'Type a query to see every step it goes through.',
  waiting: 'Running the query with the trace…',
  tabs: { pipeline: 'Pipeline', map: 'Embedding map', lab: 'Device lab' },
  present: 'Presentation mode',
  endPresent: 'Leave presentation',
  next: 'Next',
  previous: 'Previous',
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
  testModel: (note: string) =>
    `${note.charAt(0).toUpperCase()}${note.slice(1)}. Its vector is a bag of the query's tokens, so cosine tracks shared characters, not meaning.`,
  keywordOnly:
    'No model ran for this query (keyword mode or the model is not ready): the dense steps are skipped.',
  whyThis: 'Why this result',
  why: {
    title: 'Why this result',
    dense: (rank: number, cosine: number) => `Semantic rank #${rank}, cosine ${cosine.toFixed(3)}`,
    noDense: 'Not in the semantic ranking',
    keyword: (rank: number) => `Keyword rank #${rank}`,
    noKeyword: 'Not in the keyword ranking',
    terms: 'matched terms',
    fused: (score: number) => `Fused score ${score.toFixed(5)}`,
  },
  stages: {
    normalise: {
      title: '1 · Normalise',
      explain:
        'Before anything else the text is brought to one form. The zh models read simplified script, so traditional characters are converted; keyword search also folds full-width forms (NFKC) and upper case.',
      typed: 'Typed',
      model: 'Model reads',
      keyword: 'Keyword side reads',
      unchanged: 'unchanged',
      changed: (n: number) => `${n} character${n === 1 ? '' : 's'} changed`,
      instruction: 'Instruction prefix',
      instructionExplain:
        'BGE models embed a short query with this instruction in front (passages never get it), which puts queries and passages where they match best.',
    },
    tokenise: {
      title: '2 · Tokenise (WordPiece)',
      explain:
        'The tokenizer cuts the text into pieces from a fixed vocabulary and replaces each by its id. Chinese characters are one token each; Latin words split into pieces marked ##; [CLS] opens and [SEP] closes the input; [UNK] is a word the vocabulary lacks.',
      count: (n: number, max: number) => `${n} of ${max} tokens`,
      from: 'from',
    },
    tensors: {
      title: '3 · Input tensors and the model',
      explain:
        'The ids become tensors: one row per text, one column per token. The attention mask marks real tokens, token_type_ids which sentence a token belongs to. The model then runs all its layers over them on this device.',
      card: 'Model card',
      layers: 'layers',
      hidden: 'hidden size',
      heads: 'attention heads',
      params: 'parameters',
      dtype: 'weights dtype',
      device: 'device',
      threads: 'threads',
      fileSize: 'model file',
      intermediate: 'feed-forward size',
    },
    vector: {
      title: '4 · Output → CLS pooling → L2 normalisation → query vector',
      explain:
        'The model outputs one vector per token (last_hidden_state). BGE keeps only the [CLS] token’s vector and scales it to length 1, so a dot product with a passage vector is their cosine.',
      output: 'last_hidden_state',
      pooled: 'after CLS pooling',
      norm: (n: number) => `length before normalising ${n.toFixed(3)}, after 1`,
      hover: 'Hover a cell for its index and value.',
      cell: (i: number, v: number) => `dimension ${i}: ${v.toFixed(4)}`,
    },
    dense: {
      title: '5 · Dense side: cosine against every passage',
      explain:
        'The query vector is compared with every stored passage vector. Most passages score low; the few on the right are the semantic top hits, marked here.',
      passages: (n: number) => `${n} passages scored`,
      top: 'bins holding the shown hits',
    },
    keyword: {
      title: '6 · Keyword side: BM25 terms',
      explain:
        'Keyword search cuts the normalised query into terms (character pairs for Chinese, words for Latin) and scores passages by BM25: rare terms that occur often in a short passage count most.',
      terms: 'Query terms',
      contribution: 'Each term’s share of the BM25 score of the shown hits',
      none: 'No term of this query occurs in the shown hits.',
    },
    fusion: {
      title: '7 · Fusion (reciprocal rank)',
      explain:
        'The two rankings are merged by position, not score: each side adds 1 / (60 + rank). A passage both sides rank well beats one only a single side ranks first.',
      final: 'final',
      passage: 'passage',
      denseRank: 'semantic rank',
      keywordRank: 'keyword rank',
      denseShare: 'semantic 1/(60+r)',
      keywordShare: 'keyword 1/(60+r)',
      fused: 'fused score',
    },
    waterfall: {
      title: '8 · Where the time went',
      explain:
        'Every stage measured on this run, in the worker (normalise to inspect) and on the page (transfer and render). Nothing is estimated.',
      total: (ms: number) => `total ${ms.toFixed(1)} ms (page-measured, request to rendered)`,
    },
  },
  stageNames: {
    normalise: 'normalise',
    tokenise: 'tokenise',
    inference: 'inference',
    pooling: 'pooling + L2',
    scan: 'vector scan',
    keyword: 'keyword (BM25)',
    fusion: 'fusion (RRF)',
    highlight: 'highlight + results',
    inspect: 'collect this trace',
    transfer: 'worker ↔ page',
    render: 'render',
  } satisfies Record<Stage, string>,
  map: {
    explain:
      'Every passage vector squeezed onto a plane. PCA keeps the two directions of most spread (instant); UMAP keeps neighbours together (slower, fixed seed). Points are coloured by article; the query is the black ring with lines to its top hits.',
    pca: 'PCA',
    umap: 'UMAP',
    computing: (percent: number) => `Computing UMAP in a worker… ${percent}%`,
    loading: 'Reading passage vectors…',
    points: (n: number) => `${n} passages`,
    clickHint: 'Hover a point to read it; click to open it in its article.',
    notReady: 'The map needs the model and its index.',
  },
  lab: {
    explain:
      'Embeds synthetic passages at several batch sizes and lengths with the loaded model, on WASM with one thread and with all threads, and on WebGPU when this browser has an adapter.',
    why: 'WebGPU loses at batch 1 because every run pays a fixed cost to upload inputs, launch many small GPU kernels and read the result back; with large batches that cost is shared by many passages and the GPU’s parallel arithmetic wins.',
    run: 'Run the device lab',
    running: (done: number, total: number) => `Measuring ${done} of ${total}…`,
    model: (id: string) => `Model: ${id}`,
    device: 'device',
    threads: 'threads',
    batch: 'batch',
    seq: 'tokens',
    ms: 'ms',
    perSec: 'passages/s',
    gflops: 'GFLOP/s',
    peak: 'of MatMul peak',
    peakValue: (gflops: number, threads: number) =>
      `Measured WASM MatMul peak: ${gflops.toFixed(1)} GFLOP/s (${threads} thread${threads === 1 ? '' : 's'})`,
    json: 'Save JSON',
    csv: 'Save CSV',
    noWebgpu: 'No WebGPU adapter in this browser: WebGPU rows are skipped.',
  },
} as const;
