import { describe, expect, it } from 'vitest';
import type { Edge } from '../../../../../simulator/schema/workflow.ts';
import { dropSource } from '../../../../../src/screens/builder/editing/dropSource.ts';
import type { NodeBox } from '../../../../../src/parts/canvas/nodeBoxes.ts';

/** A 260 × 84 node at (x, y) with its outputs spread along the bottom edge. */
const node = (id: string, x: number, y: number, outputs: readonly string[] = ['next']): NodeBox => ({
  id,
  box: { x, y, width: 260, height: 84 },
  outputs: outputs.map((handle, i) => ({ handle, at: { x: x + ((i + 0.5) * 260) / outputs.length, y: y + 84 } })),
});
const edge = (source: string, sourceHandle: string, target: string): Edge => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });

describe('dropSource', () => {
  const message = node('message', 0, 0);
  const branch = node('route', 400, 0, ['vip', 'new', 'else']);
  const end = node('end', 800, 0, []);
  const nodes = [message, branch, end];

  it('follows the node whose output handle the step is dropped on', () => {
    expect(dropSource({ x: 130, y: 84 }, nodes, [])).toEqual({ nodeId: 'message', sourceHandle: 'next' });
    // A few pixels off still counts; the nearest handle wins.
    expect(dropSource({ x: 400 + 216 + 8, y: 84 + 6 }, nodes, [])).toEqual({ nodeId: 'route', sourceHandle: 'else' });
    expect(dropSource({ x: 130, y: 84 }, nodes, [], { handleReach: 4 })).toEqual({ nodeId: 'message', sourceHandle: 'next' });
  });

  it('on an output in use, connects from the first free one; with none free, follows the node unconnected', () => {
    expect(dropSource({ x: 400 + 43, y: 84 }, nodes, [edge('route', 'vip', 'x')])).toEqual({ nodeId: 'route', sourceHandle: 'new' });
    expect(dropSource({ x: 130, y: 84 }, nodes, [edge('message', 'next', 'x')])).toEqual({ nodeId: 'message', sourceHandle: null });
  });

  it('follows the node just above the drop, within one and a half node heights', () => {
    expect(dropSource({ x: 10, y: 100 }, nodes, [])).toEqual({ nodeId: 'message', sourceHandle: 'next' });
    expect(dropSource({ x: 250, y: 84 + 126 }, nodes, [])).toEqual({ nodeId: 'message', sourceHandle: 'next' });
    expect(dropSource({ x: 130, y: 84 + 127 }, nodes, [])).toBeNull();
    // Beside it, not below it.
    expect(dropSource({ x: 300, y: 120 }, nodes, [])).toBeNull();
    expect(dropSource({ x: 900, y: 120 }, nodes, [])).toEqual({ nodeId: 'end', sourceHandle: null });
  });

  it('below a Branch, takes the path whose handle is over the drop, or the first free one', () => {
    expect(dropSource({ x: 400 + 250, y: 150 }, nodes, [])).toEqual({ nodeId: 'route', sourceHandle: 'else' });
    expect(dropSource({ x: 400 + 130, y: 150 }, nodes, [])).toEqual({ nodeId: 'route', sourceHandle: 'new' });
    expect(dropSource({ x: 400 + 130, y: 150 }, nodes, [edge('route', 'new', 'x')])).toEqual({ nodeId: 'route', sourceHandle: 'vip' });
  });

  it('below two stacked nodes, follows the nearer one', () => {
    const lower = node('lower', 0, 120);
    expect(dropSource({ x: 130, y: 230 }, [message, lower], [])).toEqual({ nodeId: 'lower', sourceHandle: 'next' });
  });

  it('follows nothing when dropped on a node or in the open', () => {
    const lower = node('lower', 0, 120);
    // On `lower`, which is within reach below `message`.
    expect(dropSource({ x: 130, y: 150 }, [message, lower], [])).toBeNull();
    expect(dropSource({ x: 130, y: -50 }, nodes, [])).toBeNull();
    expect(dropSource({ x: 5000, y: 5000 }, nodes, [])).toBeNull();
    expect(dropSource({ x: 0, y: 0 }, [], [])).toBeNull();
  });
});
