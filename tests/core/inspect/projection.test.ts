import { PCA } from 'ml-pca';
import { describe, expect, it } from 'vitest';
import { pcaProjection, umapProjection } from '../../../src/core/inspect/projection';
import { mulberry32 } from '../../../src/core/random';

/** Points on a line along `direction` (spread ±10) plus small noise in every dimension. */
function lineData(direction: number[], rows: number): Float32Array {
  const random = mulberry32(7);
  const dims = direction.length;
  const data = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    const t = (r / (rows - 1)) * 20 - 10;
    for (let d = 0; d < dims; d++) data[r * dims + d] = t * direction[d]! + (random() - 0.5) * 0.01;
  }
  return data;
}

describe('pcaProjection', () => {
  it('puts the spread of data along a known direction on the first axis', () => {
    const direction = [0.6, 0, 0.8, 0];
    const { points, place } = pcaProjection(lineData(direction, 50), 4);
    const xs = Array.from({ length: 50 }, (_, i) => Math.abs(points[2 * i]!));
    const ys = Array.from({ length: 50 }, (_, i) => Math.abs(points[2 * i + 1]!));
    expect(Math.max(...xs)).toBeCloseTo(10, 1);
    expect(Math.max(...ys)).toBeLessThan(0.05);
    // A new point 5 units along the direction lands 5 from the centre on the first axis.
    const [x, y] = place(Float32Array.from(direction.map((v) => v * 5)));
    expect(Math.abs(x)).toBeCloseTo(5, 1);
    expect(Math.abs(y)).toBeLessThan(0.05);
  });

  it('is the same PCA as ml-pca’s full SVD: the same two axes up to sign, the same variance on each', () => {
    // Latent factors mixed into 80 dimensions, more than the 36 directions of the PCA's Krylov space, so
    // the space must find the components; the 2nd and 3rd spreads differ by 5 % (variances by 10 %).
    const random = mulberry32(11);
    const [rows, dims] = [400, 80];
    const spreads = [3, 2.1, 2, 1.2, 1, 0.8, 0.6];
    const mixing = spreads.map(() => Array.from({ length: dims }, () => random() - 0.5));
    const data = new Float32Array(rows * dims);
    for (let r = 0; r < rows; r++) {
      const factors = spreads.map((spread) => (random() - 0.5) * spread);
      for (let d = 0; d < dims; d++) {
        const mixed = factors.reduce((sum, factor, f) => sum + factor * mixing[f]![d]!, 0);
        data[r * dims + d] = mixed + (random() - 0.5) * 0.05;
      }
    }
    const ours = pcaProjection(data, dims).points;
    const asRows = Array.from({ length: rows }, (_, r) =>
      Array.from(data.subarray(r * dims, (r + 1) * dims)),
    );
    const reference = new PCA(asRows, { method: 'SVD' });
    const expected = reference.predict(asRows, { nComponents: 2 }).to2DArray();
    for (const axis of [0, 1]) {
      const sign = Math.sign(ours[axis]!) * Math.sign(expected[0]![axis]!);
      for (let r = 0; r < rows; r++) expect(ours[2 * r + axis]! * sign).toBeCloseTo(expected[r]![axis]!, 3);
      const variance = asRows.reduce((sum, _, r) => sum + ours[2 * r + axis]! ** 2, 0) / (rows - 1);
      expect(variance / reference.getEigenvalues()[axis]!).toBeCloseTo(1, 3);
    }
  });

  it('keeps distances for an index of two or three passages: all their spread is on the map, none invented', () => {
    const random = mulberry32(5);
    for (const rows of [2, 3]) {
      const data = Float32Array.from({ length: rows * 512 }, () => random() - 0.5);
      const mean = new Float64Array(512);
      data.forEach((value, i) => (mean[i % 512]! += value / rows));
      const spread = data.reduce((sum, value, i) => sum + (value - mean[i % 512]!) ** 2, 0);
      const { points } = pcaProjection(data, 512);
      const shown = points.reduce((sum, value) => sum + value ** 2, 0);
      expect(shown / spread).toBeCloseTo(1, 4);
      if (rows === 2) expect(Math.abs(points[1]!)).toBeLessThan(1e-4);
    }
  });

  it('refuses fewer than two vectors with a message', () => {
    expect(() => pcaProjection(new Float32Array(4), 4)).toThrow('projection: PCA needs at least two vectors');
  });
});

describe('umapProjection', () => {
  const data = (() => {
    const random = mulberry32(3);
    return Float32Array.from({ length: 40 * 8 }, () => random());
  })();

  it('gives the same map for the same seed and reports progress up to 1', () => {
    const progress: number[] = [];
    const first = umapProjection(data, 8, { seed: 42, onProgress: (f) => progress.push(f) });
    const second = umapProjection(data, 8, { seed: 42 });
    expect(Array.from(first.points)).toEqual(Array.from(second.points));
    expect(first.points.length).toBe(80);
    expect(progress.at(-1)).toBe(1);
    expect(progress[0]).toBe(0);
  });

  it('gives another map for another seed', () => {
    const first = umapProjection(data, 8, { seed: 42 });
    const other = umapProjection(data, 8, { seed: 43 });
    expect(Array.from(first.points)).not.toEqual(Array.from(other.points));
  });
});
