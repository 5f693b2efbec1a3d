import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProblemCode, WorkflowProblem } from '../../../simulator/schema/problem.ts';
import { migrateWorkflow } from '../../../simulator/schema/workflowMigrations.ts';
import { workflowSchema, type Workflow } from '../../../simulator/schema/workflow.ts';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import { buildWorkflow, type StepInput, type WorkflowSpec } from '../../harness/workflowFixtures.ts';

/** Builds a Workflow through the real schema, so fixtures are documents a user could save. */
const build = buildWorkflow;

const send = (id: string, text = `Text of ${id}`): StepInput => ({ id, type: 'send_message', label: `Send ${id}`, text });
const wait = (id: string): StepInput => ({ id, type: 'wait', label: `Wait ${id}`, delay: { kind: 'duration', duration: '1h' } });
const ask = (id: string, timeout?: string): StepInput => ({ id, type: 'ask_question', label: `Ask ${id}`, text: 'Why?', field: 'why', ...(timeout ? { timeout } : {}) });
const tag = (id: string): StepInput => ({ id, type: 'update_tag', label: `Tag ${id}`, action: 'add', tag: 'x' });
const end = (id: string): StepInput => ({ id, type: 'end', label: `End ${id}` });
const jump = (id: string, target: string): StepInput => ({ id, type: 'jump_to', label: `Jump ${id}`, target });
const branch = (id: string, ...paths: string[]): StepInput => ({
  id,
  type: 'branch',
  label: `Branch ${id}`,
  paths: paths.map((path) => ({ id: path, label: path, conditions: [{ subject: 'tag', operator: 'has', tag: path }] })),
});
const dateBranch = (id: string): StepInput => ({ id, type: 'datetime_branch', label: `Hours ${id}`, days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' });
const startOther = (id: string, workflow: string): StepInput => ({ id, type: 'trigger_workflow', label: `Start ${id}`, workflow });

/** trigger → a → b → end: valid, to be broken one way per test. */
function linear(extra: Partial<WorkflowSpec> = {}): WorkflowSpec {
  return { steps: [send('a'), send('b'), end('z')], edges: ['trigger>a', 'a>b', 'b>z'], ...extra };
}

const codes = (problems: WorkflowProblem[]) => problems.map((problem) => problem.code);
const only = (problems: WorkflowProblem[], code: ProblemCode) => problems.filter((problem) => problem.code === code);

describe('validateWorkflow: valid Workflows', () => {
  const root = join(import.meta.dirname, '../../../public/examples');
  const folders = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const cases = folders.flatMap((folder) => {
    const files = readdirSync(join(root, folder.name)).filter((file) => file.endsWith('.workflow.json'));
    const workflows = files.map((file) => workflowSchema.parse(migrateWorkflow(JSON.parse(readFileSync(join(root, folder.name, file), 'utf8')))));
    return files.map((file, i) => [`${folder.name}/${file}`, workflows[i] as Workflow, workflows] as const);
  });

  it('finds the examples', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s has no problems (alone and beside its folder)', (_file, workflow, all) => {
    expect(validateWorkflow(workflow)).toEqual([]);
    expect(validateWorkflow(workflow, { workflows: all })).toEqual([]);
  });

  it('a straight line has no problems', () => {
    expect(validateWorkflow(build(linear()))).toEqual([]);
  });

  it('a Workflow with only a trigger has no problems', () => {
    expect(validateWorkflow(build({ steps: [], edges: [] }))).toEqual([]);
  });

  it('a branch with an else path and a date & time branch with an else path have no problems', () => {
    const workflow = build({
      steps: [branch('b', 'vip', 'lead'), dateBranch('d'), end('z1'), end('z2'), end('z3'), end('z4')],
      edges: ['trigger>b', 'b:vip>z1', 'b:lead>d', 'b:else>z2', 'd:match>z3', 'd:else>z4'],
    });
    expect(validateWorkflow(workflow)).toEqual([]);
  });

  it('a branch whose paths are left open but whose else is connected has no problems', () => {
    expect(validateWorkflow(build({ steps: [branch('b', 'vip'), end('z')], edges: ['trigger>b', 'b:else>z'] }))).toEqual([]);
  });

  it('exit conditions off with none selected, or on with some selected, are fine', () => {
    expect(validateWorkflow(build(linear({ settings: { exitConditions: { enabled: false, on: [] } } })))).toEqual([]);
    expect(validateWorkflow(build(linear({ settings: { manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] } } })))).toEqual([]);
  });
});

