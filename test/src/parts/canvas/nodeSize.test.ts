import { describe, expect, it } from 'vitest';
import { stepSchema, type Step } from '../../../../simulator/schema/step.ts';
import { labelWidth, NODE_METRICS, NODE_SIZE, nodeSize, nodeWidth, outputHandleX } from '../../../../src/parts/canvas/nodeSize.ts';
import { steps, type BranchPathInput } from '../../../harness/workflowFixtures.ts';

const step = (input: Parameters<typeof stepSchema.parse>[0]): Step => stepSchema.parse(input);
const paths = (...labels: string[]): BranchPathInput[] => labels.map((label, i) => ({ id: `p${i + 1}`, label, conditions: [{ subject: 'tag', operator: 'has', tag: `t${i}` }] }));

/** The handles' centres of a node with `count` outputs, and the room each label has around its own. */
function slots(width: number, count: number) {
  const centres = Array.from({ length: count }, (_, i) => outputHandleX(width, count, i));
  const slot = (width - 2 * NODE_METRICS.inset - (count - 1) * NODE_METRICS.outputGap) / count;
  return { centres, slot };
}

// Chromium's widths of these labels at 12 px, weight 600, in the widest font it draws them with here (DejaVu Sans Bold).
const DRAWN = { 'Manual stop': 83.2, 'Outgoing messages': 133.6, 'Incoming messages': 133.2, 'Manual assignment': 132.1, Else: 27.6, Answered: 66.8, 'Timed out': 68.2 };

describe('labelWidth', () => {
  it.each(Object.entries(DRAWN))('is never less than %s is drawn (%f px)', (label, drawn) => {
    expect(labelWidth(label)).toBeGreaterThanOrEqual(drawn);
    expect(labelWidth(label)).toBeLessThan(drawn * 1.15 + 8);
  });

  it('counts a character beyond ASCII as one em', () => {
    expect(labelWidth('関係')).toBe(2 * NODE_METRICS.labelFontSize);
  });
});

describe('nodeWidth', () => {
  it('is NODE_SIZE for the entries and for steps whose outputs fit: one output, or Answered / Timed out', () => {
    expect(nodeWidth()).toBe(NODE_SIZE.width);
    expect(nodeWidth(step(steps.wait('w', '1h')))).toBe(NODE_SIZE.width);
    expect(nodeWidth(step(steps.ask('a', 'Hi?', 'x', '1h')))).toBe(NODE_SIZE.width);
    expect(nodeWidth(step(steps.branch('b', paths('VIP'))))).toBe(NODE_SIZE.width);
  });

  it('widens the Stop reason branch until each of its labels fits its output on at most two lines, each word whole', () => {
    const branch = step(steps.stopReasonBranch());
    const width = nodeWidth(branch);
    expect(width).toBeGreaterThan(NODE_SIZE.width);
    expect(width % NODE_METRICS.grid).toBe(0);
    const { slot } = slots(width, 5);
    for (const word of ['Manual', 'Outgoing', 'messages', 'Incoming', 'assignment', 'Else']) expect(labelWidth(word)).toBeLessThanOrEqual(slot);
    // No wider than it needs: a grid step less would not hold "assignment".
    expect(slots(width - NODE_METRICS.grid, 5).slot).toBeLessThan(labelWidth('assignment'));
  });

  it('widens a Branch with its paths, and keeps each label on one line when the card is wide anyway', () => {
    const four = step(steps.branch('b', paths('Pro plan', 'Free trial', 'Enterprise', 'Churned')));
    const two = step(steps.branch('b', paths('Pro plan')));
    expect(nodeWidth(four)).toBeGreaterThan(NODE_SIZE.width);
    expect(nodeWidth(four)).toBeGreaterThan(nodeWidth(two));
    const { slot } = slots(nodeWidth(four), 5);
    for (const label of ['Pro plan', 'Free trial', 'Enterprise', 'Churned']) expect(labelWidth(label)).toBeLessThanOrEqual(slot);
    expect(nodeSize(four).height).toBe(NODE_SIZE.height);
  });

  it('stops widening at a slot of maxSlot: a very long label wraps, and the card grows taller instead', () => {
    const long = step(steps.branch('b', paths('x'.repeat(120), 'y')));
    const width = nodeWidth(long);
    expect(width).toBeLessThanOrEqual(Math.ceil((2 * NODE_METRICS.inset + 3 * NODE_METRICS.maxSlot + 2 * NODE_METRICS.outputGap) / NODE_METRICS.grid) * NODE_METRICS.grid);
    expect(nodeSize(long).height).toBeGreaterThan(NODE_SIZE.height + NODE_METRICS.labelLineHeight);
  });

  it('gives every output handle its own slot, in order, with handles never closer than the widest label', () => {
    const branch = step(steps.stopReasonBranch());
    const { centres, slot } = slots(nodeWidth(branch), 5);
    for (let i = 1; i < centres.length; i++) expect((centres[i] ?? 0) - (centres[i - 1] ?? 0)).toBeCloseTo(slot + NODE_METRICS.outputGap);
    expect((centres[0] ?? 0) - slot / 2).toBe(NODE_METRICS.inset);
    expect((centres[4] ?? 0) + slot / 2).toBeCloseTo(nodeWidth(branch) - NODE_METRICS.inset);
  });

  it('makes the Stop reason branch one label line taller, where "Outgoing messages" breaks', () => {
    expect(nodeSize(step(steps.stopReasonBranch()))).toEqual({ width: nodeWidth(step(steps.stopReasonBranch())), height: NODE_SIZE.height + NODE_METRICS.labelLineHeight });
  });
});
