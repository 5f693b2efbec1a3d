import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWorkflows, isWorkflowDiffEmpty, type WorkflowDiff } from '../../../simulator/graph/workflowDiff.ts';
import { workflowSchema, type Workflow } from '../../../simulator/schema/workflow.ts';
import { applyEditCommand, editCommandArb, messyDraftWorkflow, startNameArb, startWorkflow } from '../../harness/workflowEditCommands.ts';
import { buildWorkflow, exitOn, followUpWorkflow, pauseOn, steps, withSettings } from '../../harness/workflowFixtures.ts';

const edit = (workflow: Workflow, change: (draft: Workflow) => unknown): Workflow => workflowSchema.parse(change(structuredClone(workflow)));

const ids = (list: readonly { readonly id: string }[]) => list.map((item) => item.id).sort();
const keys = (list: readonly { readonly key: string }[]) => list.map((item) => item.key).sort();

describe('diffWorkflows', () => {
  it('names a Wait whose duration changed, with the field, both values in words and the newer label', () => {
    const v1 = followUpWorkflow();
    const v2 = edit(v1, (wf) => ({ ...wf, steps: wf.steps.map((step) => (step.id === 'wait-24h' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration', duration: '2h' } } : step)) }));
    const diff = diffWorkflows(v1, v2);
    expect(diff.steps.changed).toEqual([
      {
        id: 'wait-24h',
        label: 'Wait 2h',
        kind: 'Wait',
        changes: [
          { path: 'label', before: '"Wait 24h"', after: '"Wait 2h"' },
          { path: 'delay.duration', before: '"24h"', after: '"2h"' },
        ],
      },
    ]);
    expect(diff.steps.added).toEqual([]);
    expect(diff.steps.removed).toEqual([]);
    expect(diff.edges).toEqual({ added: [], removed: [] });
    expect(diff.settings).toEqual([]);
    expect(isWorkflowDiffEmpty(diff)).toBe(false);
  });

  it('lists an inserted step as added and the edge it replaced as removed, by what the edges join', () => {
    const v1 = followUpWorkflow();
    const v2 = edit(v1, (wf) => ({
      ...wf,
      steps: [...wf.steps, workflowSchema.shape.steps.element.parse(steps.tag('tag-vip', 'add', 'vip', 'Tag VIP'))],
      edges: [...wf.edges.filter((edge) => edge.id !== 'e1'), { id: 'x1', source: 'greet', sourceHandle: 'next', target: 'tag-vip' }, { id: 'x2', source: 'tag-vip', sourceHandle: 'next', target: 'wait-24h' }],
    }));
    const diff = diffWorkflows(v1, v2);
    expect(diff.steps.added).toEqual([{ id: 'tag-vip', label: 'Tag VIP', kind: expect.any(String) }]);
    expect(diff.edges.removed.map((edge) => `${edge.sourceLabel} → ${edge.targetLabel}`)).toEqual(['Greeting → Wait 24h']);
    expect(diff.edges.added.map((edge) => `${edge.sourceLabel} → ${edge.targetLabel}`)).toEqual(['Greeting → Tag VIP', 'Tag VIP → Wait 24h']);
    expect(diff.steps.changed).toEqual([]);
  });

  it('ignores edge ids, and lists a move apart from changes', () => {
    const v1 = followUpWorkflow();
    const v2 = edit(v1, (wf) => ({
      ...wf,
      edges: wf.edges.map((edge) => ({ ...edge, id: `renamed-${edge.id}` })),
      steps: wf.steps.map((step) => (step.id === 'greet' ? { ...step, position: { x: 400, y: 80 } } : step)),
    }));
    const diff = diffWorkflows(v1, v2);
    expect(diff.steps.moved).toEqual(['greet']);
    expect(isWorkflowDiffEmpty(diff)).toBe(true);
  });

  it('reports a step that changed kind under the same id by the kinds’ names', () => {
    const v1 = followUpWorkflow();
    const v2 = edit(v1, (wf) => ({ ...wf, steps: wf.steps.map((step) => (step.id === 'greet' ? { id: 'greet', type: 'add_comment', label: 'Greeting', text: 'Note' } : step)) }));
    const [changed] = diffWorkflows(v1, v2).steps.changed;
    expect(changed?.changes).toContainEqual({ path: 'type', before: 'Send message', after: 'Add comment' });
    expect(changed?.changes).toContainEqual({ path: 'text', before: expect.stringContaining('Thanks for writing'), after: '"Note"' });
  });

  it('matches a Branch’s paths by id: a renamed path is one field, an added path is one entry', () => {
    const v1 = messyDraftWorkflow();
    const branch = v1.steps.find((step) => step.type === 'branch');
    if (branch?.type !== 'branch') throw new Error('the messy draft has a Branch');
    const [first, ...rest] = branch.paths;
    if (!first) throw new Error('its Branch has a path');
    const v2 = edit(v1, (wf) => ({
      ...wf,
      steps: wf.steps.map((step) =>
        step.id === branch.id && step.type === 'branch'
          ? { ...step, paths: [...rest.reverse(), { ...first, label: 'Renamed' }, { id: 'extra', label: 'Extra', conditions: [{ subject: 'tag', operator: 'has', tag: 'new' }] }] }
          : step,
      ),
    }));
    const changes = diffWorkflows(v1, v2).steps.changed[0]?.changes ?? [];
    expect(changes).toEqual([
      { path: `paths[${first.id}].label`, before: JSON.stringify(first.label), after: '"Renamed"' },
      { path: 'paths[extra]', before: 'not set', after: '"Extra"' },
    ]);
  });

  it('lists settings, trigger and When stopped changes in words', () => {
    const v1 = followUpWorkflow(exitOn(['outgoing_message']));
    const v2 = edit(withSettings(v1, pauseOn(['outgoing_message'], { stop: ['incoming_message'], manualStop: true })), (wf) => ({
      ...wf,
      trigger: { ...wf.trigger, oncePerContact: true },
      whenStopped: { id: 'when-stopped', label: '' },
    }));
    const diff = diffWorkflows(v1, v2);
    expect(diff.settings).toEqual(
      expect.arrayContaining([
        { path: 'manualStop', before: 'off', after: 'on' },
        { path: 'exitConditions.on', before: '"outgoing_message"', after: '"outgoing_message", "incoming_message"' },
        { path: 'exitConditions.actions', before: 'not set', after: expect.stringContaining('pause') },
        { path: 'pause', before: 'not set', after: expect.stringContaining('silence') },
      ]),
    );
    expect(diff.trigger).toEqual([{ path: 'oncePerContact', before: 'off', after: 'on' }]);
    expect(diff.whenStopped).toEqual([{ path: 'whenStopped', before: 'not set', after: expect.stringContaining('when-stopped') }]);
  });

  it('does not fail on a draft with two steps of one id and an edge drawn twice', () => {
    const messy = buildWorkflow({ steps: [steps.send('a', 'A'), steps.send('b', 'B')], edges: ['trigger>a', 'a>b', 'a>b'] });
    const twice = { ...messy, steps: [...messy.steps, { ...messy.steps[0]!, label: 'Again' }] };
    const diff = diffWorkflows(messy, twice);
    expect(isWorkflowDiffEmpty(diff)).toBe(true);
    const oneEdge = { ...messy, edges: messy.edges.slice(0, 2) };
    expect(diffWorkflows(messy, oneEdge).edges.removed.map((edge) => edge.target)).toEqual(['b']);
  });

  it('clips a very long text so a value stays readable', () => {
    const v1 = followUpWorkflow();
    const v2 = edit(v1, (wf) => ({ ...wf, steps: wf.steps.map((step) => (step.id === 'greet' && step.type === 'send_message' ? { ...step, text: 'x'.repeat(3000) } : step)) }));
    const [change] = diffWorkflows(v1, v2).steps.changed[0]?.changes ?? [];
    expect(change?.after.length).toBeLessThanOrEqual(160);
    expect(change?.after.endsWith('…')).toBe(true);
  });
});

/** Two Workflows a designer could have: a start document and the same after a run of builder edits. */
const versionPair = fc
  .tuple(startNameArb, fc.array(editCommandArb, { maxLength: 20 }), fc.array(editCommandArb, { maxLength: 20 }))
  .map(([name, first, second]) => {
    const a = first.reduce(applyEditCommand, startWorkflow(name));
    return [a, second.reduce(applyEditCommand, a)] as const;
  });

const mirrored = (ab: WorkflowDiff, ba: WorkflowDiff) => {
  expect(ids(ab.steps.added)).toEqual(ids(ba.steps.removed));
  expect(ids(ab.steps.removed)).toEqual(ids(ba.steps.added));
  expect(ids(ab.steps.changed)).toEqual(ids(ba.steps.changed));
  expect([...ab.steps.moved].sort()).toEqual([...ba.steps.moved].sort());
  expect(keys(ab.edges.added)).toEqual(keys(ba.edges.removed));
  expect(keys(ab.edges.removed)).toEqual(keys(ba.edges.added));
  for (const step of ab.steps.changed) {
    const back = ba.steps.changed.find((other) => other.id === step.id);
    expect(back?.changes.map((change) => [change.path, change.after, change.before]).sort()).toEqual(step.changes.map((change) => [change.path, change.before, change.after]).sort());
  }
};

describe('diffWorkflows, over edited Workflows', () => {
  it('finds nothing between a Workflow and itself (or a copy of it)', () => {
    fc.assert(
      fc.property(versionPair, ([, b]) => {
        expect(isWorkflowDiffEmpty(diffWorkflows(b, b))).toBe(true);
        expect(diffWorkflows(b, structuredClone(b)).steps.moved).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is its own mirror: what one way adds the other way removes, and each change reads backwards', () => {
    fc.assert(
      fc.property(versionPair, ([a, b]) => mirrored(diffWorkflows(a, b), diffWorkflows(b, a))),
      { numRuns: 300 },
    );
  });

  it('reports a difference whenever the two differ in more than where nodes stand, edge ids and order', () => {
    const withoutPlaces = (wf: Workflow) =>
      JSON.stringify({
        ...wf,
        trigger: { ...wf.trigger, position: undefined },
        whenStopped: wf.whenStopped && { ...wf.whenStopped, position: undefined },
        // Order plays no part either: steps are matched by id, edges by what they join.
        steps: wf.steps.map((step) => JSON.stringify({ ...step, position: undefined })).sort(),
        edges: wf.edges.map((edge) => JSON.stringify([edge.source, edge.sourceHandle, edge.target])).sort(),
      });
    fc.assert(
      fc.property(versionPair, ([a, b]) => {
        expect(isWorkflowDiffEmpty(diffWorkflows(a, b))).toBe(withoutPlaces(a) === withoutPlaces(b));
      }),
      { numRuns: 300 },
    );
  });
});
