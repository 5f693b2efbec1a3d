/**
 * A counter-based random source: the value for (seed, a, b) is a pure hash, so contact 5,000's
 * jitter is computed without drawing the 4,999 before it, and without storing any state.
 * Returns a float in [0, 1).
 */
export function randomAt(seed: number, a: number, b: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) ^ Math.imul(b + 0x2c1b3c6d, 0x297a2d39);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
