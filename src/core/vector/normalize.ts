/**
 * Scales `v` to unit Euclidean length **in place** and returns the same array.
 * A zero vector is left as zeros (it has no direction).
 *
 * @example
 * const unit = l2normalize(Float32Array.of(3, 4)); // Float32Array [0.6, 0.8]
 */
export function l2normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum === 0) return v;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inv;
  return v;
}
