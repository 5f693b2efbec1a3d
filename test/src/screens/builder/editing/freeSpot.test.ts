import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, type Box } from '../../../../../src/parts/canvas/box.ts';
import { freeSpot } from '../../../../../src/screens/builder/editing/freeSpot.ts';

const SIZE = { width: 260, height: 84 };
const box = (x: number, y: number, size = SIZE): Box => ({ x, y, ...size });
const overlapping = (at: { x: number; y: number }, obstacles: readonly Box[], gap = 20) => obstacles.filter((obstacle) => boxesOverlap(box(at.x, at.y), obstacle, gap));

describe('freeSpot', () => {
  it('keeps a free spot as it is', () => {
    expect(freeSpot(box(0, 0), [])).toEqual({ x: 0, y: 0 });
    expect(freeSpot(box(0, 0), [box(0, 200), box(300, 0)])).toEqual({ x: 0, y: 0 });
  });

  it('moves off a taken spot to straight below the node there, a gap apart, on the grid', () => {
    // 84 + 20 = 104, up to the grid: 120.
    expect(freeSpot(box(0, 0), [box(0, 0)])).toEqual({ x: 0, y: 120 });
    expect(freeSpot(box(40, 20), [box(0, 0)])).toEqual({ x: 40, y: 120 });
  });

  it('goes below the whole column when a few nodes are stacked there', () => {
    const column = [box(0, 0), box(0, 120), box(0, 240)];
    expect(freeSpot(box(0, 100), column)).toEqual({ x: 0, y: 360 });
  });

  it('goes beside a long column rather than far below it', () => {
    const column = Array.from({ length: 10 }, (_, i) => box(0, i * 120));
    const spot = freeSpot(box(0, 100), column);
    expect(spot.y).toBe(100);
    expect(Math.abs(spot.x)).toBe(280);
    expect(overlapping(spot, column)).toEqual([]);
  });

  it('prefers below to above at the same distance', () => {
    // The wanted box overlaps a node above and one below equally; below the lower one wins over above the upper one.
    expect(freeSpot(box(0, 100), [box(0, 0), box(0, 200)])).toEqual({ x: 0, y: 320 });
  });

  it('finds the gap between two nodes when it is big enough', () => {
    const spot = freeSpot(box(0, 60), [box(0, 0), box(0, 300)]);
    expect(spot).toEqual({ x: 0, y: 120 });
    expect(overlapping(spot, [box(0, 0), box(0, 300)])).toEqual([]);
  });

  it('never lands on a node, whatever the nodes (property)', () => {
    const boxArb = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }), width: fc.integer({ min: 1, max: 20 }), height: fc.integer({ min: 1, max: 10 }) });
    fc.assert(
      fc.property(fc.array(boxArb, { maxLength: 40 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), (cells, x, y) => {
        const obstacles = cells.map((cell) => ({ x: cell.x * 20, y: cell.y * 20, width: cell.width * 20, height: cell.height * 20 }));
        const spot = freeSpot(box(x * 20, y * 20), obstacles);
        expect(overlapping(spot, obstacles)).toEqual([]);
        expect([Math.abs(spot.x % 20), Math.abs(spot.y % 20)]).toEqual([0, 0]);
      }),
      { numRuns: 300 },
    );
  });

  it('places among 2,000 nodes in bounded time', () => {
    // A dense block of 40 columns by 50 rows, and a spot wanted in its middle.
    const block = Array.from({ length: 2000 }, (_, i) => box((i % 40) * 280, Math.floor(i / 40) * 120));
    const started = performance.now();
    const spot = freeSpot(box(20 * 280, 25 * 120), block);
    // A guard against a hang (a search that never ends), not a speed target.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(overlapping(spot, block)).toEqual([]);
  });

  it('works at huge coordinates, and ends with finite numbers beyond any precision', () => {
    const far = 1e12;
    expect(freeSpot(box(far, far), [box(far, far)])).toEqual({ x: far, y: far + 120 });
    const beyond = freeSpot(box(1e300, -1e300), [box(1e300, -1e300), box(1e300, -1e300 + 1e290)]);
    expect(Number.isFinite(beyond.x) && Number.isFinite(beyond.y)).toBe(true);
    const edge = freeSpot(box(Number.MAX_VALUE / 2, 0), [box(Number.MAX_VALUE / 2, 0)]);
    expect(Number.isNaN(edge.x) || Number.isNaN(edge.y)).toBe(false);
  });
});
