import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, type Box } from '../../../../../src/parts/canvas/box.ts';
import { freeSpot } from '../../../../../src/screens/builder/editing/freeSpot.ts';
import { pushDown } from '../../../../../src/screens/builder/editing/pushDown.ts';

const SIZE = { width: 260, height: 84 };
const box = (x: number, y: number): Box => ({ x, y, ...SIZE });

/** The boxes after the moves, by id. */
const after = (boxes: ReadonlyMap<string, Box>, moves: ReadonlyMap<string, { x: number; y: number }>) =>
  new Map([...boxes].map(([id, original]) => [id, { ...original, ...moves.get(id) }]));

/** Pairs of boxes (the placed one as `new`) that overlap. */
function overlaps(boxes: ReadonlyMap<string, Box>, placed: Box): string[] {
  const all = [...boxes, ['new', placed] as const];
  return all.flatMap(([a, first], i) => all.slice(i + 1).flatMap(([b, second]) => (boxesOverlap(first, second) ? [`${a} / ${b}`] : [])));
}

describe('pushDown', () => {
  // A chain as the example draws it: a node every 120 px, 36 px apart.
  const chain = new Map([
    ['trigger', box(0, 0)],
    ['ack', box(0, 120)],
    ['wait', box(0, 240)],
    ['check-in', box(0, 360)],
  ]);

  it('moves what follows an insertion down together, by the room the new step needs', () => {
    // Inserted between ack and wait, right under ack.
    const placed = box(0, 240);
    const moves = pushDown(placed, chain, ['wait', 'check-in']);
    // wait must start at 240 + 84 + 20 = 344, snapped to 360: a shift of 120 for both.
    expect(moves).toEqual(new Map([['wait', { x: 0, y: 360 }], ['check-in', { x: 0, y: 480 }]]));
    expect(overlaps(after(chain, moves), placed)).toEqual([]);
  });

  it('moves nothing when there is room already', () => {
    const spaced = new Map([['a', box(0, 0)], ['b', box(0, 400)]]);
    expect(pushDown(box(0, 120), spaced, ['b'])).toEqual(new Map());
    expect(pushDown(box(0, 120), spaced, [])).toEqual(new Map());
  });

  it('takes along a node the moved ones would land on, and leaves one beside them', () => {
    const boxes = new Map([
      ['a', box(0, 0)],
      ['b', box(0, 120)],
      // Not after the insertion, but right under b: b would land on it.
      ['other', box(0, 240)],
      // In another column: nothing lands on it.
      ['beside', box(400, 160)],
    ]);
    const placed = box(0, 120);
    const moves = pushDown(placed, boxes, ['b']);
    expect([...moves.keys()].sort()).toEqual(['b', 'other']);
    expect(overlaps(after(boxes, moves), placed)).toEqual([]);
  });

  it.each([
    ['a chain whose every node follows', 120, (ids: string[]) => ids.slice(1)],
    // Packed a gap apart: moving the one that follows pushes each of the others into the next.
    ['a packed column where one node follows', 104, (ids: string[]) => ids.slice(1, 2)],
  ])('pushes down %s, of 2,000 nodes, in bounded time', (_name, spacing, following) => {
    const boxes = new Map(Array.from({ length: 2000 }, (_, i) => [`s${i}`, box(0, i * spacing)] as const));
    const placed = box(0, spacing);
    const started = performance.now();
    const moves = pushDown(placed, boxes, following([...boxes.keys()]));
    // A guard against a hang (a cascade that never settles), not a speed target: those are in `npm run bench`.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(moves.size).toBe(1999);
    // One column: apart when each box ends (a gap) before the next starts.
    const column = [...after(boxes, moves).values(), placed].sort((a, b) => a.y - b.y);
    expect(column.filter((upper, i) => i > 0 && (column[i - 1] as Box).y + SIZE.height > upper.y)).toEqual([]);
  });

  it('leaves nothing overlapping, on any layout without overlaps (property)', () => {
    // Nodes on distinct cells of a 280 × 120 grid never overlap; some of them follow the insertion.
    const layoutArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 30, selector: ([c, r]) => `${c},${r}` });
    fc.assert(
      fc.property(layoutArb, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 75 }), (cells, follows, x, y) => {
        const boxes = new Map<string, Box>(cells.map(([column, row], i) => [`n${i}`, box(column * 280, row * 120)]));
        const following = [...boxes.keys()].filter((_, i) => follows[i]);
        const want = box(x * 20, y * 20);
        const staying = [...boxes].filter(([id]) => !following.includes(id)).map(([, placed]) => placed);
        const placed = { ...want, ...freeSpot(want, staying) };
        const moves = pushDown(placed, boxes, following);
        expect(overlaps(after(boxes, moves), placed)).toEqual([]);
        for (const [id, to] of moves) expect(to.y).toBeGreaterThan((boxes.get(id) as Box).y);
      }),
      { numRuns: 300 },
    );
  });
});
