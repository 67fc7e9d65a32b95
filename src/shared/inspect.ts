/**
 * The inspector's part of the worker protocol: the trace a search returns when asked (`inspect: true`),
 * and the passage vectors the embedding map projects. Types only.
 */
import type { FusionRow } from '../core/inspect/fusion-table';
import type { Histogram } from '../core/inspect/histogram';
import type { TermContribution } from '../core/inspect/keyword-terms';
import type { StageTiming } from '../core/inspect/stages';
import type { TokenSpan } from '../core/inspect/token-map';

/** Shape and element type of one tensor. */
export interface TensorInfo {
  /** Input or output name, e.g. `input_ids`. */
  name: string;
  /** Dimensions, e.g. `[1, 14]`. */
  shape: number[];
  /** Element type, e.g. `int64`. */
  dtype: string;
}

/** The model's architecture, as its config states it. */
export interface ModelShape {
  /** Transformer layers. */
  layers: number;
  /** Hidden size (vector length before pooling). */
  hidden: number;
  /** Attention heads per layer. */
  heads: number;
  /** Feed-forward size. */
  intermediate: number;
  /** Vocabulary size. */
  vocab: number;
  /** Longest input in tokens. */
  maxPositions: number;
  /** Parameters of a BERT encoder of this shape (embeddings and layers, no pooler). */
  parameters: number;
}

/** What the model did with the query, step by step. */
export interface EmbedTrace {
  /** The text tokenised (instruction included; simplified script for zh models). */
  modelText: string;
  /** Tokens with ids and the characters they came from. */
  tokens: TokenSpan[];
  /** The model inputs. */
  inputs: TensorInfo[];
  /** The `last_hidden_state` output. */
  output: TensorInfo;
  /** Shape after pooling, e.g. `[1, 512]`. */
  pooledShape: number[];
  /** Length (L2 norm) of the pooled vector before normalisation. */
  pooledNorm: number;
  /** The query vector the index was searched with. */
  vector: Float32Array;
  /** Architecture from the model config. */
  shape: ModelShape;
  /** Measured times of normalise, tokenise, inference and pooling. */
  timings: StageTiming[];
}

/** Everything the inspector shows for one search, computed from that search. */
export interface SearchTrace {
  /** Query as typed. */
  query: string;
  /** The model's instruction prefix ('' when none or no model ran). */
  instruction: string;
  /** Query as the keyword side matches it (NFKC, simplified, lower case). */
  keywordText: string;
  /** Present when the dense side ran. */
  embed?: EmbedTrace;
  /** Cosine scores of every searchable passage (present when the dense side ran). */
  cosine?: { histogram: Histogram; passages: number };
  /** Each keyword term's BM25 contribution to the shown hits. */
  keywordTerms: TermContribution[];
  /** Dense rank, keyword rank and each side's RRF share for the shown hits. */
  fusion: FusionRow[];
  /** Stage times measured in the worker. */
  timings: StageTiming[];
}

/** All passage vectors of the current index, for the embedding map. */
export interface PassageVectors {
  /** Changes whenever the index changes (model, passages); projections are cached under it. */
  version: string;
  /** The registry's note when the model is a test model (its map clusters by shared characters). */
  testModel?: string;
  /** Components per vector. */
  dims: number;
  /** Passage ids, row order. */
  ids: string[];
  /** Index into `documents` per row. */
  docOf: number[];
  /** Where each passage starts and ends in its document's cleaned text, to open it in context. */
  spans: [number, number][];
  /** The first characters of each passage, for hover. */
  previews: string[];
  /** Documents, for colours and the legend. */
  documents: { id: string; title: string }[];
  /** Packed `ids.length × dims` floats. */
  vectors: Float32Array;
}
