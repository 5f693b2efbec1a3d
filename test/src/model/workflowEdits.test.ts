import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSchema } from '../../../simulator/schema/ids.ts';
import type { Step } from '../../../simulator/schema/step.ts';
import { workflowSchema, type Edge, type Workflow } from '../../../simulator/schema/workflow.ts';
import { isStructuralProblem } from '../../../simulator/validate/structuralProblems.ts';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import {
  addStep,
  connect,
  connectionProblem,
  copyFragment,
  insertStepOnEdge,
  moveNodes,
  nodeIds,
  pasteFragment,
  reconnect,
  removeElements,
  updateStep,
  type Connection,
} from '../../../src/model/workflowEdits.ts';
import { createStep } from '../../../src/parts/canvas/steps/stepKinds.ts';
import { deepFreeze } from '../../harness/deepFreeze.ts';
import { applyEditCommand, editCommandArb, startNameArb, startWorkflow, START_WORKFLOWS, type EditCommand } from '../../harness/workflowEditCommands.ts';
import { buildWorkflow, followUpWorkflow, steps } from '../../harness/workflowFixtures.ts';

/**
 * trigger → ask (answered → thanks, timeout → nudge); thanks → check (vip, new, else → end).
 * Edges e0 … e6 in that order; `nudge` has its one output free. Frozen: an edit that mutates its
 * input instead of returning a new Workflow throws.
 */
const base = (): Workflow =>
  deepFreeze(
    buildWorkflow({
      steps: [
        steps.ask('ask', 'What do you need?', 'need', '1h'),
        steps.send('thanks', 'Thanks!'),
        steps.send('nudge', 'Still there?'),
        steps.branch('check', [
          { id: 'vip', label: 'VIP', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] },
          { id: 'new', label: 'New', conditions: [{ subject: 'tag', operator: 'has', tag: 'new' }] },
        ]),
        steps.end(),
      ],
      edges: ['trigger>ask', 'ask:answered>thanks', 'ask:timeout>nudge', 'thanks>check', 'check:vip>end', 'check:new>end', 'check:else>end'],
    }),
  );

const edge = (workflow: Workflow, id: string): Edge | undefined => workflow.edges.find((candidate) => candidate.id === id);
const edgesFrom = (workflow: Workflow, source: string, handle: string): Edge[] =>
  workflow.edges.filter((candidate) => candidate.source === source && candidate.sourceHandle === handle);
const stepOf = (workflow: Workflow, id: string): Step | undefined => workflow.steps.find((step) => step.id === id);
const edgeIds = (workflow: Workflow): string[] => workflow.edges.map((candidate) => candidate.id);
const structuralProblems = (workflow: Workflow) => validateWorkflow(workflow).filter((problem) => isStructuralProblem(problem.code));

/** A document the app can store and draw: the strict schema takes it, and it is a well-formed graph. */
function expectSound(workflow: Workflow): void {
  const parsed = workflowSchema.safeParse(workflow);
  expect(parsed.success, parsed.error?.message).toBe(true);
  expect(structuralProblems(workflow)).toEqual([]);
}

describe('nodeIds', () => {
  it('lists the trigger and every step', () => {
    expect([...nodeIds(base())].sort()).toEqual(['ask', 'check', 'end', 'nudge', 'thanks', 'trigger']);
  });
});

describe('addStep', () => {
  it('appends the step, leaving the rest of the document untouched', () => {
    const workflow = base();
    const step = createStep('wait', 'wait-1', { x: 10, y: 20 });
    const next = addStep(workflow, step);
    expect(next.steps).toEqual([...workflow.steps, step]);
    // Nothing else is rebuilt, so the canvas re-renders only what changed.
    expect(next.edges).toBe(workflow.edges);
    expect(next.trigger).toBe(workflow.trigger);
    expectSound(next);
  });
});