describe('validateWorkflow: every step reachable', () => {
  it('reports a step no edge leads to, at $.steps[i], shown on that step', () => {
    const workflow = build({ steps: [send('a'), send('lost'), end('z')], edges: ['trigger>a', 'a>z', 'lost>z'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'unreachable', message: expect.stringContaining('Send lost'), stepId: 'lost', path: ['steps', 1] },
    ]);
  });

  it('reports every step of a detached chain', () => {
    const workflow = build({ steps: [send('a'), send('x'), send('y'), end('z')], edges: ['trigger>a', 'x>y', 'y>z'] });
    const problems = validateWorkflow(workflow);
    expect(problems.map((problem) => [problem.code, problem.stepId, problem.path])).toEqual([
      ['unreachable', 'x', ['steps', 1]],
      ['unreachable', 'y', ['steps', 2]],
      ['unreachable', 'z', ['steps', 3]],
    ]);
  });

  it('counts a step reached only through Jump to as reachable', () => {
    const workflow = build({ steps: [jump('j', 'z'), end('z')], edges: ['trigger>j'] });
    expect(validateWorkflow(workflow)).toEqual([]);
  });

  it('reports every step when the trigger leads nowhere', () => {
    const workflow = build({ steps: [send('a'), end('z')], edges: ['a>z'] });
    expect(codes(validateWorkflow(workflow))).toEqual(['unreachable', 'unreachable']);
  });
});

describe('validateWorkflow: every branch has an else path', () => {
  it('reports a Branch without else, on the branch', () => {
    const workflow = build({ steps: [send('a'), branch('b', 'vip'), end('z')], edges: ['trigger>a', 'a>b', 'b:vip>z'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'branch_without_else', message: expect.stringContaining('Branch b'), stepId: 'b', path: ['steps', 1] },
    ]);
  });

  it('reports a Date & time branch without else, on the branch', () => {
    const workflow = build({ steps: [dateBranch('d'), end('z')], edges: ['trigger>d', 'd:match>z'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'branch_without_else', message: expect.stringContaining('Hours d'), stepId: 'd', path: ['steps', 0] },
    ]);
  });

  it('reports an else edge leading to a step that does not exist, on the branch', () => {
    const workflow = build({ steps: [branch('b', 'vip'), end('z')], edges: ['trigger>b', 'b:vip>z', 'b:else>nowhere'] });
    expect(validateWorkflow(workflow)).toContainEqual(expect.objectContaining({ code: 'edge_unknown_target', stepId: 'b', path: ['edges', 2, 'target'] }));
  });
});

describe('validateWorkflow: every Jump to points at a step', () => {
  it('reports a jump to a missing step at $.steps[i].target', () => {
    const workflow = build({ steps: [send('a'), jump('j', 'gone')], edges: ['trigger>a', 'a>j'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'jump_target_missing', message: expect.stringContaining('gone'), stepId: 'j', path: ['steps', 1, 'target'] },
    ]);
  });

  it('reports a jump that names no step', () => {
    const workflow = build({ steps: [jump('j', '')], edges: ['trigger>j'] });
    expect(validateWorkflow(workflow)).toEqual([{ code: 'jump_target_missing', message: expect.any(String), stepId: 'j', path: ['steps', 0, 'target'] }]);
  });

  it('reports a jump to the trigger, which is not a step', () => {
    const workflow = build({ steps: [send('a'), jump('j', 'trigger')], edges: ['trigger>a', 'a>j'] });
    expect(codes(validateWorkflow(workflow))).toEqual(['jump_target_missing']);
  });
});

