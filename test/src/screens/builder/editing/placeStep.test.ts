import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../../simulator/schema/workflow.ts';
import { NODE_SIZE } from '../../../../../src/parts/canvas/nodeSize.ts';
import { boxesOverlap } from '../../../../../src/parts/canvas/box.ts';
import { nodeBoxes, type NodeMeasure } from '../../../../../src/parts/canvas/nodeBoxes.ts';
import { placeStep, type Placement } from '../../../../../src/screens/builder/editing/placeStep.ts';
import { createStep } from '../../../../../src/parts/canvas/steps/stepKinds.ts';
import type { WorkflowRecord } from '../../../../../src/model/records.ts';
import { createAppStore } from '../../../../../src/state/appStore.ts';
import { deepFreeze } from '../../../../harness/deepFreeze.ts';
import { buildWorkflow, steps } from '../../../../harness/workflowFixtures.ts';

/** The bundled 24 h follow-up as it is drawn: a node every 120 px straight down, 36 px apart. */
const followUp = (): Workflow => {
  const built = buildWorkflow({
    steps: [steps.send('ack', 'Thanks'), steps.wait('wait', '24h'), steps.send('check-in', 'Still there?'), steps.end('done')],
    edges: ['trigger>ack', 'ack>wait', 'wait>check-in', 'check-in>done'],
  });
  const at = (i: number) => ({ x: 0, y: i * 120 });
  return deepFreeze({ ...built, trigger: { ...built.trigger, position: at(0) }, steps: built.steps.map((step, i) => ({ ...step, position: at(i + 1) })) });
};
const NO_MEASURES = new Map<string, NodeMeasure>();
const centre = (workflow: Workflow, id: string) => {
  const node = nodeBoxes(workflow, NO_MEASURES).find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return { x: node.box.x + node.box.width / 2, y: node.box.y + node.box.height / 2, bottom: node.box.y + node.box.height };
};
const positionOf = (workflow: Workflow, id: string) => [workflow.trigger, ...workflow.steps].find((node) => node.id === id)?.position;

/** Pairs of nodes whose boxes overlap. */
function overlaps(workflow: Workflow): string[] {
  const nodes = nodeBoxes(workflow, NO_MEASURES);
  return nodes.flatMap((a, i) => nodes.slice(i + 1).flatMap((b) => (boxesOverlap(a.box, b.box) ? [`${a.id} / ${b.id}`] : [])));
}
const edgesOf = (workflow: Workflow) => workflow.edges.map((edge) => `${edge.source}>${edge.target}`).sort();

