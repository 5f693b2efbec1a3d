import { boxesOverlap, sameColumn, type Box } from '../../../parts/canvas/box.ts';
import type { SpacingOptions } from './freeSpot.ts';
import type { Position } from '../../../model/workflowEdits.ts';

/**
 * Makes room for a box placed among nodes: the `following` nodes (those after it in the flow)
 * move down together, by as much as it takes for the placed box to overlap none of them. A node
 * they would then land on moves with them, and so on, so the edit overlaps nothing new: all that
 * moves starts no higher than `line` (the highest of them), and everything that stays either
 * starts above that line — so it is above or beside what moves, which only moves away — or was
 * never in the way. Returns the new positions of the nodes that move (none when there is room).
 */
export function pushDown(placed: Box, boxes: ReadonlyMap<string, Box>, following: Iterable<string>, { gap = 20, grid = 20 }: SpacingOptions = {}): Map<string, Position> {
  const moving = new Set([...following].filter((id) => boxes.has(id)));
  if (moving.size === 0) return new Map();
  const boxOf = (id: string) => boxes.get(id) as Box;
  const line = [...moving].reduce((highest, id) => Math.min(highest, boxOf(id).y), placed.y);
  // Sorted by top, so each moved node looks only at those whose top is near its own.
  const staying = [...boxes.keys()].filter((id) => !moving.has(id) && boxOf(id).y >= line).sort((a, b) => boxOf(a).y - boxOf(b).y);
  const tallest = staying.reduce((most, id) => Math.max(most, boxOf(id).height), 0);
  const firstFrom = (top: number) => {
    let low = 0;
    let high = staying.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (boxOf(staying[middle] as string).y < top) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let shift = 0;
  for (;;) {
    // Enough to take every moving node in the placed box's column below it.
    let need = 0;
    for (const id of moving) {
      const box = boxOf(id);
      if (sameColumn(box, placed, gap)) need = Math.max(need, placed.y + placed.height + gap - box.y);
    }
    const next = Math.ceil(need / grid) * grid;
    if (next <= shift && shift > 0) break;
    shift = Math.max(shift, next);
    if (shift === 0) return new Map();
    // What the moved nodes would land on moves too; then the shift is measured again.
    const queue = [...moving];
    let grew = false;
    for (let i = 0; i < queue.length; i++) {
      const box = boxOf(queue[i] as string);
      const moved = { ...box, y: box.y + shift };
      for (let j = firstFrom(moved.y - tallest - gap); j < staying.length && boxOf(staying[j] as string).y < moved.y + moved.height + gap; j++) {
        const id = staying[j] as string;
        if (moving.has(id) || !boxesOverlap(moved, boxOf(id), gap)) continue;
        moving.add(id);
        queue.push(id);
        grew = true;
      }
    }
    if (!grew) break;
  }
  return new Map([...moving].map((id) => [id, { x: boxOf(id).x, y: boxOf(id).y + shift }]));
}
