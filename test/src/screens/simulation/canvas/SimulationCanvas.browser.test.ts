import { createElement, useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { SimulationCanvas } from '../../../../../src/screens/simulation/canvas/SimulationCanvas.tsx';
import { followUpWorkflow } from '../../../../harness/workflowFixtures.ts';
import { reactRootPerTest } from '../../../../support/reactRootPerTest.ts';

const root = reactRootPerTest();

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((done) => setTimeout(done, 10));
  return check();
};

/**
 * Draws the canvas in a 900x600 box, and says what was in it in the frame that painted its first
 * commit (looked at from an animation frame asked for in that commit, which runs just before that paint).
 */
function draw(nodesAfterPaint: boolean) {
  const firstFrame: ({ pane: boolean; nodes: number } | null)[] = [null];
  function Probe() {
    useLayoutEffect(() => {
      requestAnimationFrame(() => {
        const box = root.host;
        firstFrame[0] = { pane: box.querySelector('.react-flow') !== null, nodes: box.querySelectorAll('.react-flow__node').length };
      });
    }, []);
    return null;
  }
  const canvas = createElement(SimulationCanvas, { workflow: followUpWorkflow(), run: null, stats: [], nodesAfterPaint });
  const host = root.mount(createElement('div', { style: { width: '100%', height: '100%' } }, createElement(Probe), canvas), { style: 'position: relative; width: 900px; height: 600px' });
  return { host, firstFrame: () => firstFrame[0] };
}

describe('SimulationCanvas', () => {
  it('with nodesAfterPaint, paints the pane first and its nodes after, then opens on them', async () => {
    const { host: box, firstFrame } = draw(true);
    await waitFor(() => firstFrame() !== null);
    expect(firstFrame()).toEqual({ pane: true, nodes: 0 });
    const nodes = () => [...box.querySelectorAll<HTMLElement>('.react-flow__node')];
    expect(await waitFor(() => nodes().length > 0 && nodes().every((node) => getComputedStyle(node).visibility === 'visible'))).toBe(true);
    // The opening view (CanvasCamera) waited for the nodes: the first one is in the pane, not at the unset view's corner.
    const pane = (box.querySelector('.react-flow') as HTMLElement).getBoundingClientRect();
    await waitFor(() => (box.querySelector('.react-flow__viewport') as HTMLElement).style.transform !== 'translate(0px, 0px) scale(1)');
    const first = nodes()[0]?.getBoundingClientRect();
    expect(first && first.left >= pane.left && first.right <= pane.right && first.top >= pane.top && first.bottom <= pane.bottom).toBe(true);
    expect((box.querySelector('.react-flow__viewport') as HTMLElement).style.transform).not.toBe('translate(0px, 0px) scale(1)');
  });

  it('without it, the nodes are in the first commit', async () => {
    const { firstFrame } = draw(false);
    await waitFor(() => firstFrame() !== null);
    expect(firstFrame()?.nodes).toBeGreaterThan(0);
  });
});
