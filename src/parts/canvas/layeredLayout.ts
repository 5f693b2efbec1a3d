import type { Size } from './box.ts';

export interface LayoutNode extends Size {
  readonly id: string;
}

export interface LayoutEdge {
  readonly source: string;
  readonly target: string;
}

export interface LayeredLayoutOptions {
  /** Between two nodes side by side. */
  readonly nodesep: number;
  /** Between two rows. */
  readonly ranksep: number;
}

/**
 * A top-to-bottom layered layout in linear time and without recursion, for graphs too large for
 * dagre (which walks the graph recursively and runs out of stack on a path of a few thousand
 * steps). Rows by longest path from the roots; within a row, each node under the middle of what
 * leads to it, a node's targets side by side in the order of its edges, nothing overlapping. An
 * edge that closes a loop is left out of the rows (it points back up), as in dagre.
 *
 * `nodes` in the order roots are taken in (a node nothing leads to is a root; so is the first node
 * of a loop nothing else reaches); `edges` in the order each node's targets go left to right.
 * Returns each node's top-left corner.
 */
export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayeredLayoutOptions): Map<string, { x: number; y: number }> {
  // Graphs that share no edge (the main flow, the When stopped path, stray steps) are laid out
  // each on its own and set side by side, left to right in the order of their first nodes.
  const placed = new Map<string, { x: number; y: number }>();
  const groups = components(nodes, edges);
  const groupOf = new Map<string, number>();
  groups.forEach((group, g) => {
    for (const node of group) groupOf.set(node.id, g);
  });
  const groupEdges: LayoutEdge[][] = groups.map(() => []);
  for (const edge of edges) {
    const g = groupOf.get(edge.source);
    if (g !== undefined && g === groupOf.get(edge.target)) (groupEdges[g] as LayoutEdge[]).push(edge);
  }
  let left = 0;
  groups.forEach((group, g) => {
    const corners = layoutConnected(group, groupEdges[g] as LayoutEdge[], options);
    let right = left;
    for (const node of group) {
      const corner = corners.get(node.id) as { x: number; y: number };
      placed.set(node.id, { x: corner.x + left, y: corner.y });
      right = Math.max(right, corner.x + left + node.width);
    }
    left = right + options.nodesep;
  });
  return placed;
}

/** The nodes in groups linked by edges (either way), each group in `nodes` order, groups by their first node. */
function components(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): LayoutNode[][] {
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const leader = nodes.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (leader[root] !== root) root = leader[root] as number;
    // Point the path at its root, so later finds are short.
    for (let at = i; at !== root; ) {
      const up = leader[at] as number;
      leader[at] = root;
      at = up;
    }
    return root;
  };
  for (const edge of edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined) continue;
    const [ra, rb] = [find(a), find(b)];
    // The earlier node leads, so a group's leader is its first node.
    if (ra !== rb) leader[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, LayoutNode[]>();
  nodes.forEach((node, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(node);
    else groups.set(root, [node]);
  });
  return [...groups.values()];
}

