import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { autoLayout as layoutAnyWay, DAGRE_NODES_AT_MOST } from '../../../../src/parts/canvas/autoLayout.ts';
import { NODE_SIZE } from '../../../../src/parts/canvas/nodeSize.ts';
import type { Position } from '../../../../src/model/workflowEdits.ts';
import { deepFreeze } from '../../../harness/deepFreeze.ts';
import { buildWorkflow, followUpWorkflow, loopWorkflow, questionWorkflow, steps, type StepInput } from '../../../harness/workflowFixtures.ts';

const tag = (name: string) => [{ subject: 'tag' as const, operator: 'has' as const, tag: name }];

/** trigger → route, a Branch with paths vip and new and Else, each to its own message → done. */
const branching = (): Workflow =>
  deepFreeze(
    buildWorkflow({
      steps: [
        steps.branch('route', [
          { id: 'vip', label: 'VIP', conditions: tag('vip') },
          { id: 'new', label: 'New', conditions: tag('new') },
        ]),
        steps.send('to-vip', 'Welcome back'),
        steps.send('to-new', 'Welcome'),
        steps.send('to-else', 'Hello'),
        steps.end('done'),
      ],
      edges: ['trigger>route', 'route:vip>to-vip', 'route:new>to-new', 'route:else>to-else', 'to-vip>done', 'to-new>done', 'to-else>done'],
    }),
  );

/** A chain, a branch, an Ask with two outcomes, a loop through a Jump (which has no edge). */
const FIXTURES: Readonly<Record<string, () => Workflow>> = {
  chain: () => deepFreeze(followUpWorkflow()),
  branch: branching,
  question: () => deepFreeze(questionWorkflow()),
  loop: () => deepFreeze(loopWorkflow()),
};

/** Where the layout put every node, by id (the trigger too). */
function positions(workflow: Workflow): Map<string, Position> {
  const placed = new Map<string, Position>();
  for (const node of [workflow.trigger, ...workflow.steps]) {
    if (!node.position) throw new Error(`"${node.id}" has no position`);
    placed.set(node.id, node.position);
  }
  return placed;
}

const at = (placed: Map<string, Position>, id: string): Position => {
  const position = placed.get(id);
  if (!position) throw new Error(`"${id}" was not placed`);
  return position;
};

/** Pairs of nodes whose NODE_SIZE boxes (top-left corners) overlap. */
function overlaps(workflow: Workflow): string[] {
  const placed = [...positions(workflow)];
  const found: string[] = [];
  placed.forEach(([a, p], i) => {
    for (const [b, q] of placed.slice(i + 1))
      if (Math.abs(p.x - q.x) < NODE_SIZE.width && Math.abs(p.y - q.y) < NODE_SIZE.height) found.push(`${a} / ${b}`);
  });
  return found;
}

/** Edges along which y does not strictly grow (the target not below its source). */
function upwardEdges(workflow: Workflow): string[] {
  const placed = positions(workflow);
  return workflow.edges.filter((edge) => at(placed, edge.target).y <= at(placed, edge.source).y).map((edge) => `${edge.source}>${edge.target}`);
}

