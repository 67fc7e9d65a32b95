import { describe, expect, it } from 'vitest';
import {
  l2normalize,
  packVectors,
  unpackVectors,
  vectorsFromBytes,
  vectorsToBytes,
} from '../../../src/core/vector';
import { randomUnitVectors } from '../../../src/core/random';

describe('packing', () => {
  it('packs rows and unpacks them again', () => {
    const rows = [Float32Array.of(1, 2, 3), Float32Array.of(4, 5, 6)];
    const packed = packVectors(rows, 3);
    expect(packed).toEqual(Float32Array.of(1, 2, 3, 4, 5, 6));
    expect(unpackVectors(packed, 3)).toEqual(rows);
  });

  it('returns an already packed array as is after checking its length', () => {
    const packed = new Float32Array(6);
    expect(packVectors(packed, 3)).toBe(packed);
    expect(() => packVectors(packed, 4)).toThrow('vector: length 6 is not a multiple of dims 4');
    expect(() => packVectors([new Float32Array(2)], 3)).toThrow('vector: row 0 has 2 dims, expected 3');
  });

  it('round-trips through bytes sized to the view, not its underlying buffer', () => {
    const all = randomUnitVectors(10, 16, 8);
    const view = all.subarray(2 * 16, 5 * 16);
    const bytes = vectorsToBytes(view);
    expect(bytes.byteLength).toBe(3 * 16 * 4);
    expect(vectorsFromBytes(bytes, 16)).toEqual(view);
    expect(() => vectorsFromBytes(new ArrayBuffer(12), 2)).toThrow(
      'vector: 12 bytes do not hold whole rows of 2 floats',
    );
  });
});

describe('l2normalize', () => {
  it('scales in place to unit length', () => {
    const v = Float32Array.of(3, 4, 12);
    expect(l2normalize(v)).toBe(v);
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(Array.from(v)).toEqual([3 / 13, 4 / 13, 12 / 13].map(Math.fround));
  });

  it('gives unit length for random vectors and leaves a zero vector alone', () => {
    const v = randomUnitVectors(1, 384, 1).map((x) => x * 37);
    expect(Math.hypot(...l2normalize(v))).toBeCloseTo(1, 6);
    expect(l2normalize(new Float32Array(3))).toEqual(new Float32Array(3));
  });
});
