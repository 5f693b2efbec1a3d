import { sameColumn, sameRow, type Box } from '../../../parts/canvas/box.ts';
import type { Position } from '../../../model/workflowEdits.ts';

export interface SpacingOptions {
  /** The least room left between two nodes. */
  readonly gap?: number;
  /** Positions found are on this grid (the canvas's snap grid), rounded away from what they avoid. */
  readonly grid?: number;
}

/**
 * Moving sideways or up costs more than moving down by as much: flows run top to bottom, so a
 * step pushed out of the way belongs below more than beside, and beside more than above.
 */
const COST = { below: 1, side: 1.5, above: 2 } as const;

/**
 * Where a box wanted at `want` can go without overlapping any obstacle (nor coming closer than
 * `gap`): `want` itself when free, else the nearest free spot straight below, beside or above
 * it, below preferred (COST). Each direction is one sweep over the obstacles in its line, sorted,
 * so thousands of nodes take milliseconds, and it always ends: below the lowest obstacle is free.
 *
 * @example freeSpot({ x: 0, y: 0, width: 260, height: 84 }, [{ x: 0, y: 0, width: 260, height: 84 }]) // { x: 0, y: 120 }
 */
export function freeSpot(want: Box, obstacles: readonly Box[], { gap = 20, grid = 20 }: SpacingOptions = {}): Position {
  const up = (value: number) => Math.ceil(value / grid) * grid;
  const down = (value: number) => Math.floor(value / grid) * grid;
  const column = obstacles.filter((box) => sameColumn(box, want, gap));
  if (!column.some((box) => sameRow(box, want, gap))) return { x: want.x, y: want.y };
  const row = obstacles.filter((box) => sameRow(box, want, gap));

  // Below: obstacles by their top; each one the box would touch pushes it under that obstacle.
  let below = want.y;
  for (const box of column.toSorted((a, b) => a.y - b.y)) {
    if (box.y >= below + want.height + gap) break;
    if (box.y + box.height + gap > below) below = up(box.y + box.height + gap);
  }
  // Above: the same from the other side, obstacles by their bottom, highest bottom first.
  let above = want.y;
  for (const box of column.toSorted((a, b) => b.y + b.height - (a.y + a.height))) {
    if (box.y + box.height + gap <= above) break;
    if (box.y < above + want.height + gap) above = down(box.y - want.height - gap);
  }
  let right = want.x;
  for (const box of row.toSorted((a, b) => a.x - b.x)) {
    if (box.x >= right + want.width + gap) break;
    if (box.x + box.width + gap > right) right = up(box.x + box.width + gap);
  }
  let left = want.x;
  for (const box of row.toSorted((a, b) => b.x + b.width - (a.x + a.width))) {
    if (box.x + box.width + gap <= left) break;
    if (box.x < left + want.width + gap) left = down(box.x - want.width - gap);
  }

  const candidates = [
    { at: { x: want.x, y: below }, cost: (below - want.y) * COST.below },
    { at: { x: right, y: want.y }, cost: (right - want.x) * COST.side },
    { at: { x: left, y: want.y }, cost: (want.x - left) * COST.side },
    { at: { x: want.x, y: above }, cost: (want.y - above) * COST.above },
  ];
  // Below first on a tie; a cost that is not a number (coordinates beyond precision) never wins.
  let best = candidates[0] as (typeof candidates)[number];
  for (const candidate of candidates.slice(1)) if (candidate.cost < best.cost) best = candidate;
  return best.at;
}
