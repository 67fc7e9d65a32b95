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

/** Mean of each dimension of the packed row-major vectors, in one pass over the rows. */
function columnMeans(vectors: Float32Array, dims: number): Float64Array {
  const mean = new Float64Array(dims);
  for (let offset = 0; offset < vectors.length; offset += dims) {
    for (let d = 0; d < dims; d++) mean[d]! += vectors[offset + d]!;
  }
  const rows = vectors.length / dims;
  for (let d = 0; d < dims; d++) mean[d]! /= rows;
  return mean;
}

/**
 * The packed vectors minus `mean`, as a druidjs matrix, built in one pass by the constructor's accessor:
 * druidjs's `sub` clones the matrix and calls a closure per entry, and `new Matrix(r, c, 0)` writes every
 * zero once more before `set` writes the data (with `meanCols`, ~470 ms of the old 1 s at 10,000 × 512).
 */
function centredMatrix(vectors: Float32Array, dims: number, mean: Float64Array): Matrix {
  return new Matrix(vectors.length / dims, dims, (row, col) => vectors[row * dims + col]! - mean[col]!);
}

/** Width of each block of the Krylov space: the two components and room for the ones after them. */
const BLOCK = 4;
/** Krylov steps; each multiplies the centred rows and their transpose by the latest block once. */
const STEPS = 8;
/** Seed of the starting block and of druidjs's power iteration: the same vectors always give the same axes. */
const PCA_SEED = 1212;

/**
 * Orthonormal basis of the block Krylov space [B, CB, C²B, …] of the centred rows' covariance C (up to
 * scale), from a seeded Gaussian start block B: each step multiplies the latest block by the rows and
 * their transpose (druidjs `dot`, `transDot`, WASM SIMD) and re-orthonormalises it (druidjs `qr`); the
 * whole space is orthonormalised twice at the end, as Gram–Schmidt loses orthogonality once.
 */
function krylovBasis(centred: Matrix, dims: number): Matrix {
  const random = new Randomizer(PCA_SEED);
  const width = Math.min(BLOCK, dims);
  let block = qr(new Matrix(dims, width, () => random.gauss_random())).Q;
  let basis = block;
  for (let step = 0; step < STEPS && (step + 2) * width <= dims; step++) {
    block = qr(centred.transDot(centred.dot(block))).Q;
    basis = basis.concat(block, 'horizontal');
  }
  return qr(qr(basis).Q).Q;
}

/**
 * Principal component analysis onto the first two components (centred, not scaled), by the randomised
 * block Krylov method (Musco and Musco, 2015): the leading directions of the centred rows are found in a
 * Krylov space of 36 directions, then the exact Rayleigh–Ritz step takes that space's 36 × 36 covariance
 * and its two leading eigenvectors (druidjs `simultaneous_poweriteration`). Every product, QR step and
 * eigenvector is druidjs's. For 10,000 × 512 this passes over the rows 18 times instead of forming the
 * 512 × 512 covariance (druidjs's own PCA, 3.5 s in a fresh worker) or a full SVD of the rows (ml-pca,
 * 30–60 s), and still finds the second axis when the second and third variances differ by 3 %.
 *
 * @example
 * const { points, place } = pcaProjection(vectors, 512);
 * place(queryVector); // [x, y]
 */
export function pcaProjection(vectors: Float32Array, dims: number): Projection {
  if (vectors.length < 2 * dims) throw new Error('projection: PCA needs at least two vectors');
  const mean = columnMeans(vectors, dims);
  const centred = centredMatrix(vectors, dims, mean);
  const basis = krylovBasis(centred, dims);
  const inBasis = centred.dot(basis);
  const { eigenvectors } = simultaneous_poweriteration(inBasis.transDot(inBasis), 2, {
    seed: PCA_SEED,
    max_iterations: 5000,
    tol: 1e-14,
  });
  // Orthonormal again: with fewer vectors than three the covariance has one direction and the power
  // iteration's second vector is round-off, no longer exactly orthogonal to the first (druidjs `qr`).
  const axes = qr(basis.dot(Matrix.from(eigenvectors).transpose())).Q;
  const project = (rows: Matrix) => Float32Array.from(rows.dot(axes).values);
  return {
    points: project(centred),
    place: (vector) => {
      const [x = 0, y = 0] = project(centredMatrix(vector, dims, mean));
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
