import { describe, expect, it } from 'vitest';
import { diffOutcomes } from '../../../simulator/engine/outcomeDiff.ts';
import { outcomeDiffSchema, type OutcomeDiff, type OutcomeDifference } from '../../../simulator/schema/outcomeDiff.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { buildWorkflow, exitOn, followUpWorkflow, FOLLOW_UP, routingWorkflow, steps } from '../../harness/workflowFixtures.ts';

/** The follow-up (greet, wait, follow-up, end) stopped by the contact's reply; `wait` is its Wait's duration. */
function followUp(wait = '24h'): Workflow {
  const workflow = followUpWorkflow(exitOn(['incoming_message']));
  return { ...workflow, steps: workflow.steps.map((step) => (step.type === 'wait' ? { ...step, label: `Wait ${wait}`, delay: { kind: 'duration', duration: wait } } : step)) };
}

const VIP_TEXT = 'A VIP line for you';

/** The follow-up with a Branch after the greeting: a contact tagged vip gets a VIP line and ends there. */
function followUpWithBranch(): Workflow {
  return buildWorkflow({
    id: 'follow-up',
    name: 'Follow-up',
    trigger: { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
    steps: [
      steps.send('greet', FOLLOW_UP.greeting, 'Greeting'),
      steps.branch('is-vip', [{ id: 'vip', label: 'VIP', match: 'all', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }], 'VIP?'),
      steps.send('vip-line', VIP_TEXT, 'VIP line'),
      steps.wait('wait-24h', '24h', 'Wait 24h'),
      steps.send('follow-up', FOLLOW_UP.followUp, 'Follow-up'),
      steps.end(),
    ],
    edges: ['trigger>greet', 'greet>is-vip', 'is-vip:vip>vip-line', 'is-vip:else>wait-24h', 'wait-24h>follow-up', 'follow-up>end'],
    settings: exitOn(['incoming_message']),
  });
}

/** Dana writes, and writes again 3h later (a reply that stops the 24h follow-up, not the 2h one). */
const replies = harness(followUp()).name('Dana replies').at('+0').contactSays('Do you ship to Canada?').at('+3h').contactSays('Never mind!').script();
const nobodyAnswers = harness(followUp()).name('Nobody answers').at('+0').contactSays('Do you ship to Canada?').script();

/** Every row compared, and the diff as the worker would send it: it parses with its schema. */
function okRows(diff: OutcomeDiff) {
  expect(outcomeDiffSchema.parse(diff)).toEqual(diff);
  return diff.rows.map((row) => {
    if (!row.ok) throw new Error(`row ${row.script} not compared: ${JSON.stringify(row.problems)}`);
    return row;
  });
}

describe('diffOutcomes: the runs whose outcome changes between two versions', () => {
  it('identical versions change nothing', () => {
    const diff = diffOutcomes([followUp()], [followUp()], [replies, nobodyAnswers]);
    const rows = okRows(diff);
    expect(rows.map((row) => [row.runs, row.changed, row.differences])).toEqual([
      [1, 0, []],
      [1, 0, []],
    ]);
    expect([diff.runs, diff.changed]).toEqual([2, 0]);
  });

  it('a follow-up waiting 2h instead of 24h: the reply no longer stops it, and the reply starts a second run', () => {
    const diff = diffOutcomes([followUp('24h')], [followUp('2h')], [replies]);
    const [row] = okRows(diff);
    expect(row?.runs).toBe(2);
    expect(row?.changed).toBe(2);
    const [first, second] = row?.differences as OutcomeDifference[];
    expect(first).toMatchObject({
      script: 0,
      contact: { id: 'dana', name: 'Dana' },
      workflow: { id: 'follow-up', name: 'Follow-up' },
      occurrence: 0,
      before: { status: 'stopped', reason: 'incoming_message', atStep: { id: 'wait-24h', label: 'Wait 24h' }, at: ms('+3h'), sent: ['Thanks for writing, Dana!'] },
      after: { status: 'completed', atStep: { id: 'end', label: 'End' }, at: ms('+2h'), sent: ['Thanks for writing, Dana!', FOLLOW_UP.followUp] },
      changes: ['status', 'reason', 'step', 'messages'],
      noLongerSent: [],
      newlySent: [FOLLOW_UP.followUp],
    });
    expect(first?.after?.reason).toBeUndefined();
    // The two sides part when the Wait's timer is set: due at +24h on one side, at +2h on the other.
    expect(first?.divergesAt).toMatchObject({ t: 0, before: { t: 0 }, after: { t: 0 } });
    expect(first?.divergesAt?.before?.description).toBe('Timer set for +1d ("Wait 24h")');
    expect(first?.divergesAt?.after?.description).toBe('Timer set for +2h ("Wait 2h")');
    expect(first?.divergesAt?.before?.seq).toBe(first?.divergesAt?.after?.seq);
    // The second run exists only on the new side: there the reply comes after the run completed and starts another;
    // the contact's divergence is the same instant.
    expect(second?.divergesAt).toEqual(first?.divergesAt);
    expect(second).toMatchObject({
      occurrence: 1,
      before: null,
      after: { status: 'completed', atStep: { id: 'end' }, startedAt: ms('+3h'), at: ms('+5h'), sent: ['Thanks for writing, Dana!', FOLLOW_UP.followUp] },
      changes: ['run'],
      noLongerSent: [],
      newlySent: ['Thanks for writing, Dana!', FOLLOW_UP.followUp],
    });
    expect([diff.runs, diff.changed]).toEqual([2, 2]);
  });

  it('the same change the other way round lists the run the old version had and the new one lacks', () => {
    const [row] = okRows(diffOutcomes([followUp('2h')], [followUp('24h')], [replies]));
    const [first, second] = row?.differences as OutcomeDifference[];
    expect(first).toMatchObject({ before: { status: 'completed' }, after: { status: 'stopped', reason: 'incoming_message' }, noLongerSent: [FOLLOW_UP.followUp], newlySent: [] });
    expect(second).toMatchObject({ occurrence: 1, before: { status: 'completed' }, after: null, changes: ['run'], noLongerSent: ['Thanks for writing, Dana!', FOLLOW_UP.followUp], newlySent: [] });
  });

  it('a wait that ends sooner with the same outcome is no difference: only status, reason, step and messages count', () => {
    const [row] = okRows(diffOutcomes([followUp('24h')], [followUp('2h')], [nobodyAnswers]));
    expect(row).toMatchObject({ runs: 1, changed: 0, differences: [] });
  });

  it('a version adding a Branch changes only the contacts it routes another way', () => {
    const script = harness(followUp())
      .name('Two contacts')
      .contact('dana', { tags: ['vip'] })
      .at('+0')
      .contactSays('Hi')
      .contact('omar')
      .at('+1h')
      .contactSays('Hello')
      .script();
    const [row] = okRows(diffOutcomes([followUp()], [followUpWithBranch()], [script]));
    expect(row?.runs).toBe(2);
    expect(row?.differences).toHaveLength(1);
    expect(row?.differences[0]).toMatchObject({
      contact: { id: 'dana' },
      before: { status: 'completed', atStep: { id: 'end' }, sent: ['Thanks for writing, Dana!', FOLLOW_UP.followUp] },
      after: { status: 'completed', atStep: { id: 'vip-line', label: 'VIP line' }, sent: ['Thanks for writing, Dana!', VIP_TEXT] },
      changes: ['step', 'messages'],
      noLongerSent: [FOLLOW_UP.followUp],
      newlySent: [VIP_TEXT],
    });
    // Dana's traces agree up to the step after the greeting: the Wait before, the Branch after.
    const divergence = row?.differences[0]?.divergesAt;
    expect(divergence?.t).toBe(0);
    expect(divergence?.before?.description).toMatch(/Wait 24h/);
    expect(divergence?.after?.description).toMatch(/VIP\?/);
  });

  it('Workflows besides the changed one are simulated too, and only the runs that change are listed', () => {
    const routing = routingWorkflow();
    const both = harness(followUp(), routing).at('+0').contactSays('Hi').at('+3h').contactSays('Again').script();
    const [row] = okRows(diffOutcomes([followUp('24h'), routing], [followUp('2h'), routing], [both]));
    // Routing runs twice on both sides, the same way: it is not listed.
    expect(row?.differences.map((difference) => difference.workflow.id)).toEqual(['follow-up', 'follow-up']);
    expect(row?.runs).toBe(4);
  });

  it("a renamed new version is compared though the script's expectations name the old name: expectations play no part", () => {
    const named = harness(followUp()).at('+0').contactSays('Hi').at('+3h').contactSays('Again').expect({ contact: 'dana', workflow: 'Follow-up', status: 'stopped' }).script();
    const renamed = { ...followUp('2h'), name: 'Quick follow-up' };
    const [row] = okRows(diffOutcomes([followUp()], [renamed], [named]));
    expect(row?.differences.map((difference) => difference.workflow)).toEqual([
      { id: 'follow-up', name: 'Quick follow-up' },
      { id: 'follow-up', name: 'Quick follow-up' },
    ]);
  });

  it('a broken new version gives its script problems on the side that has it, and nothing is simulated', () => {
    const broken = { ...followUp('2h'), edges: followUp('2h').edges.filter((edge) => edge.source !== 'trigger') };
    const diff = diffOutcomes([followUp()], [broken], [replies]);
    expect(outcomeDiffSchema.parse(diff)).toEqual(diff);
    const [row] = diff.rows;
    expect(row?.ok).toBe(false);
    if (row?.ok !== false) return;
    expect(row.problems.length).toBeGreaterThan(0);
    expect(row.problems.every((problem) => problem.side === 'after' && problem.source === 'workflow' && problem.index === 0)).toBe(true);
    expect([diff.runs, diff.changed]).toEqual([0, 0]);
  });

  it('a script past the budget is refused in its row, the ones before it are compared', () => {
    const size = (wait: string) => harness(followUp(wait)).at('+0').contactSays('Do you ship to Canada?').at('+3h').contactSays('Never mind!').run().trace.length;
    // Enough for the first script's larger side twice over, so the first fits and the second cannot.
    const maxTraceEntries = 2 * Math.max(size('24h'), size('2h'));
    const diff = diffOutcomes([followUp('24h')], [followUp('2h')], [replies, replies], { maxTraceEntries });
    expect(diff.rows[0]).toMatchObject({ ok: true, changed: 2 });
    const refused = diff.rows[1];
    expect(refused).toMatchObject({ ok: false, script: 1 });
    if (refused?.ok !== false) return;
    expect(refused.problems[0]).toMatchObject({ side: 'before', source: 'script', index: 1, path: '$' });
    expect(refused.problems[0]?.message).toBe(`Not simulated to the end: this diff's ${maxTraceEntries} trace entries ran out at +0 — diff fewer scripts, or a shorter one`);
    expect([diff.runs, diff.changed]).toEqual([2, 2]);
  });

  it('maxDifferences cuts the list, never the counts', () => {
    const diff = diffOutcomes([followUp('24h')], [followUp('2h')], [replies, replies], { maxDifferences: 3 });
    const rows = okRows(diff);
    expect(rows.map((row) => [row.changed, row.differences.length])).toEqual([
      [2, 2],
      [2, 1],
    ]);
    expect(diff.changed).toBe(4);
  });

  it('a population script of 1,000 contacts finishes, in bounded time, with every run counted', () => {
    const population = harness(followUp())
      .name('1,000 contacts')
      .at('+0')
      .contactSays('Hi')
      .at('+3h')
      .contactSays('Still there?')
      .population({ contacts: 1000, jitter: '2d', seed: 42 })
      .script();
    const started = performance.now();
    const diff = diffOutcomes([followUp('24h')], [followUp('2h')], [population]);
    const elapsed = performance.now() - started;
    const [row] = okRows(diff);
    const runsOn = (wait: string) => harness(followUp(wait)).at('+0').contactSays('Hi').at('+3h').contactSays('Still there?').population({ contacts: 1000, jitter: '2d', seed: 42 }).run().runs().length;
    const [before, after] = [runsOn('24h'), runsOn('2h')];
    // Each run is counted once, whether it is on one side or both.
    expect(row?.runs).toBeGreaterThanOrEqual(Math.max(before, after));
    expect(row?.runs).toBeLessThanOrEqual(before + after);
    // Most contacts reply within 24h, so the 24h follow-up stops where the 2h one has completed.
    expect(row?.changed).toBeGreaterThan(500);
    expect(row?.differences).toHaveLength(row?.changed ?? -1);
    expect(row?.differences.every((difference) => difference.divergesAt !== null && difference.contact.id.startsWith('dana#'))).toBe(true);
    expect(elapsed).toBeLessThan(5_000);
  });
});