describe('connectionProblem', () => {
  // One row per refusal: what the canvas shows when a connection is dropped where it cannot go.
  it.each<[string, Connection, string]>([
    ['from a node that does not exist', { source: 'ghost', sourceHandle: 'next', target: 'thanks' }, 'There is no such step to connect from'],
    ['from an output the step does not have', { source: 'thanks', sourceHandle: 'timeout', target: 'nudge' }, 'That step has no such output'],
    ['from a step without outputs (End)', { source: 'end', sourceHandle: 'next', target: 'nudge' }, 'That step has no such output'],
    ['from an output the trigger does not have', { source: 'trigger', sourceHandle: 'else', target: 'nudge' }, 'That step has no such output'],
    ['into the trigger', { source: 'nudge', sourceHandle: 'next', target: 'trigger' }, 'Nothing can lead into the trigger'],
    ['from the trigger into itself', { source: 'trigger', sourceHandle: 'next', target: 'trigger' }, 'Nothing can lead into the trigger'],
    ['from a step into itself', { source: 'nudge', sourceHandle: 'next', target: 'nudge' }, 'A step cannot lead to itself'],
    ['to a node that does not exist', { source: 'nudge', sourceHandle: 'next', target: 'ghost' }, 'There is no such step to connect to'],
  ])('refuses a connection %s', (_, connection, problem) => {
    expect(connectionProblem(base(), connection)).toBe(problem);
  });

  it.each<[string, Connection]>([
    ['the trigger to a step', { source: 'trigger', sourceHandle: 'next', target: 'thanks' }],
    ['a free output to a step', { source: 'nudge', sourceHandle: 'next', target: 'end' }],
    ['an output already in use (it will be replaced)', { source: 'ask', sourceHandle: 'answered', target: 'nudge' }],
    ['a Branch path', { source: 'check', sourceHandle: 'vip', target: 'nudge' }],
    ['an Ask timeout', { source: 'ask', sourceHandle: 'timeout', target: 'end' }],
    ['back to an earlier step (a loop is a design problem, not a refusal)', { source: 'nudge', sourceHandle: 'next', target: 'ask' }],
  ])('accepts a connection from %s', (_, connection) => {
    expect(connectionProblem(base(), connection)).toBeNull();
  });
});

describe('connect', () => {
  it('adds an edge from a free output with a fresh id', () => {
    const workflow = base();
    const next = connect(workflow, { source: 'nudge', sourceHandle: 'next', target: 'end' });
    expect(next.edges).toHaveLength(workflow.edges.length + 1);
    const added = next.edges.at(-1);
    expect(added).toMatchObject({ source: 'nudge', sourceHandle: 'next', target: 'end' });
    expect(edgeIds(workflow)).not.toContain(added?.id);
    expect(idSchema.safeParse(added?.id).success).toBe(true);
    expectSound(next);
  });

  it('finds a fresh id even when the edges already use the next numbers', () => {
    // Ids e5 … e11: the first candidates a counter would try are taken.
    const workflow = deepFreeze({ ...base(), edges: base().edges.map((candidate, i) => ({ ...candidate, id: `e${i + 5}` })) });
    const next = connect(workflow, { source: 'nudge', sourceHandle: 'next', target: 'end' });
    expect(new Set(edgeIds(next)).size).toBe(next.edges.length);
    expectSound(next);
  });

  it('replaces the edge of an output already in use, keeping its id', () => {
    const workflow = base();
    const next = connect(workflow, { source: 'ask', sourceHandle: 'answered', target: 'nudge' });
    // An output leads to one step only: the old edge is moved, not joined by a second one.
    expect(edgesFrom(next, 'ask', 'answered')).toEqual([{ id: 'e1', source: 'ask', sourceHandle: 'answered', target: 'nudge' }]);
    expect(next.edges).toHaveLength(workflow.edges.length);
    expectSound(next);
  });

  it('returns the same object for a connection that is already there (no empty undo step)', () => {
    const workflow = base();
    expect(connect(workflow, { source: 'ask', sourceHandle: 'answered', target: 'thanks' })).toBe(workflow);
  });

  it.each<Connection>([
    { source: 'ghost', sourceHandle: 'next', target: 'thanks' },
    { source: 'thanks', sourceHandle: 'timeout', target: 'nudge' },
    { source: 'end', sourceHandle: 'next', target: 'nudge' },
    { source: 'nudge', sourceHandle: 'next', target: 'trigger' },
    { source: 'nudge', sourceHandle: 'next', target: 'nudge' },
    { source: 'nudge', sourceHandle: 'next', target: 'ghost' },
  ])('returns the same object for an impossible connection %o', (connection) => {
    const workflow = base();
    expect(connect(workflow, connection)).toBe(workflow);
  });

  it('stores only the edge fields of the connection it is given', () => {
    // The canvas may hand over React Flow's connection, which also has `targetHandle`; the strict
    // schema would refuse the stored document if it leaked into the edge.
    const fromCanvas = { source: 'nudge', sourceHandle: 'next', target: 'end', targetHandle: null };
    const next = connect(base(), fromCanvas);
    expect(Object.keys(next.edges.at(-1) ?? {}).sort()).toEqual(['id', 'source', 'sourceHandle', 'target']);
    expectSound(next);
  });
});