describe('validateWorkflow: no loop without a Wait or Ask', () => {
  it('reports a loop of edges without a pause, on its first step, naming the others', () => {
    const workflow = build({ steps: [send('a'), tag('t'), branch('b', 'again'), end('z')], edges: ['trigger>a', 'a>t', 't>b', 'b:again>a', 'b:else>z'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'loop_without_pause', message: expect.stringMatching(/loop/i), stepId: 'a', relatedStepIds: ['t', 'b'], path: ['steps', 0] },
    ]);
  });

  it('reports a loop closed by a Jump to', () => {
    const workflow = build({ steps: [send('a'), send('b'), jump('j', 'a')], edges: ['trigger>a', 'a>b', 'b>j'] });
    const problems = validateWorkflow(workflow);
    expect(problems).toEqual([expect.objectContaining({ code: 'loop_without_pause', stepId: 'a', path: ['steps', 0] })]);
    expect(new Set(problems[0]?.relatedStepIds)).toEqual(new Set(['b', 'j']));
  });

  it('reports a Jump to that jumps to itself', () => {
    const workflow = build({ steps: [send('a'), jump('j', 'j')], edges: ['trigger>a', 'a>j'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'loop_without_pause', message: expect.any(String), stepId: 'j', relatedStepIds: [], path: ['steps', 1] },
    ]);
  });

  it('reports a step whose edge leads back to itself', () => {
    const workflow = build({ steps: [branch('b', 'again'), end('z')], edges: ['trigger>b', 'b:again>b', 'b:else>z'] });
    expect(validateWorkflow(workflow)).toEqual([expect.objectContaining({ code: 'loop_without_pause', stepId: 'b', path: ['steps', 0] })]);
  });

  it('accepts a loop with a Wait in it', () => {
    const workflow = build({ steps: [send('a'), wait('w'), jump('j', 'a')], edges: ['trigger>a', 'a>w', 'w>j'] });
    expect(validateWorkflow(workflow)).toEqual([]);
  });

  it('accepts a loop with an Ask a question in it', () => {
    const workflow = build({ steps: [send('a'), ask('q')], edges: ['trigger>a', 'a>q', 'q:answered>a'] });
    expect(validateWorkflow(workflow)).toEqual([]);
    const withTimeout = build({ steps: [send('a'), ask('q', '1h'), end('z')], edges: ['trigger>a', 'a>q', 'q:answered>a', 'q:timeout>z'] });
    expect(validateWorkflow(withTimeout)).toEqual([]);
  });

  it("reports a loop through an Ask a question's timeout path when another part of the loop has no pause", () => {
    const workflow = build({
      steps: [ask('q', '1h'), send('a'), send('b'), jump('j', 'a')],
      edges: ['trigger>q', 'q:answered>a', 'q:timeout>a', 'a>b', 'b>j'],
    });
    expect(validateWorkflow(workflow)).toEqual([expect.objectContaining({ code: 'loop_without_pause', stepId: 'a', relatedStepIds: ['b', 'j'], path: ['steps', 1] })]);
  });

  it('reports a pause-free loop even beside a loop that pauses', () => {
    const workflow = build({
      steps: [branch('b', 'slow'), wait('w'), tag('t'), jump('j', 'b')],
      edges: ['trigger>b', 'b:slow>w', 'w>b', 'b:else>t', 't>j'],
    });
    const loops = only(validateWorkflow(workflow), 'loop_without_pause');
    expect(loops).toHaveLength(1);
    expect(new Set([loops[0]?.stepId, ...(loops[0]?.relatedStepIds ?? [])])).toEqual(new Set(['b', 't', 'j']));
  });

  it('reports two separate loops as two problems', () => {
    const workflow = build({
      steps: [branch('b', 'left'), send('l'), jump('jl', 'l'), send('r'), jump('jr', 'r')],
      edges: ['trigger>b', 'b:left>l', 'l>jl', 'b:else>r', 'r>jr'],
    });
    const loops = only(validateWorkflow(workflow), 'loop_without_pause');
    expect(loops.map((loop) => [loop.stepId, loop.relatedStepIds, loop.path])).toEqual([
      ['l', ['jl'], ['steps', 1]],
      ['r', ['jr'], ['steps', 3]],
    ]);
  });
});

describe('validateWorkflow: stop settings', () => {
  it('reports exit conditions enabled with none selected, at $.settings.exitConditions.on, on no step', () => {
    const problems = validateWorkflow(build(linear({ settings: { manualStop: true, exitConditions: { enabled: true, on: [] } } })));
    expect(problems).toEqual([{ code: 'exit_conditions_empty', message: expect.any(String), path: ['settings', 'exitConditions', 'on'] }]);
    expect(problems[0]?.stepId).toBeUndefined();
  });
});

