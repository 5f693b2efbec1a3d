import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { nodesOutline } from '../../../../src/parts/canvas/LargeGraphMiniMap.tsx';

/** A node as React Flow keeps it, with only what the outline reads. */
function node(id: string, x: number, y: number, size: { measured?: { width: number; height: number }; initial?: { width: number; height: number } }, hidden = false): InternalNode {
  return {
    id,
    position: { x, y },
    data: {},
    hidden,
    measured: size.measured ?? {},
    ...(size.initial ? { initialWidth: size.initial.width, initialHeight: size.initial.height } : {}),
    internals: { positionAbsolute: { x, y }, z: 0, userNode: { id, position: { x, y }, data: {} } },
  } as InternalNode;
}

describe('nodesOutline: the large graph minimap’s nodes as one path', () => {
  it('draws each node as a rectangle at its measured size, or the size it was given before measuring', () => {
    const outline = nodesOutline([node('a', 0, 0, { measured: { width: 260, height: 84 } }), node('b', 100, 200, { initial: { width: 300, height: 102 } })]);
    expect(outline.d).toBe('M0,0h260v84h-260zM100,200h300v102h-300z');
    expect(outline.bounds).toEqual({ x: 0, y: 0, width: 400, height: 302 });
  });

  it('leaves hidden nodes out of the path and the bounds', () => {
    const outline = nodesOutline([node('a', 0, 0, { measured: { width: 10, height: 10 } }), node('far', 5000, 5000, { measured: { width: 10, height: 10 } }, true)]);
    expect(outline.d).toBe('M0,0h10v10h-10z');
    expect(outline.bounds).toEqual({ x: 0, y: 0, width: 10, height: 10 });
  });

  it('has no bounds without a node to show', () => {
    expect(nodesOutline([])).toEqual({ d: '', bounds: null });
    expect(nodesOutline([node('a', 0, 0, { measured: { width: 10, height: 10 } }, true)]).bounds).toBeNull();
  });
});