describe('reconnect', () => {
  it('moves the target of an edge, keeping its id', () => {
    const workflow = base();
    const next = reconnect(workflow, 'e3', { source: 'thanks', sourceHandle: 'next', target: 'nudge' });
    expect(edge(next, 'e3')).toEqual({ id: 'e3', source: 'thanks', sourceHandle: 'next', target: 'nudge' });
    expect(next.edges).toHaveLength(workflow.edges.length);
    expectSound(next);
  });

  it('moves the source of an edge to another output, freeing the old one', () => {
    const next = reconnect(base(), 'e5', { source: 'nudge', sourceHandle: 'next', target: 'end' });
    expect(edge(next, 'e5')).toEqual({ id: 'e5', source: 'nudge', sourceHandle: 'next', target: 'end' });
    expect(edgesFrom(next, 'check', 'new')).toEqual([]);
    expectSound(next);
  });

  it('onto an output already in use, replaces that output’s edge and keeps the moved edge’s id', () => {
    const workflow = base();
    const next = reconnect(workflow, 'e2', { source: 'ask', sourceHandle: 'answered', target: 'nudge' });
    expect(edgesFrom(next, 'ask', 'answered')).toEqual([{ id: 'e2', source: 'ask', sourceHandle: 'answered', target: 'nudge' }]);
    expect(edgesFrom(next, 'ask', 'timeout')).toEqual([]);
    expect(edge(next, 'e1')).toBeUndefined();
    expect(next.edges).toHaveLength(workflow.edges.length - 1);
    expectSound(next);
  });

  it('returns the same object when the edge is dropped back where it was', () => {
    const workflow = base();
    expect(reconnect(workflow, 'e3', { source: 'thanks', sourceHandle: 'next', target: 'check' })).toBe(workflow);
  });

  it('returns the same object for an unknown edge or an impossible connection', () => {
    const workflow = base();
    expect(reconnect(workflow, 'ghost-edge', { source: 'nudge', sourceHandle: 'next', target: 'end' })).toBe(workflow);
    expect(reconnect(workflow, 'e3', { source: 'thanks', sourceHandle: 'next', target: 'trigger' })).toBe(workflow);
    expect(reconnect(workflow, 'e3', { source: 'thanks', sourceHandle: 'nope', target: 'nudge' })).toBe(workflow);
  });

  it('never gives two edges one id, even in a draft with two edges leaving one output', () => {
    // A design problem import accepts (handle_used_twice): a → b and a → c both leave a's `next`.
    const workflow = deepFreeze(
      buildWorkflow({ steps: [steps.send('a', 'A'), steps.send('b', 'B'), steps.send('c', 'C'), steps.send('d', 'D')], edges: ['trigger>a', 'a>b', 'a>c', 'b>d'] }),
    );
    const next = reconnect(workflow, 'e3', { source: 'a', sourceHandle: 'next', target: 'd' });
    expect(edge(next, 'e3')).toEqual({ id: 'e3', source: 'a', sourceHandle: 'next', target: 'd' });
    expect(validateWorkflow(next).filter((problem) => problem.code === 'duplicate_id')).toEqual([]);
    expectSound(next);
  });
});