describe('validateWorkflow: edges', () => {
  it('reports an edge from a node that does not exist', () => {
    const workflow = build(linear({ edges: ['trigger>a', 'a>b', 'b>z', 'ghost>z'] }));
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'edge_unknown_source', message: expect.stringContaining('ghost'), edgeId: 'e3', path: ['edges', 3, 'source'] },
    ]);
  });

  it('reports an edge to a node that does not exist, shown on its source step', () => {
    const workflow = build({ steps: [send('a'), end('z')], edges: ['trigger>a', 'a>ghost'] });
    const problems = validateWorkflow(workflow);
    expect(problems).toContainEqual({ code: 'edge_unknown_target', message: expect.stringContaining('ghost'), edgeId: 'e1', stepId: 'a', path: ['edges', 1, 'target'] });
    // The dangling edge leads nowhere, so the end step is unreachable too.
    expect(codes(problems).sort()).toEqual(['edge_unknown_target', 'unreachable']);
  });

  it('reports an edge whose both ends are missing twice, once per end', () => {
    const workflow = build(linear({ edges: ['trigger>a', 'a>b', 'b>z', 'ghost>phantom'] }));
    expect(validateWorkflow(workflow).map((problem) => [problem.code, problem.path])).toEqual([
      ['edge_unknown_source', ['edges', 3, 'source']],
      ['edge_unknown_target', ['edges', 3, 'target']],
    ]);
  });

  it.each([
    ['a Send message', 'a:else>z2', 'a'],
    ['an End', 'z:next>z2', 'z'],
    ['a Jump to', 'j:next>z2', 'j'],
    ['an Ask a question without timeout', 'q:timeout>z2', 'q'],
    ['a Branch, from a path it does not have', 'br:gold>z2', 'br'],
    ['a Date & time branch', 'd:next>z2', 'd'],
    ['the trigger', 'trigger:else>z2', 'trigger'],
  ])('reports an edge leaving %s from an output it does not have', (_what, edge, stepId) => {
    const workflow = build({
      steps: [send('a'), ask('q'), branch('br', 'vip'), dateBranch('d'), send('b'), end('z'), end('z2'), jump('j', 'z')],
      edges: ['trigger>a', 'a>q', 'q:answered>br', 'br:vip>d', 'br:else>j', 'd:match>b', 'd:else>z2', 'b>z', edge],
    });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'edge_unknown_handle', message: expect.any(String), stepId, edgeId: 'e8', path: ['edges', 8, 'sourceHandle'] },
    ]);
  });

  it('reports a second edge from the same output, on its source step', () => {
    const workflow = build({ steps: [send('a'), send('b'), end('z')], edges: ['trigger>a', 'a>b', 'a>z', 'b>z'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'handle_used_twice', message: expect.stringContaining('next'), stepId: 'a', edgeId: 'e2', path: ['edges', 2, 'sourceHandle'] },
    ]);
  });

  it('reports two edges from the trigger', () => {
    const workflow = build({ steps: [send('a'), send('b')], edges: ['trigger>a', 'trigger>b'] });
    expect(validateWorkflow(workflow)).toEqual([expect.objectContaining({ code: 'handle_used_twice', stepId: 'trigger', path: ['edges', 1, 'sourceHandle'] })]);
  });

  it('accepts edges from different outputs of one step', () => {
    const workflow = build({ steps: [ask('q', '1h'), end('z1'), end('z2')], edges: ['trigger>q', 'q:answered>z1', 'q:timeout>z2'] });
    expect(validateWorkflow(workflow)).toEqual([]);
  });

  it('reports an edge into the trigger', () => {
    const workflow = build({ steps: [send('a')], edges: ['trigger>a', 'a>trigger'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'edge_into_trigger', message: expect.any(String), edgeId: 'e1', path: ['edges', 1, 'target'] },
    ]);
  });
});