// Every rule holds for dagre's layout (small graphs) and for the layered one (large graphs).
describe.each([
  ['dagre', DAGRE_NODES_AT_MOST],
  ['layered', 0],
])('autoLayout (%s)', (_name, dagreAtMost) => {
  const autoLayout = (workflow: Workflow, grid?: number) => layoutAnyWay(workflow, grid, dagreAtMost);

  it.each(Object.keys(FIXTURES))('places every node below what leads to it (%s)', (name) => {
    const laidOut = autoLayout((FIXTURES[name] as () => Workflow)());
    expect(upwardEdges(laidOut)).toEqual([]);
    // The trigger starts everything, so it is at the very top.
    const placed = positions(laidOut);
    for (const step of laidOut.steps) expect(at(placed, step.id).y).toBeGreaterThan(laidOut.trigger.position?.y ?? Infinity);
  });

  it('puts the outputs of a Branch side by side: one row, each in its own column', () => {
    const placed = positions(autoLayout(branching()));
    const outputs = ['to-vip', 'to-new', 'to-else'].map((id) => at(placed, id));
    expect(new Set(outputs.map((position) => position.y)).size).toBe(1);
    expect(new Set(outputs.map((position) => position.x)).size).toBe(3);
    // …and they join again below.
    expect(at(placed, 'done').y).toBeGreaterThan(outputs[0]?.y ?? Infinity);
  });

  it('puts the two outcomes of an Ask side by side', () => {
    const placed = positions(autoLayout(questionWorkflow()));
    expect(at(placed, 'got-it').y).toBe(at(placed, 'no-rush').y);
    expect(at(placed, 'got-it').x).not.toBe(at(placed, 'no-rush').x);
  });

  it.each([20, 50])('snaps every position to a grid of %i', (grid) => {
    for (const build of Object.values(FIXTURES)) {
      for (const { x, y } of positions(autoLayout(build(), grid)).values()) {
        // Math.abs also turns a -0 remainder into 0.
        expect(Math.abs(x % grid)).toBe(0);
        expect(Math.abs(y % grid)).toBe(0);
      }
    }
  });

  it.each(Object.keys(FIXTURES))('lets no two nodes overlap (%s)', (name) => {
    expect(overlaps(autoLayout((FIXTURES[name] as () => Workflow)()))).toEqual([]);
  });

  it('gives the same layout every time, whatever the nodes’ previous positions', () => {
    const scattered = deepFreeze({
      ...branching(),
      steps: branching().steps.map((step, i) => ({ ...step, position: { x: 1000 - i * 333, y: i * 77 } })),
    });
    const first = autoLayout(branching());
    expect(autoLayout(branching())).toEqual(first);
    expect(positions(autoLayout(scattered))).toEqual(positions(first));
  });

  it('returns the same object when the Workflow is already laid out (no empty undo step)', () => {
    const laidOut = autoLayout(branching());
    expect(autoLayout(laidOut)).toBe(laidOut);
  });

  it('changes positions only', () => {
    const workflow = branching();
    const laidOut = autoLayout(workflow);
    expect(laidOut.edges).toBe(workflow.edges);
    const withoutPosition = ({ position: _position, ...rest }: { position?: Position | undefined }) => rest;
    expect(laidOut.steps.map(withoutPosition)).toEqual(workflow.steps.map(withoutPosition));
    expect(withoutPosition(laidOut.trigger)).toEqual(withoutPosition(workflow.trigger));
    expect({ ...laidOut, steps: [], trigger: null }).toEqual({ ...workflow, steps: [], trigger: null });
  });

  it('places disconnected steps too, without overlapping the rest', () => {
    const workflow = deepFreeze(
      buildWorkflow({
        steps: [steps.send('hello', 'Hi'), steps.end(), steps.send('stray', 'Nobody reaches me'), steps.wait('idle', '1h'), steps.comment('note', 'A note')],
        edges: ['trigger>hello', 'hello>end', 'idle>note'],
      }),
    );
    const laidOut = autoLayout(workflow);
    const placed = positions(laidOut);
    expect(placed.size).toBe(6);
    for (const { x, y } of placed.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(overlaps(laidOut)).toEqual([]);
    expect(upwardEdges(laidOut)).toEqual([]);
  });

  it('lays out a Workflow with only its trigger', () => {
    const laidOut = autoLayout(buildWorkflow({ steps: [], edges: [] }));
    expect(Number.isFinite(laidOut.trigger.position?.x)).toBe(true);
    expect(Number.isFinite(laidOut.trigger.position?.y)).toBe(true);
  });

  it('lays out a cycle drawn with edges, placing every node apart', () => {
    // A loop without a Jump: a → wait → a. There is no "below" for both, but no node is lost or stacked.
    const workflow = buildWorkflow({ steps: [steps.send('a', 'A'), steps.wait('pause', '1h')], edges: ['trigger>a', 'a>pause', 'pause>a'] });
    const laidOut = autoLayout(workflow);
    expect(positions(laidOut).size).toBe(3);
    expect(overlaps(laidOut)).toEqual([]);
  });

  it('on any acyclic graph: edges point down, nodes apart, positions on the grid (property)', () => {
    // Steps s0 … sn; each output of s<i> may lead to a later step, so the graph has no cycle.
    const graphArb = fc.integer({ min: 1, max: 25 }).chain((count) =>
      fc.tuple(
        fc.array(fc.constantFrom<'send' | 'branch' | 'hours'>('send', 'branch', 'hours'), { minLength: count, maxLength: count }),
        fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: count * 3, maxLength: count * 3 }),
      ),
    );
    fc.assert(
      fc.property(graphArb, ([kinds, targets]) => {
        const stepInputs: StepInput[] = kinds.map((kind, i) =>
          kind === 'send'
            ? steps.send(`s${i}`, 'Hi')
            : kind === 'branch'
              ? steps.branch(`s${i}`, [{ id: 'p', label: 'P', conditions: tag('p') }])
              : steps.hours(`s${i}`, [1], '09:00', '17:00'),
        );
        const outputs = (i: number) => (kinds[i] === 'send' ? ['next'] : kinds[i] === 'branch' ? ['p', 'else'] : ['match', 'else']);
        const edges = kinds.flatMap((_, i) =>
          outputs(i).flatMap((output, o) => {
            const pick = targets[i * 3 + o];
            const later = kinds.length - i - 1;
            return pick === undefined || later === 0 ? [] : [`s${i}:${output}>s${i + 1 + (pick % later)}`];
          }),
        );
        // The trigger leads to s0; other steps without an incoming edge stay disconnected.
        const workflow = buildWorkflow({ steps: stepInputs, edges: ['trigger>s0', ...edges] });
        const laidOut = autoLayout(workflow);
        expect(upwardEdges(laidOut)).toEqual([]);
        expect(overlaps(laidOut)).toEqual([]);
        for (const { x, y } of positions(laidOut).values()) expect([Math.abs(x % 20), Math.abs(y % 20)]).toEqual([0, 0]);
      }),
      { numRuns: 60 },
    );
  });
});
