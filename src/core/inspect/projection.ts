/**
 * 2-D projections of passage vectors for the embedding map: PCA (druidjs) and UMAP (umap-js, seeded).
 * Pure: runs in the projection worker and in Node tests.
 */
import { Matrix, qr, Randomizer, simultaneous_poweriteration } from '@saehrimnir/druidjs';
import { UMAP } from 'umap-js';
import { mulberry32 } from '../random';

/** Projected points, packed `[x0, y0, x1, y1, …]`, and a way to place a new vector (the query). */
export interface Projection {
  /** Two coordinates per input row. */
  points: Float32Array;
  /** Projects one more vector into the same plane. */
  place(vector: Float32Array): [number, number];
}

function rows(vectors: Float32Array, dims: number): number[][] {
  const out: number[][] = [];
  for (let offset = 0; offset < vectors.length; offset += dims) {
    out.push(Array.from(vectors.subarray(offset, offset + dims)));
  }
  return out;
}

function pack(coordinates: number[][]): Float32Array {
  const points = new Float32Array(coordinates.length * 2);
  coordinates.forEach(([x, y], i) => {
    points[2 * i] = x ?? 0;
    points[2 * i + 1] = y ?? 0;
  });
  return points;
}

/** Row-major rows × dims matrix of the packed vectors, in double precision (druidjs's storage). */
function matrix(vectors: Float32Array, dims: number): Matrix {
  const out = new Matrix(vectors.length / dims, dims, 0);
  out.values.set(vectors);
  return out;
}

/** Width of the block of directions refined together: the two components and room for the ones after. */
const BLOCK = 10;
/** Rounds of subspace iteration; each multiplies the centred rows and their transpose by the block once. */
const ROUNDS = 6;
/** Seed of the starting block and of druidjs's power iteration: the same vectors always give the same axes. */
const PCA_SEED = 1212;

/**
 * Principal component analysis onto the first two components (centred, not scaled). The leading
 * directions of the centred rows come from subspace iteration on a block of ten (the randomised range
 * finder of Halko, Martinsson and Tropp), then the exact Rayleigh–Ritz step: the block's 10 × 10 covariance
 * and its two leading eigenvectors. Every product, the QR step and the eigenvectors are druidjs's (its
 * products run in WASM SIMD). For 10,000 × 512 this multiplies the rows by 512 × 10 blocks a dozen times
 * instead of forming the 512 × 512 covariance (druidjs's own PCA, 3.5 s in a fresh worker) or a full SVD of
 * the rows (ml-pca, 30–60 s).
 *
 * @example
 * const { points, place } = pcaProjection(vectors, 512);
 * place(queryVector); // [x, y]
 */
export function pcaProjection(vectors: Float32Array, dims: number): Projection {
  if (vectors.length < 2 * dims) throw new Error('projection: PCA needs at least two vectors');
  const data = matrix(vectors, dims);
  const mean = data.meanCols();
  const centred = data.sub(mean);
  const random = new Randomizer(PCA_SEED);
  let block = new Matrix(dims, Math.min(BLOCK, dims), () => random.gauss_random());
  for (let round = 0; round < ROUNDS; round++) block = qr(centred.transDot(centred.dot(block))).Q;
  const inBlock = centred.dot(block);
  const { eigenvectors } = simultaneous_poweriteration(inBlock.transDot(inBlock), 2, {
    seed: PCA_SEED,
    max_iterations: 1000,
  });
  const axes = block.dot(Matrix.from(eigenvectors).transpose());
  const project = (rows: Matrix) => Float32Array.from(rows.dot(axes).values);
  return {
    points: project(centred),
    place: (vector) => {
      const [x = 0, y = 0] = project(matrix(vector, dims).sub(mean));
      return [x, y];
    },
  };
}

/** UMAP options that matter here. */
export interface UmapOptions {
  /** Seed of the random generator: the same seed gives the same map. */
  seed: number;
  /** Called with the finished fraction (0–1) as the layout is optimised. */
  onProgress?: (fraction: number) => void;
}

/**
 * UMAP onto two dimensions (umap-js) with a seeded generator, so the same vectors and seed always give the
 * same map. Neighbours are capped below the point count for small indexes.
 *
 * @example
 * const { points } = umapProjection(vectors, 512, { seed: 42, onProgress: (f) => console.log(f) });
 */
export function umapProjection(vectors: Float32Array, dims: number, options: UmapOptions): Projection {
  const data = rows(vectors, dims);
  if (data.length < 3) throw new Error('projection: UMAP needs at least three vectors');
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(15, data.length - 1),
    random: mulberry32(options.seed),
  });
  const epochs = umap.initializeFit(data);
  for (let epoch = 0; epoch < epochs; epoch++) {
    umap.step();
    if (epoch % 20 === 0) options.onProgress?.(epoch / epochs);
  }
  options.onProgress?.(1);
  return {
    points: pack(umap.getEmbedding()),
    place: (vector) => umap.transform([Array.from(vector)])[0] as [number, number],
  };
}