describe('insertStepOnEdge', () => {
  it('puts the step between the edge’s ends: source → new step → old target', () => {
    const workflow = base();
    const step = createStep('wait', 'wait-1', { x: 0, y: 0 });
    const next = insertStepOnEdge(workflow, 'e3', step);
    expect(next.steps.at(-1)).toBe(step);
    // The edge keeps its id and now ends at the new step…
    expect(edge(next, 'e3')).toEqual({ id: 'e3', source: 'thanks', sourceHandle: 'next', target: 'wait-1' });
    // …whose output carries on to the old target, on a fresh edge.
    const carried = edgesFrom(next, 'wait-1', 'next');
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ target: 'check' });
    expect(edgeIds(workflow)).not.toContain(carried[0]?.id);
    expectSound(next);
  });

  it.each([
    ['branch', 'path-1'],
    ['ask_question', 'answered'],
    ['datetime_branch', 'match'],
  ] as const)('carries on from the first output of a %s step (%s)', (type, output) => {
    const step = createStep(type, 'new-step', { x: 0, y: 0 });
    const next = insertStepOnEdge(base(), 'e0', step);
    expect(edge(next, 'e0')?.target).toBe('new-step');
    expect(next.edges.filter((candidate) => candidate.source === 'new-step')).toEqual([expect.objectContaining({ sourceHandle: output, target: 'ask' })]);
    expectSound(next);
  });

  it.each(['end', 'jump_to'] as const)('with a step without outputs (%s), only takes the edge; the old target is left unconnected', (type) => {
    const workflow = base();
    const step = createStep(type, 'stop', { x: 0, y: 0 });
    const next = insertStepOnEdge(workflow, 'e3', step);
    expect(edge(next, 'e3')).toEqual({ id: 'e3', source: 'thanks', sourceHandle: 'next', target: 'stop' });
    expect(next.edges.filter((candidate) => candidate.source === 'stop')).toEqual([]);
    expect(next.edges.filter((candidate) => candidate.target === 'check')).toEqual([]);
    expect(next.edges).toHaveLength(workflow.edges.length);
    expectSound(next);
  });

  it('with an unknown edge, just adds the step', () => {
    const workflow = base();
    const step = createStep('send_message', 'send-message-1', { x: 5, y: 5 });
    expect(insertStepOnEdge(workflow, 'ghost-edge', step)).toEqual(addStep(workflow, step));
  });
});

describe('removeElements', () => {
  it('removes steps with every edge touching them, in or out', () => {
    const next = removeElements(base(), { stepIds: ['thanks'] });
    expect(stepOf(next, 'thanks')).toBeUndefined();
    // e1 led into it, e3 left it.
    expect(edgeIds(next)).toEqual(['e0', 'e2', 'e4', 'e5', 'e6']);
    expectSound(next);
  });

  it('removes only the given edges when no step is named', () => {
    const workflow = base();
    const next = removeElements(workflow, { edgeIds: ['e4', 'e6'] });
    expect(next.steps).toEqual(workflow.steps);
    expect(edgeIds(next)).toEqual(['e0', 'e1', 'e2', 'e3', 'e5']);
  });

  it('removes steps and edges together', () => {
    const next = removeElements(base(), { stepIds: ['nudge', 'end'], edgeIds: ['e0'] });
    expect(next.steps.map((step) => step.id)).toEqual(['ask', 'thanks', 'check']);
    expect(edgeIds(next)).toEqual(['e1', 'e3']);
    expectSound(next);
  });

  it('never removes the trigger, though its edges to removed steps go', () => {
    const workflow = base();
    expect(removeElements(workflow, { stepIds: ['trigger'] })).toBe(workflow);
    const next = removeElements(workflow, { stepIds: ['trigger', 'ask'] });
    expect(next.trigger).toBe(workflow.trigger);
    expect(stepOf(next, 'ask')).toBeUndefined();
    expect(next.edges.some((candidate) => candidate.source === 'trigger')).toBe(false);
    expectSound(next);
  });

  it('returns the same object when nothing is removed (no empty undo step)', () => {
    const workflow = base();
    expect(removeElements(workflow, {})).toBe(workflow);
    expect(removeElements(workflow, { stepIds: [], edgeIds: [] })).toBe(workflow);
    expect(removeElements(workflow, { stepIds: ['ghost'], edgeIds: ['ghost-edge'] })).toBe(workflow);
  });
});

