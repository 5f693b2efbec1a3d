/**
 * Whether two answers of the engine hold the same data. They are plain data (numbers, strings,
 * arrays, objects whose keys the engine writes in one order), so their JSON is the same exactly
 * when they are: `sameData({ from: 0, paused: 2 }, { from: 0, paused: 2 })` is true.
 */
export function sameData(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