function layoutConnected(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayeredLayoutOptions): Map<string, { x: number; y: number }> {
  const count = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const targets: number[][] = nodes.map(() => []);
  const hasSource = new Uint8Array(count);
  for (const edge of edges) {
    const from = index.get(edge.source);
    const to = index.get(edge.target);
    if (from === undefined || to === undefined || from === to) continue;
    (targets[from] as number[]).push(to);
    hasSource[to] = 1;
  }

  // Depth-first from the roots with an explicit stack: discovery order (left to right), finishing
  // order (its reverse orders the graph without its loops), and the edges that close a loop.
  const discovered = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const finished: number[] = [];
  const parents: number[][] = nodes.map(() => []);
  let discoveries = 0;
  const stack: number[] = [];
  const next: number[] = [];
  const enter = (node: number) => {
    discovered[node] = discoveries++;
    onStack[node] = 1;
    stack.push(node);
    next.push(0);
  };
  const visit = (root: number) => {
    enter(root);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top] as number;
      const out = targets[node] as number[];
      const i = next[top] as number;
      if (i === out.length) {
        onStack[node] = 0;
        finished.push(node);
        stack.pop();
        next.pop();
        continue;
      }
      next[top] = i + 1;
      const target = out[i] as number;
      if (onStack[target] === 1) continue;
      (parents[target] as number[]).push(node);
      if (discovered[target] === -1) enter(target);
    }
  };
  for (let i = 0; i < count; i++) if (hasSource[i] === 0 && discovered[i] === -1) visit(i);
  for (let i = 0; i < count; i++) if (discovered[i] === -1) visit(i);

  // Rows: one below the lowest of what leads to a node.
  const row = new Int32Array(count);
  let rows = 0;
  for (let k = finished.length - 1; k >= 0; k--) {
    const node = finished[k] as number;
    for (const parent of parents[node] as number[]) row[node] = Math.max(row[node] as number, (row[parent] as number) + 1);
    rows = Math.max(rows, (row[node] as number) + 1);
  }
  const byRow: number[][] = Array.from({ length: rows }, () => []);
  for (let i = 0; i < count; i++) (byRow[row[i] as number] as number[]).push(i);

  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const centre = (node: number) => (x[node] as number) + (nodes[node] as LayoutNode).width / 2;
  /** Per node, the centre it wanted, or NaN for a root (it then counts where it is). */
  const aimed = new Float64Array(count);
  let top = 0;
  for (const members of byRow) {
    // Where each node would like its centre (a root: nowhere): under the one node leading to it;
    // where paths join, in the middle of where those paths wanted to be, each place counted once —
    // so the step after a Branch's paths comes back under the Branch, and a long Workflow of
    // branches and joins runs straight down instead of drifting to the side of its widest path.
    const wanted = new Map<number, number>();
    for (const node of members) {
      const from = parents[node] as number[];
      if (from.length === 1) wanted.set(node, centre(from[0] as number));
      else if (from.length > 1) {
        const places = new Set(from.map((parent) => (Number.isNaN(aimed[parent] as number) ? centre(parent) : (aimed[parent] as number))));
        wanted.set(node, [...places].reduce((sum, place) => sum + place, 0) / places.size);
      }
    }
    for (const node of members) aimed[node] = wanted.get(node) ?? Number.NaN;
    members.sort((a, b) => (wanted.get(a) ?? Infinity) - (wanted.get(b) ?? Infinity) || (discovered[a] as number) - (discovered[b] as number));
    // Nodes that want the same centre (a Branch's targets) are centred under it as a group.
    const groups: { members: number[]; width: number; want: number | undefined }[] = [];
    for (let start = 0; start < members.length; ) {
      const want = wanted.get(members[start] as number);
      let end = start + 1;
      while (end < members.length && want !== undefined && wanted.get(members[end] as number) === want) end++;
      const group = members.slice(start, end);
      groups.push({ members: group, want, width: group.reduce((sum, node) => sum + (nodes[node] as LayoutNode).width, 0) + options.nodesep * (group.length - 1) });
      start = end;
    }
    // Groups that want overlapping places push each other apart: once pushing to the right, once to
    // the left, and the row takes the average of the two, so it stays centred under what leads to it.
    const lefts = new Float64Array(groups.length);
    let right = -Infinity;
    groups.forEach((group, g) => {
      const after = right + options.nodesep;
      lefts[g] = group.want === undefined ? (Number.isFinite(after) ? after : 0) : Math.max(group.want - group.width / 2, after);
      right = (lefts[g] as number) + group.width;
    });
    let left = Infinity;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g] as (typeof groups)[number];
      const wantedLeft = group.want === undefined ? (lefts[g] as number) : group.want - group.width / 2;
      const pushedLeft = Math.min(wantedLeft, left - options.nodesep - group.width);
      left = pushedLeft;
      lefts[g] = ((lefts[g] as number) + pushedLeft) / 2;
    }
    let height = 0;
    groups.forEach((group, g) => {
      let at = lefts[g] as number;
      for (const node of group.members) {
        const size = nodes[node] as LayoutNode;
        x[node] = at;
        y[node] = top;
        at += size.width + options.nodesep;
        height = Math.max(height, size.height);
      }
    });
    top += height + options.ranksep;
  }

  // Rows pushed right by their neighbours would leave the graph off to one side: start it at x = 0.
  let minX = Infinity;
  for (let i = 0; i < count; i++) minX = Math.min(minX, x[i] as number);
  const placed = new Map<string, { x: number; y: number }>();
  nodes.forEach((node, i) => placed.set(node.id, { x: (x[i] as number) - (count > 0 ? minX : 0), y: y[i] as number }));
  return placed;
}