describe('moveNodes', () => {
  it('moves steps and the trigger, leaving the other nodes as they were', () => {
    const workflow = base();
    const next = moveNodes(
      workflow,
      new Map([
        ['trigger', { x: 0, y: -100 }],
        ['thanks', { x: 40, y: 80 }],
      ]),
    );
    expect(next.trigger.position).toEqual({ x: 0, y: -100 });
    expect(stepOf(next, 'thanks')?.position).toEqual({ x: 40, y: 80 });
    next.steps.forEach((step, i) => {
      if (step.id !== 'thanks') expect(step).toBe(workflow.steps[i]);
    });
    expectSound(next);
  });

  it('gives a position to a node that had none', () => {
    const workflow = base();
    expect(stepOf(workflow, 'ask')?.position).toBeUndefined();
    expect(stepOf(moveNodes(workflow, new Map([['ask', { x: 0, y: 0 }]])), 'ask')?.position).toEqual({ x: 0, y: 0 });
  });

  it('returns the same object when no position changes (no empty undo step)', () => {
    const workflow = moveNodes(
      base(),
      new Map([
        ['trigger', { x: 0, y: 0 }],
        ['ask', { x: 20, y: 40 }],
      ]),
    );
    expect(moveNodes(workflow, new Map())).toBe(workflow);
    expect(moveNodes(workflow, new Map([['ask', { x: 20, y: 40 }]]))).toBe(workflow);
    expect(moveNodes(workflow, new Map([['trigger', { x: 0, y: 0 }]]))).toBe(workflow);
    expect(moveNodes(workflow, new Map([['ghost', { x: 1, y: 1 }]]))).toBe(workflow);
  });
});

describe('updateStep', () => {
  it('replaces the step in place, keeping its edges', () => {
    const workflow = base();
    const thanks = stepOf(workflow, 'thanks');
    if (thanks?.type !== 'send_message') throw new Error('fixture changed');
    const next = updateStep(workflow, { ...thanks, text: 'Thank you!' });
    expect(next.steps[1]).toEqual({ ...thanks, text: 'Thank you!' });
    expect(next.edges).toBe(workflow.edges);
    expectSound(next);
  });

  it('drops the edge of a Branch path that was removed, keeping the others', () => {
    const workflow = base();
    const check = stepOf(workflow, 'check');
    if (check?.type !== 'branch') throw new Error('fixture changed');
    const next = updateStep(workflow, { ...check, paths: check.paths.filter((path) => path.id !== 'vip') });
    expect(edge(next, 'e4')).toBeUndefined();
    expect(edgeIds(next)).toEqual(['e0', 'e1', 'e2', 'e3', 'e5', 'e6']);
    expectSound(next);
  });

  it('drops the timeout edge when an Ask’s timeout is removed', () => {
    const workflow = base();
    const ask = stepOf(workflow, 'ask');
    if (ask?.type !== 'ask_question') throw new Error('fixture changed');
    const { timeout: _timeout, ...withoutTimeout } = ask;
    const next = updateStep(workflow, withoutTimeout);
    expect(edgesFrom(next, 'ask', 'timeout')).toEqual([]);
    expect(edgesFrom(next, 'ask', 'answered')).toHaveLength(1);
    expectSound(next);
  });

  it('drops every outgoing edge when the step becomes one without outputs', () => {
    const next = updateStep(base(), createStep('end', 'check', { x: 0, y: 0 }));
    expect(next.edges.filter((candidate) => candidate.source === 'check')).toEqual([]);
    // Edges into it stay: it is still the same node.
    expect(edge(next, 'e3')?.target).toBe('check');
    expectSound(next);
  });

  it('returns the same object for the same step, or a step the Workflow does not have', () => {
    const workflow = base();
    expect(updateStep(workflow, workflow.steps[1] as Step)).toBe(workflow);
    expect(updateStep(workflow, createStep('end', 'ghost', { x: 0, y: 0 }))).toBe(workflow);
  });
});