describe('validateWorkflow: ids and content', () => {
  it('reports two steps with one id, at the second one', () => {
    const workflow = build({ steps: [send('a'), send('a', 'again'), end('z')], edges: ['trigger>a', 'a>z'] });
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'duplicate_id', message: expect.stringContaining('"a"'), stepId: 'a', path: ['steps', 1, 'id'] },
    ]);
  });

  it('reports a step with the id of the trigger', () => {
    const workflow = build({ steps: [send('a'), send('trigger')], edges: ['trigger>a'] });
    expect(validateWorkflow(workflow)).toContainEqual(expect.objectContaining({ code: 'duplicate_id', stepId: 'trigger', path: ['steps', 1, 'id'] }));
  });

  // With two steps of one id, the graph (and every message) uses the first; the path must point there too.
  it('points an unreachable step at the step the graph uses when a later step repeats its id', () => {
    const workflow = build({ steps: [send('a'), send('lost'), end('z'), send('lost', 'copy')], edges: ['trigger>a', 'a>z'] });
    const unreachable = only(validateWorkflow(workflow), 'unreachable');
    expect(unreachable.map((problem) => [problem.stepId, problem.path])).toEqual([['lost', ['steps', 1]]]);
    expect(unreachable[0]?.message).toContain('Send lost');
  });

  it('points a loop at the step the graph uses when a later step repeats its id', () => {
    const workflow = build({ steps: [send('a'), jump('j', 'a'), send('a', 'copy')], edges: ['trigger>a', 'a>j'] });
    const loops = only(validateWorkflow(workflow), 'loop_without_pause');
    expect(loops.map((problem) => [problem.stepId, problem.path])).toEqual([['a', ['steps', 0]]]);
  });

  it('reports two edges with one id', () => {
    const workflow = build(linear());
    const edges = workflow.edges.map((edge, i) => (i === 2 ? { ...edge, id: 'e0' } : edge));
    expect(validateWorkflow({ ...workflow, edges })).toEqual([
      { code: 'duplicate_id', message: expect.stringContaining('e0'), edgeId: 'e0', path: ['edges', 2, 'id'] },
    ]);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n\t '],
  ])('reports a Send message whose text is %s, at $.steps[i].text', (_what, text) => {
    const workflow = build(linear({ steps: [send('a'), send('b', text), end('z')] }));
    expect(validateWorkflow(workflow)).toEqual([
      { code: 'empty_message', message: expect.stringContaining('Send b'), stepId: 'b', path: ['steps', 1, 'text'] },
    ]);
  });

  it('reports an Ask a question without text', () => {
    const workflow = build({ steps: [{ id: 'q', type: 'ask_question', label: 'Ask', text: '', field: 'f' }, end('z')], edges: ['trigger>q', 'q:answered>z'] });
    expect(validateWorkflow(workflow)).toEqual([expect.objectContaining({ code: 'empty_message', stepId: 'q', path: ['steps', 0, 'text'] })]);
  });
});

describe('validateWorkflow: Trigger another Workflow', () => {
  const child = build({ id: 'child', name: 'Child', trigger: { id: 'start', type: 'workflow_started' }, steps: [end('z')], edges: ['start>z'] });
  const shortcut = build({ id: 'by-hand', name: 'By hand', trigger: { id: 'start', type: 'shortcut' }, steps: [end('z')], edges: ['start>z'] });
  const parent = (target: string) => build({ id: 'parent', name: 'Parent', steps: [startOther('go', target), end('z')], edges: ['trigger>go', 'go>z'] });

  it.each(['child', 'Child'])('accepts a target named by id or name (%s) that is started by another Workflow', (target) => {
    const workflow = parent(target);
    expect(validateWorkflow(workflow, { workflows: [workflow, child, shortcut] })).toEqual([]);
  });

  it('reports a target that is not among the Workflows, at $.steps[i].workflow', () => {
    const workflow = parent('nobody');
    expect(validateWorkflow(workflow, { workflows: [workflow, child] })).toEqual([
      { code: 'workflow_target_missing', message: expect.stringContaining('nobody'), stepId: 'go', path: ['steps', 0, 'workflow'] },
    ]);
  });

  it('reports a target whose trigger is not "Started by another Workflow"', () => {
    const workflow = parent('by-hand');
    expect(validateWorkflow(workflow, { workflows: [workflow, child, shortcut] })).toEqual([
      { code: 'workflow_target_not_startable', message: expect.stringContaining('By hand'), stepId: 'go', path: ['steps', 0, 'workflow'] },
    ]);
  });

  it('reports a Workflow that starts itself when its own trigger is not workflow_started', () => {
    const workflow = parent('parent');
    expect(codes(validateWorkflow(workflow, { workflows: [workflow] }))).toEqual(['workflow_target_not_startable']);
  });

  it('cannot check a named target without the workspace Workflows', () => {
    expect(validateWorkflow(parent('nobody'))).toEqual([]);
  });

  it('reports a step that names no Workflow, even without the workspace Workflows', () => {
    expect(validateWorkflow(parent(' '))).toEqual([expect.objectContaining({ code: 'workflow_target_missing', stepId: 'go', path: ['steps', 0, 'workflow'] })]);
  });
});

