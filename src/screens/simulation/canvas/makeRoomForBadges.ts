/** A node's box in flow coordinates: where the document puts it, and how big it is drawn. */
export interface NodeBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface RoomOptions {
  /**
   * How tall a node is taken to be when telling whether two nodes stand side by side (their rows
   * overlap), before any badge: the builder's nominal node height. A measured height would count a
   * node with a tall badge as beside the node below it and push that one sideways out of its column.
   */
  readonly rowHeight: number;
  /** The least horizontal gap between nodes side by side, room for the edges between them. */
  readonly gapX: number;
  /** The least vertical gap between a node and one below it. */
  readonly gapY: number;
}

type Point = { x: number; y: number };

const overlaps = (start: number, end: number, otherStart: number, otherEnd: number) => start < otherEnd && otherStart < end;

/** Groups of equal `key`, in ascending order of it. */
function ranks<T>(items: readonly T[], key: (item: T) => number, tie: (item: T) => number): T[][] {
  const sorted = [...items].sort((a, b) => key(a) - key(b) || tie(a) - tie(b));
  const groups: T[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last && key(last[0] as T) === key(item)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * Where to draw each node on the simulation's canvas so that no two nodes — each as wide as its
 * card and the badge beside it, as tall as the taller of the two — overlap. Nodes side by side in
 * the document move apart to the right, and nodes above and below move apart downwards, each by the
 * least that makes room; the shift only grows along each axis, so columns stay columns, rows stay
 * rows and no gap the document has ever shrinks. A Workflow whose nodes already have room keeps its
 * layout exactly. (Nodes the document puts at the very same place stay there: no order tells which
 * should move; the builder never places them so.)
 *
 * @example makeRoomForBadges([{ id: 'a', x: 0, y: 0, width: 500, height: 90 }, { id: 'b', x: 320, y: 0, width: 500, height: 90 }], { rowHeight: 84, gapX: 40, gapY: 12 })
 *          // b moves to x = 540
 */
export function makeRoomForBadges(boxes: readonly NodeBox[], options: RoomOptions): ReadonlyMap<string, Point> {
  const placed = new Map<string, Point>(boxes.map((box) => [box.id, { x: box.x, y: box.y }]));

  // Columns: a node must start right of every node to its left whose row overlaps its own.
  let shiftX = 0;
  const left: NodeBox[] = [];
  for (const column of ranks(boxes, (box) => box.x, (box) => box.y)) {
    for (const box of column)
      for (const other of left)
        if (overlaps(box.y, box.y + options.rowHeight, other.y, other.y + options.rowHeight))
          shiftX = Math.max(shiftX, (placed.get(other.id) as Point).x + other.width + options.gapX - box.x);
    for (const box of column) (placed.get(box.id) as Point).x = box.x + shiftX;
    left.push(...column);
  }

  // Rows: a node must start below every node above it that it now overlaps horizontally.
  let shiftY = 0;
  const above: NodeBox[] = [];
  for (const row of ranks(boxes, (box) => box.y, (box) => box.x)) {
    for (const box of row) {
      const x = (placed.get(box.id) as Point).x;
      for (const other of above) {
        const at = placed.get(other.id) as Point;
        if (overlaps(x, x + box.width, at.x, at.x + other.width)) shiftY = Math.max(shiftY, at.y + other.height + options.gapY - box.y);
      }
    }
    for (const box of row) (placed.get(box.id) as Point).y = box.y + shiftY;
    above.push(...row);
  }
  return placed;
}
