import { describe, expect, it } from 'vitest';
import { nodeBoxes } from '../../src/parts/canvas/nodeBoxes.ts';
import { boxesOverlap } from '../../src/parts/canvas/box.ts';
import { canvasWorkflow } from './canvasWorkflow.ts';

/** Pairs of overlapping nodes, checked between neighbours in y order (a tall, narrow graph). */
function overlaps(workflow: ReturnType<typeof canvasWorkflow>): string[] {
  const boxes = nodeBoxes(workflow, new Map()).toSorted((a, b) => a.box.y - b.box.y);
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1, i + 12)) if (boxesOverlap(a.box, b.box)) found.push(`${a.id}/${b.id}`);
  }
  return found;
}

describe('the canvas bench’s Workflows', () => {
  it('has 1,000 nodes and 1,247 edges laid out by auto-layout, nothing overlapping', () => {
    const workflow = canvasWorkflow(1_000);
    expect(workflow.steps.length + 1).toBe(1_000);
    expect(workflow.edges).toHaveLength(1_247);
    expect(overlaps(workflow)).toEqual([]);
  });

  it('has 5,000 nodes laid out by auto-layout (the layered layout at that size), every step placed, nothing overlapping, each block below the last', () => {
    const workflow = canvasWorkflow(5_000);
    expect(workflow.steps.length + 1).toBe(5_000);
    expect(workflow.edges).toHaveLength(6_247);
    expect(workflow.steps.every((step) => step.position !== undefined)).toBe(true);
    expect(overlaps(workflow)).toEqual([]);
    const y = (id: string) => workflow.steps.find((step) => step.id === id)?.position?.y ?? Number.NaN;
    expect(y('m1')).toBeGreaterThan(y('c0'));
    expect(y('m623')).toBeGreaterThan(y('c622'));
    expect(y('z0')).toBeGreaterThan(y('c623'));
    expect(y('end')).toBeGreaterThan(y('z5'));
  });

  it('refuses a node count the blocks cannot make', () => {
    expect(() => canvasWorkflow(1_001)).toThrow(/8k nodes/);
  });
});
