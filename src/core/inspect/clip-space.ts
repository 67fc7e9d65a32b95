/**
 * Fits projected points into WebGL clip space ([-1, 1] on both axes), the coordinates the scatter plot draws.
 */

/** Share of clip space the points fill, leaving a margin for point size. */
const FILL = 0.92;

/**
 * Scales and centres packed `[x, y]` pairs uniformly (one factor for both axes, so distances keep their
 * proportions) into `[-FILL, FILL]`. All points equal: all at the origin.
 *
 * @example
 * toClipSpace(Float32Array.of(0, 0, 10, 5)); // Float32Array [-0.92, -0.46, 0.92, 0.46]
 */
export function toClipSpace(points: Float32Array): Float32Array {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < points.length; i += 2) {
    minX = Math.min(minX, points[i]!);
    maxX = Math.max(maxX, points[i]!);
    minY = Math.min(minY, points[i + 1]!);
    maxY = Math.max(maxY, points[i + 1]!);
  }
  const scale = (2 * FILL) / (Math.max(maxX - minX, maxY - minY) || 1);
  const [midX, midY] = [(minX + maxX) / 2, (minY + maxY) / 2];
  return points.map((v, i) => (i % 2 === 0 ? (v - midX) * scale : (v - midY) * scale));
}
