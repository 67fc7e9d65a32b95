import { describe, expect, it } from 'vitest';
import { toClipSpace } from '../../../src/core/inspect/clip-space';

describe('toClipSpace', () => {
  it('centres the points and scales both axes by one factor into clip space', () => {
    expect(Array.from(toClipSpace(Float32Array.of(0, 0, 10, 5)))).toEqual(
      [-0.92, -0.46, 0.92, 0.46].map((v) => expect.closeTo(v, 6)),
    );
  });

  it('puts identical points at the origin', () => {
    expect(Array.from(toClipSpace(Float32Array.of(3, 3, 3, 3)))).toEqual([0, 0, 0, 0]);
  });
});