describe('copyFragment', () => {
  it('takes the chosen steps and only the edges between two of them', () => {
    const workflow = base();
    const fragment = copyFragment(workflow, ['check', 'thanks', 'end']);
    // In document order, whatever order they were chosen in.
    expect(fragment.steps.map((step) => step.id)).toEqual(['thanks', 'check', 'end']);
    expect(fragment.edges.map((candidate) => candidate.id)).toEqual(['e3', 'e4', 'e5', 'e6']);
  });

  it('never takes the trigger, nor its edges', () => {
    const fragment = copyFragment(base(), ['trigger', 'ask']);
    expect(fragment.steps.map((step) => step.id)).toEqual(['ask']);
    expect(fragment.edges).toEqual([]);
  });
});

describe('pasteFragment', () => {
  const placed = (): Workflow => deepFreeze(moveNodes(base(), new Map([['thanks', { x: 100, y: 200 }]])));

  it('adds copies with fresh ids, their internal edges re-pointed with fresh edge ids', () => {
    const workflow = placed();
    const { workflow: next, stepIds } = pasteFragment(workflow, copyFragment(workflow, ['thanks', 'check', 'end']), { x: 40, y: 60 });
    expect(stepIds).toEqual(['thanks-copy', 'check-copy', 'end-copy']);
    expect(next.steps.slice(0, workflow.steps.length)).toEqual(workflow.steps);
    const pasted = next.edges.slice(workflow.edges.length);
    expect(pasted.map(({ source, sourceHandle, target }) => `${source}:${sourceHandle}>${target}`)).toEqual([
      'thanks-copy:next>check-copy',
      'check-copy:vip>end-copy',
      'check-copy:new>end-copy',
      'check-copy:else>end-copy',
    ]);
    for (const pastedEdge of pasted) expect(edgeIds(workflow)).not.toContain(pastedEdge.id);
    expect(new Set(edgeIds(next)).size).toBe(next.edges.length);
    // Parsed, not only type-checked: the copies are documents the app can store.
    expect(workflowSchema.parse(next)).toEqual(next);
    expect(validateWorkflow(next).filter((problem) => problem.code === 'duplicate_id')).toEqual([]);
    expectSound(next);
  });

  it('moves the copies by the offset (from the origin for a step without a position)', () => {
    const workflow = placed();
    const { workflow: next } = pasteFragment(workflow, copyFragment(workflow, ['thanks', 'nudge']), { x: 40, y: 60 });
    expect(stepOf(next, 'thanks-copy')?.position).toEqual({ x: 140, y: 260 });
    expect(stepOf(next, 'nudge-copy')?.position).toEqual({ x: 40, y: 60 });
    // The originals stay where they were.
    expect(stepOf(next, 'thanks')?.position).toEqual({ x: 100, y: 200 });
  });

  it('numbers further copies: x-copy, x-copy-2, x-copy-3 — also when copying a copy', () => {
    const fragment = copyFragment(base(), ['thanks']);
    const once = pasteFragment(base(), fragment, { x: 0, y: 0 });
    const twice = pasteFragment(once.workflow, fragment, { x: 0, y: 0 });
    expect(twice.stepIds).toEqual(['thanks-copy-2']);
    const ofCopy = pasteFragment(twice.workflow, copyFragment(twice.workflow, ['thanks-copy-2']), { x: 0, y: 0 });
    expect(ofCopy.stepIds).toEqual(['thanks-copy-3']);
    expect(validateWorkflow(ofCopy.workflow).filter((problem) => problem.code === 'duplicate_id')).toEqual([]);
  });

  it('gives a step and its own copy, pasted together, different ids', () => {
    const withCopy = pasteFragment(base(), copyFragment(base(), ['thanks']), { x: 0, y: 0 }).workflow;
    const { stepIds, workflow } = pasteFragment(withCopy, copyFragment(withCopy, ['thanks', 'thanks-copy']), { x: 0, y: 0 });
    expect(new Set(stepIds).size).toBe(2);
    expectSound(workflow);
  });

  it('keeps copies of the longest ids within the id limit', () => {
    const long = 'x'.repeat(64);
    const workflow = deepFreeze(buildWorkflow({ steps: [steps.send(long, 'Hi')], edges: [`trigger>${long}`] }));
    let current = workflow;
    for (let i = 0; i < 12; i++) current = pasteFragment(current, copyFragment(workflow, [long]), { x: 0, y: 0 }).workflow;
    expect(current.steps).toHaveLength(13);
    expectSound(current);
  });

  it('pastes what was copied from another Workflow', () => {
    const other = followUpWorkflow();
    const { workflow } = pasteFragment(base(), copyFragment(other, ['greet', 'wait-24h', 'end']), { x: 0, y: 0 });
    expect(workflow.steps).toHaveLength(base().steps.length + 3);
    expectSound(workflow);
  });

  it('pastes a selection that held the trigger as its steps alone', () => {
    // A box selection over the top of the canvas takes the trigger too; its edge has no copy to start from.
    const { workflow, stepIds } = pasteFragment(base(), copyFragment(base(), ['trigger', 'ask', 'thanks']), { x: 0, y: 0 });
    expect(stepIds).toEqual(['ask-copy', 'thanks-copy']);
    expect(workflow.edges.slice(base().edges.length)).toEqual([expect.objectContaining({ source: 'ask-copy', sourceHandle: 'answered', target: 'thanks-copy' })]);
    expectSound(workflow);
  });

  it('returns the same object for an empty fragment', () => {
    const workflow = base();
    expect(pasteFragment(workflow, { steps: [], edges: [] }, { x: 10, y: 10 })).toEqual({ workflow, stepIds: [] });
    expect(pasteFragment(workflow, { steps: [], edges: [] }, { x: 10, y: 10 }).workflow).toBe(workflow);
  });
});