describe('placeStep', () => {
  it('inserts a step dropped on an edge and pushes what follows down, all together, so nothing overlaps', () => {
    const workflow = followUp();
    const between = { x: 130, y: (centre(workflow, 'ack').bottom + centre(workflow, 'wait').y - 42) / 2 };
    const placed = placeStep(workflow, createStep('add_comment', 'note', { x: 0, y: 0 }), { kind: 'edge', edgeId: 'e1', pointer: between }, NO_MEASURES);
    expect(placed.how).toBe('inserted');
    expect(placed.after).toBe('ack');
    expect(edgesOf(placed.workflow)).toEqual(['ack>note', 'check-in>done', 'note>wait', 'trigger>ack', 'wait>check-in']);
    // Under ack, in its column; the rest a node lower, keeping their spacing.
    expect(positionOf(placed.workflow, 'note')).toEqual({ x: 0, y: 240 });
    expect(['trigger', 'ack', 'wait', 'check-in', 'done'].map((id) => positionOf(placed.workflow, id)?.y)).toEqual([0, 120, 360, 480, 600]);
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('leaves a node above the insertion, or beside the flow, where it is', () => {
    const base = followUp();
    const aside = deepFreeze({ ...base, steps: [...base.steps, { ...createStep('add_comment', 'aside', { x: 600, y: 240 }) }] });
    const placed = placeStep(aside, createStep('wait', 'pause', { x: 0, y: 0 }), { kind: 'edge', edgeId: 'e2', pointer: { x: 130, y: 330 } }, NO_MEASURES);
    expect(positionOf(placed.workflow, 'aside')).toEqual({ x: 600, y: 240 });
    expect(positionOf(placed.workflow, 'ack')).toEqual({ x: 0, y: 120 });
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('connects a step dropped just below a node from its free output, under that output', () => {
    const base = followUp();
    const open = deepFreeze({ ...base, steps: base.steps.filter((step) => step.id !== 'done'), edges: base.edges.filter((edge) => edge.target !== 'done') });
    const below = { x: 200, y: centre(open, 'check-in').bottom + 60 };
    const placed = placeStep(open, createStep('send_message', 'more', { x: 0, y: 0 }), { kind: 'point', pointer: below }, NO_MEASURES);
    expect(placed.how).toBe('connected');
    expect(placed.workflow.edges.at(-1)).toMatchObject({ source: 'check-in', sourceHandle: 'next', target: 'more' });
    expect(positionOf(placed.workflow, 'more')?.x).toBe(0);
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('chains five steps each dropped just below the one before: all connected, none overlapping', () => {
    const base = followUp();
    let workflow: Workflow = deepFreeze({ ...base, steps: base.steps.filter((step) => step.id !== 'done'), edges: base.edges.filter((edge) => edge.target !== 'done') });
    let last = 'check-in';
    for (let i = 1; i <= 5; i++) {
      // Right under the last one's bottom edge: the new box would overlap it, so it goes a gap lower.
      const pointer = { x: centre(workflow, last).x + 40, y: centre(workflow, last).bottom + 10 };
      const placed = placeStep(workflow, createStep('wait', `w${i}`, { x: 0, y: 0 }), { kind: 'point', pointer }, NO_MEASURES);
      expect(placed).toMatchObject({ how: 'connected', after: last });
      workflow = placed.workflow;
      last = `w${i}`;
    }
    expect(workflow.edges).toHaveLength(8);
    expect(overlaps(workflow)).toEqual([]);
  });

  it('adds a step dropped below a node with no free output unconnected, and clear of it', () => {
    const workflow = followUp();
    const placed = placeStep(workflow, createStep('send_message', 'more', { x: 0, y: 0 }), { kind: 'point', pointer: { x: 130, y: centre(workflow, 'done').bottom + 10 } }, NO_MEASURES);
    expect(placed.how).toBe('placed');
    expect(placed.workflow.edges).toBe(workflow.edges);
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('moves a step dropped onto a node to the nearest free spot, below it', () => {
    const workflow = followUp();
    const placed = placeStep(workflow, createStep('send_message', 'more', { x: 0, y: 0 }), { kind: 'point', pointer: centre(workflow, 'wait') }, NO_MEASURES);
    expect(placed.how).toBe('placed');
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('after a node (the keyboard): below it, connected from its first free output, clear of what is there', () => {
    const workflow = deepFreeze(
      buildWorkflow({ steps: [steps.branch('route', [{ id: 'vip', label: 'VIP', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }]), steps.send('to-vip', 'Hi')], edges: ['trigger>route', 'route:vip>to-vip'] }),
    );
    const laid = deepFreeze({ ...workflow, trigger: { ...workflow.trigger, position: { x: 0, y: 0 } }, steps: workflow.steps.map((step, i) => ({ ...step, position: { x: 0, y: (i + 1) * 140 } })) });
    const placement: Placement = { kind: 'after', nodeId: 'route' };
    const placed = placeStep(laid, createStep('end', 'stop', { x: 0, y: 0 }), placement, NO_MEASURES);
    expect(placed).toMatchObject({ how: 'connected', after: 'route' });
    expect(placed.workflow.edges.at(-1)).toMatchObject({ source: 'route', sourceHandle: 'else', target: 'stop' });
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('after a node whose output is taken (the keyboard): into the edge from it, right below it, what follows pushed down', () => {
    const workflow = followUp();
    const placed = placeStep(workflow, createStep('send_message', 'more', { x: 0, y: 0 }), { kind: 'after', nodeId: 'wait' }, NO_MEASURES);
    expect(placed).toMatchObject({ how: 'inserted', after: 'wait' });
    expect(edgesOf(placed.workflow)).toEqual(['ack>wait', 'check-in>done', 'more>check-in', 'trigger>ack', 'wait>more']);
    const more = positionOf(placed.workflow, 'more');
    expect(more?.x).toBe(0);
    expect(more?.y).toBeGreaterThan(centre(workflow, 'wait').bottom);
    expect(more?.y).toBeLessThan(positionOf(placed.workflow, 'check-in')?.y ?? 0);
    expect(overlaps(placed.workflow)).toEqual([]);
  });

  it('uses the sizes and handles the canvas measured', () => {
    const workflow = followUp();
    // check-in drawn 200 px tall: a step dropped under its measured bottom follows it, and clears it.
    const measures = new Map<string, NodeMeasure>([['check-in', { size: { width: 260, height: 200 }, outputs: new Map([['next', { x: 130, y: 200 }]]) }]]);
    const pointer = { x: 130, y: 360 + 200 + 20 };
    const open = deepFreeze({ ...workflow, steps: workflow.steps.filter((step) => step.id !== 'done'), edges: workflow.edges.filter((edge) => edge.target !== 'done') });
    const placed = placeStep(open, createStep('wait', 'later', { x: 0, y: 0 }), { kind: 'point', pointer }, measures, { height: NODE_SIZE.height });
    expect(placed.how).toBe('connected');
    expect(positionOf(placed.workflow, 'later')?.y).toBeGreaterThanOrEqual(360 + 200 + 20);
  });

  it('is one undo step, the push-down included', () => {
    const workflow = followUp();
    const store = createAppStore();
    const record: WorkflowRecord = { id: workflow.id, revision: 1, status: 'draft', createdAt: 0, updatedAt: 0, publishedAt: null, document: workflow };
    store.getState().openDocument(record);
    store.getState().editWorkflow((current) => placeStep(current, createStep('wait', 'pause', { x: 0, y: 0 }), { kind: 'edge', edgeId: 'e1', pointer: { x: 130, y: 220 } }, NO_MEASURES).workflow);
    expect(positionOf(store.getState().document?.workflow as Workflow, 'wait')?.y).toBeGreaterThan(240);
    store.getState().undo();
    expect(store.getState().document?.workflow).toBe(workflow);
  });
});
