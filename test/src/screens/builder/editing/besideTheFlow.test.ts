import { describe, expect, it } from 'vitest';
import { besideTheFlow } from '../../../../../src/screens/builder/editing/besideTheFlow.ts';
import { followUpWorkflow } from '../../../../harness/workflowFixtures.ts';

/** Follow-up with its trigger at (40, 20) and one step pushed out to the right, at x 500. */
function spread() {
  const workflow = followUpWorkflow();
  return {
    ...workflow,
    trigger: { ...workflow.trigger, position: { x: 40, y: 20 } },
    steps: workflow.steps.map((step, i) => ({ ...step, position: { x: i === 2 ? 500 : 40, y: 140 + i * 120 } })),
  };
}

describe('besideTheFlow', () => {
  it('is level with the trigger, a gap right of the rightmost node as laid out (260 wide), on the grid', () => {
    expect(besideTheFlow(spread(), new Map(), 20)).toEqual({ x: 840, y: 20 });
  });

  it('goes by the measured width of a node wider than the layout size', () => {
    const measures = new Map([['follow-up', { size: { width: 400, height: 84 }, outputs: new Map() }]]);
    expect(besideTheFlow(spread(), measures, 20)).toEqual({ x: 980, y: 20 });
  });
});