describe('validateWorkflow: every problem at once', () => {
  it('returns all problems of a broken Workflow, each on its step and path', () => {
    const workflow = build({
      steps: [
        send('hello', ''), // 0: empty text
        branch('route', 'vip'), // 1: no else
        jump('back', 'hello'), // 2: closes a loop hello → route → back → hello without a pause
        send('orphan'), // 3: unreachable
        jump('lost', 'nowhere'), // 4: reachable, target missing
        startOther('kick', 'missing-wf'), // 5: unreachable, unknown Workflow
        end('z'), // 6
        send('z', 'Duplicate'), // 7: duplicate id
      ],
      edges: ['trigger>hello', 'hello>route', 'route:vip>back', 'hello>lost', 'kick>z', 'z:next>hello', 'route>z', 'orphan>trigger', 'ghost>z'],
      settings: { exitConditions: { enabled: true, on: [] } },
    });
    const problems = validateWorkflow(workflow, { workflows: [] });
    const summary = problems.map((problem) => ({ code: problem.code, stepId: problem.stepId, edgeId: problem.edgeId, path: problem.path }));
    const expected = [
      { code: 'duplicate_id', stepId: 'z', edgeId: undefined, path: ['steps', 7, 'id'] },
      { code: 'handle_used_twice', stepId: 'hello', edgeId: 'e3', path: ['edges', 3, 'sourceHandle'] },
      { code: 'edge_unknown_handle', stepId: 'z', edgeId: 'e5', path: ['edges', 5, 'sourceHandle'] },
      { code: 'edge_unknown_handle', stepId: 'route', edgeId: 'e6', path: ['edges', 6, 'sourceHandle'] },
      { code: 'edge_into_trigger', stepId: undefined, edgeId: 'e7', path: ['edges', 7, 'target'] },
      { code: 'edge_unknown_source', stepId: undefined, edgeId: 'e8', path: ['edges', 8, 'source'] },
      { code: 'empty_message', stepId: 'hello', edgeId: undefined, path: ['steps', 0, 'text'] },
      { code: 'branch_without_else', stepId: 'route', edgeId: undefined, path: ['steps', 1] },
      { code: 'jump_target_missing', stepId: 'lost', edgeId: undefined, path: ['steps', 4, 'target'] },
      { code: 'workflow_target_missing', stepId: 'kick', edgeId: undefined, path: ['steps', 5, 'workflow'] },
      { code: 'unreachable', stepId: 'orphan', edgeId: undefined, path: ['steps', 3] },
      { code: 'unreachable', stepId: 'kick', edgeId: undefined, path: ['steps', 5] },
      // Only reached through 'route>z', which leaves from an output a Branch does not have.
      { code: 'unreachable', stepId: 'z', edgeId: undefined, path: ['steps', 6] },
      { code: 'loop_without_pause', stepId: 'hello', edgeId: undefined, path: ['steps', 0] },
      { code: 'exit_conditions_empty', stepId: undefined, edgeId: undefined, path: ['settings', 'exitConditions', 'on'] },
    ];
    const key = (problem: { code: string; path: unknown[] }) => `${problem.code} ${JSON.stringify(problem.path)}`;
    expect(summary.map(key).sort()).toEqual(expected.map(key).sort());
    for (const want of expected) expect(summary).toContainEqual(want);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
  });

  it('lists each problem once', () => {
    const workflow = build({ steps: [send('a', ''), branch('b', 'p'), send('c', '')], edges: ['trigger>a', 'a>b'] });
    const problems = validateWorkflow(workflow);
    const keys = problems.map((problem) => `${problem.code}:${problem.stepId}:${JSON.stringify(problem.path)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(
      ['empty_message:a:["steps",0,"text"]', 'branch_without_else:b:["steps",1]', 'empty_message:c:["steps",2,"text"]', 'unreachable:c:["steps",2]'].sort(),
    );
  });
});
