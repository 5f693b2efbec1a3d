import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { autoLayout, DAGRE_NODES_AT_MOST } from '../../../../src/parts/canvas/autoLayout.ts';
import { layeredLayout } from '../../../../src/parts/canvas/layeredLayout.ts';
import { nodeSize } from '../../../../src/parts/canvas/nodeSize.ts';
import { canvasWorkflow } from '../../../bench/canvasWorkflow.ts';
import { buildWorkflow, steps } from '../../../harness/workflowFixtures.ts';

const SPACING = { nodesep: 60, ranksep: 70 };

/** Every node's box as laid out (its own size), by id. */
function boxes(workflow: Workflow): Map<string, { x: number; y: number; width: number; height: number }> {
  const placed = new Map<string, { x: number; y: number; width: number; height: number }>();
  const sized = [{ node: workflow.trigger, size: nodeSize() }, ...workflow.steps.map((step) => ({ node: step, size: nodeSize(step) }))];
  for (const { node, size } of sized) {
    if (!node.position) throw new Error(`"${node.id}" has no position`);
    placed.set(node.id, { ...node.position, ...size });
  }
  return placed;
}

/**
 * Overlapping boxes, found in n log n: the layout puts nodes in rows of one top edge each, so rows
 * must not overlap each other, nor nodes within a row.
 */
function overlaps(workflow: Workflow): string[] {
  const rows = new Map<number, { id: string; x: number; width: number; height: number }[]>();
  for (const [id, box] of boxes(workflow)) rows.set(box.y, [...(rows.get(box.y) ?? []), { id, ...box }]);
  const found: string[] = [];
  const tops = [...rows.keys()].sort((a, b) => a - b);
  tops.forEach((top, i) => {
    const row = (rows.get(top) ?? []).sort((a, b) => a.x - b.x);
    const bottom = top + Math.max(...row.map((box) => box.height));
    const next = tops[i + 1];
    if (next !== undefined && next < bottom) found.push(`rows at ${top} and ${next}`);
    row.forEach((box, j) => {
      const right = row[j + 1];
      if (right && right.x < box.x + box.width) found.push(`${box.id} / ${right.id}`);
    });
  });
  return found;
}

const upwardEdges = (workflow: Workflow) => {
  const placed = boxes(workflow);
  return workflow.edges.filter((edge) => (placed.get(edge.target)?.y ?? -Infinity) <= (placed.get(edge.source)?.y ?? Infinity));
};

const width = (workflow: Workflow) => {
  const placed = [...boxes(workflow).values()];
  return Math.max(...placed.map((box) => box.x + box.width)) - Math.min(...placed.map((box) => box.x));
};

describe('the layout of a large Workflow', () => {
  it('lays out a chain of 5,000 steps, past where dagre runs out of stack, in a straight column', () => {
    const list = Array.from({ length: 5_000 }, (_, i) => steps.send(`s${i}`, 'Hi'));
    const chain = buildWorkflow({ steps: list, edges: ['trigger>s0', ...list.slice(1).map((_, i) => `s${i}>s${i + 1}`)] });
    const laidOut = autoLayout(chain);
    expect(upwardEdges(laidOut)).toEqual([]);
    expect(overlaps(laidOut)).toEqual([]);
    expect(new Set([...boxes(laidOut).values()].map((box) => box.x)).size).toBe(1);
  });

  it('lays out 5,000 nodes of branches, questions and joins: edges down, nothing overlapping, and it runs straight down', () => {
    const laidOut = autoLayout(canvasWorkflow(5_000));
    expect(laidOut.steps).toHaveLength(4_999);
    expect(upwardEdges(laidOut)).toEqual([]);
    expect(overlaps(laidOut)).toEqual([]);
    // Each block is three nodes wide: a layout that drifted with every block would be far wider.
    expect(width(laidOut)).toBeLessThan(4 * (nodeSize().width + SPACING.nodesep));
  });

  it('switches from dagre past DAGRE_NODES_AT_MOST nodes, laying out the same rules', () => {
    // The bench's Workflows have a multiple of eight nodes: the largest dagre lays out, and the next.
    const small = canvasWorkflow(Math.floor(DAGRE_NODES_AT_MOST / 8) * 8);
    const large = canvasWorkflow(Math.floor(DAGRE_NODES_AT_MOST / 8) * 8 + 8);
    for (const laidOut of [autoLayout(small), autoLayout(large)]) {
      expect(upwardEdges(laidOut)).toEqual([]);
      expect(overlaps(laidOut)).toEqual([]);
    }
  });
});

describe('layeredLayout', () => {
  const node = (id: string, wide = 260) => ({ id, width: wide, height: 80 });

  it('puts a node’s targets side by side in the order of its edges, centred under it', () => {
    const placed = layeredLayout([node('top'), node('a'), node('b'), node('c')], ['a', 'b', 'c'].map((target) => ({ source: 'top', target })), SPACING);
    const [a, b, c, top] = ['a', 'b', 'c', 'top'].map((id) => placed.get(id) ?? { x: NaN, y: NaN }) as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    expect(new Set([a.y, b.y, c.y]).size).toBe(1);
    expect(b.x).toBe(top.x);
  });

  it('places every node of loops nothing leads into, each once and apart', () => {
    const placed = layeredLayout(
      [node('a'), node('b'), node('c'), node('d')],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'a' },
        { source: 'd', target: 'd' },
      ],
      SPACING,
    );
    expect(placed.size).toBe(4);
    const corners = [...placed.values()].map(({ x, y }) => `${x},${y}`);
    expect(new Set(corners).size).toBe(4);
    // The loop's first node heads it; the edge back to it points up.
    expect((placed.get('b')?.y ?? 0) > (placed.get('a')?.y ?? 0)).toBe(true);
  });

  it('ignores edges to or from nodes it was not given', () => {
    const placed = layeredLayout([node('a'), node('b')], [{ source: 'a', target: 'ghost' }, { source: 'ghost', target: 'b' }, { source: 'a', target: 'b' }], SPACING);
    expect(placed.get('b')?.y).toBeGreaterThan(placed.get('a')?.y ?? Infinity);
  });

  it('sets graphs that share no edge side by side, each laid out on its own, in the order of their first nodes', () => {
    const placed = layeredLayout(
      [node('main'), node('entry'), node('after-main'), node('after-entry'), node('stray')],
      [
        { source: 'main', target: 'after-main' },
        { source: 'entry', target: 'after-entry' },
      ],
      SPACING,
    );
    const x = (id: string) => placed.get(id)?.x ?? NaN;
    expect(x('after-main')).toBe(x('main'));
    expect(x('after-entry')).toBe(x('entry'));
    expect(x('entry')).toBeGreaterThanOrEqual(x('main') + 260 + SPACING.nodesep);
    expect(x('stray')).toBeGreaterThanOrEqual(x('entry') + 260 + SPACING.nodesep);
    expect(placed.get('stray')?.y).toBe(0);
  });

  it('lays out 5,000 steps nothing links, one beside the other', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => node(`s${i}`));
    const placed = layeredLayout(many, [], SPACING);
    expect(new Set([...placed.values()].map((corner) => corner.x)).size).toBe(5_000);
  });

  it('lays out nothing as nothing', () => {
    expect(layeredLayout([], [], SPACING).size).toBe(0);
  });
});