describe('any sequence of edits (property)', () => {
  it('starts from documents the builder can open', () => {
    // The property below is only meaningful if its starting points are sound themselves.
    for (const name of Object.keys(START_WORKFLOWS)) expectSound(startWorkflow(name));
  });

  /** Applies the commands one by one, checking every intermediate document. */
  function expectEverySoundAfter(name: string, commands: readonly EditCommand[]): void {
    let workflow = deepFreeze(startWorkflow(name));
    const trigger = workflow.trigger.id;
    for (const command of commands) {
      // Frozen, so an edit mutating the state it was given (which undo keeps) throws.
      workflow = deepFreeze(applyEditCommand(workflow, command));
      const parsed = workflowSchema.safeParse(workflow);
      if (!parsed.success) throw new Error(`schema refused the document after ${JSON.stringify(command)}: ${parsed.error.message}`);
      const problems = structuralProblems(workflow);
      if (problems.length > 0) throw new Error(`after ${JSON.stringify(command)}: ${problems.map((problem) => problem.message).join('; ')}`);
      expect(workflow.trigger.id).toBe(trigger);
    }
  }

  it('always yields a document the schema accepts, with no structural problem and the same trigger', () => {
    fc.assert(fc.property(startNameArb, fc.array(editCommandArb, { minLength: 1, maxLength: 40 }), expectEverySoundAfter), { numRuns: 500 });
  });

  it('also from a draft with design problems (two edges on one output), where edits meet the most odd cases', () => {
    // Found a reconnect that gave two edges one id; started from every fixture, it took ~800 cases.
    fc.assert(
      fc.property(fc.array(editCommandArb, { minLength: 1, maxLength: 40 }), (commands) => expectEverySoundAfter('messy', commands)),
      { numRuns: 500 },
    );
  });

  it('never leaves two edges on one output when the start had none', () => {
    fc.assert(
      fc.property(
        startNameArb.filter((name) => name !== 'messy'),
        fc.array(editCommandArb, { minLength: 1, maxLength: 40 }),
        (name, commands) => {
          let workflow = startWorkflow(name);
          for (const command of commands) {
            workflow = applyEditCommand(workflow, command);
            const twice = validateWorkflow(workflow).filter((problem) => problem.code === 'handle_used_twice');
            if (twice.length > 0) throw new Error(`after ${JSON.stringify(command)}: ${twice[0]?.message}`);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
