import { describe, expect, it } from 'vitest';
import { makeRoomForBadges, type NodeBox } from '../../../../../src/screens/simulation/canvas/makeRoomForBadges.ts';

const OPTIONS = { rowHeight: 84, gapX: 40, gapY: 12 };
/** A simulated node: the 260 px card and its 254 px badge lane, ~100 px tall. */
const node = (id: string, x: number, y: number, height = 100): NodeBox => ({ id, x, y, width: 514, height });

const boxesAfter = (boxes: readonly NodeBox[]) => {
  const placed = makeRoomForBadges(boxes, OPTIONS);
  return boxes.map((box) => ({ ...box, ...placed.get(box.id) }));
};
const overlap = (a: NodeBox, b: NodeBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const overlapping = (boxes: readonly NodeBox[]) => boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.id}/${b.id}`));

describe('makeRoomForBadges', () => {
  it('keeps a column whose nodes have room exactly where the document puts it', () => {
    const column = [node('trigger', 0, 0), node('ack', 0, 120), node('wait', 0, 240), node('done', 0, 360, 60)];
    expect(boxesAfter(column)).toEqual(column);
  });

  it('moves a branch standing beside another right, by the least that clears the badge lane, and the nodes under it with it', () => {
    // The hot lead: "Send pricing" at x −160 and "No rush" at +160, 60 px apart as cards only.
    const placed = makeRoomForBadges([node('ask', 0, 240), node('pricing', -160, 360), node('no-rush', 160, 360), node('wait', 0, 480), node('side', 160, 600)], OPTIONS);
    expect(placed.get('pricing')).toEqual({ x: -160, y: 360 });
    expect(placed.get('no-rush')).toEqual({ x: -160 + 514 + 40, y: 360 });
    // The column of "No rush" stays a column; the middle one, touching no other row, stays put.
    expect(placed.get('side')?.x).toBe(placed.get('no-rush')?.x);
    expect(placed.get('ask')).toEqual({ x: 0, y: 240 });
    expect(placed.get('wait')).toEqual({ x: 0, y: 480 });
  });

  it('moves the rows under a badge taller than its card down, all by the same amount, so rows stay rows', () => {
    const boxes = [node('a', 0, 0), node('tall', 0, 120, 190), node('b', 0, 240), node('beside', 700, 240), node('c', 0, 360)];
    const placed = makeRoomForBadges(boxes, OPTIONS);
    expect(placed.get('tall')).toEqual({ x: 0, y: 120 });
    expect(placed.get('b')).toEqual({ x: 0, y: 120 + 190 + 12 });
    expect(placed.get('beside')?.y).toBe(placed.get('b')?.y);
    expect((placed.get('c')?.y ?? 0) - (placed.get('b')?.y ?? 0)).toBe(120);
  });

  it('leaves no two nodes overlapping in a crowded document: staggered rows 110 px apart, cards 150 px apart, some badges tall', () => {
    const boxes: NodeBox[] = [];
    for (let row = 0; row < 6; row++) for (let column = 0; column < 5; column++) boxes.push(node(`n${row}-${column}`, column * 300 - (row % 2) * 150, row * 110, 60 + ((row * 7 + column * 3) % 5) * 40));
    expect(overlapping(boxes).length).toBeGreaterThan(0);
    expect(overlapping(boxesAfter(boxes))).toEqual([]);
  });

  it('never brings two nodes closer than the document has them', () => {
    const boxes = [node('a', 0, 0), node('b', 600, 0), node('c', 300, 200), node('d', 1400, 130)];
    const after = boxesAfter(boxes);
    for (let i = 0; i < boxes.length; i++)
      for (let j = 0; j < boxes.length; j++) {
        const [before1, before2, after1, after2] = [boxes[i], boxes[j], after[i], after[j]] as [NodeBox, NodeBox, NodeBox, NodeBox];
        if (before1.x <= before2.x) expect(after2.x - after1.x).toBeGreaterThanOrEqual(before2.x - before1.x);
        if (before1.y <= before2.y) expect(after2.y - after1.y).toBeGreaterThanOrEqual(before2.y - before1.y);
      }
  });
});
