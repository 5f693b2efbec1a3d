import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../../../simulator/engine/liveSession.ts';
import type { LiveUpdate } from '../../../../../simulator/schema/live.ts';
import type { PublishPolicy } from '../../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../../simulator/schema/workflow.ts';
import { demoScript } from '../../../../../src/screens/messages/live/demoCast.ts';
import { ongoingRuns, runsEndedByPublish } from '../../../../../src/screens/messages/live/ongoingRuns.ts';
import { describePublishOutcome } from '../../../../../src/screens/messages/live/publishOutcome.ts';
import { sessionVersions } from '../../../../../src/screens/messages/live/sessionVersions.ts';
import { followUpWorkflow, noExits } from '../../../../harness/workflowFixtures.ts';

const HOUR = 3_600_000;
const v1 = followUpWorkflow(noExits(true));
/** Version 2: the Wait renamed (same id) and down to 2h. */
const v2: Workflow = { ...v1, steps: v1.steps.map((step) => (step.type === 'wait' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration', duration: '2h' } } : step)) };
/** A version without the Wait. */
const withoutWait: Workflow = {
  ...v1,
  steps: v1.steps.filter((step) => step.type !== 'wait'),
  edges: [...v1.edges.filter((edge) => edge.source !== 'wait-24h' && edge.target !== 'wait-24h'), { id: 'greet-follow-up', source: 'greet', sourceHandle: 'next', target: 'follow-up' }],
};

/** Omar and Dana write in; an hour later `version` is published with `policy`, as the live session's service would answer it. */
function published(policy: PublishPolicy, version: Workflow = v2) {
  const started = LiveSession.start([v1], demoScript(new Date('2026-01-05T09:00:00Z')));
  if (!started.ok) throw new Error('no session');
  const live = started.session;
  live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' });
  live.command({ type: 'contact.message', contact: 'dana', text: 'Hello' });
  live.advance(HOUR);
  const before = live.traceLength;
  expect(live.publish({ workflow: v1.id, file: 'version-4', policy }, version).ok).toBe(true);
  const update: LiveUpdate = { time: live.time, nextDue: live.nextDue(), runs: live.runs(), contacts: live.contacts(), published: live.published(), trace: { from: before, entries: live.trace(before) } };
  const versions = sessionVersions({ startWorkflows: [v1], versions: live.versions(), published: live.published() });
  return { live, update, versions };
}

describe('a run’s version in the Messages view', () => {
  it('a moved run is on version 2, at the same step, labelled as version 2 labels it', () => {
    const { live, versions } = published('move');
    expect(ongoingRuns('omar', live.runs(), live.trace(), [v2], versions)).toEqual([expect.objectContaining({ workflowName: v1.name, stepLabel: 'Wait 2h', version: 2 })]);
  });

  it('a run left to finish says version 1 and keeps its version’s label; before any publish no version is shown', () => {
    const { live, versions } = published('finish');
    expect(ongoingRuns('omar', live.runs(), live.trace(), [v2], versions)).toEqual([expect.objectContaining({ stepLabel: 'Wait 24h', version: 1 })]);
    const untouched = sessionVersions({ startWorkflows: [v1], versions: {}, published: [] });
    expect(ongoingRuns('omar', live.runs(), live.trace(), [v1], untouched)[0]?.version).toBeUndefined();
  });

  it('a stopped run is listed with the engine’s words for why: workflow updated, step removed', () => {
    const stopped = published('stop');
    expect(ongoingRuns('omar', stopped.live.runs(), stopped.live.trace(), [v2], stopped.versions)).toEqual([]);
    expect(runsEndedByPublish('omar', stopped.live.runs(), stopped.versions)).toEqual([
      expect.objectContaining({ workflowName: v1.name, stepLabel: 'Wait 24h', version: 1, reason: 'workflow_updated', because: 'a new version of the Workflow was published, and its runs in flight were stopped' }),
    ]);
    const removed = published('move', withoutWait);
    expect(runsEndedByPublish('omar', removed.live.runs(), removed.versions)).toEqual([
      expect.objectContaining({ reason: 'step_removed', because: 'moved to a new version of the Workflow that no longer has its step' }),
    ]);
    expect(runsEndedByPublish('omar', published('move').live.runs(), published('move').versions)).toEqual([]);
  });
});

describe('describePublishOutcome', () => {
  it('says what each policy did to the runs in flight, counted from the engine’s report', () => {
    expect(describePublishOutcome('Follow-up', 'version-4', 'move', published('move').update)).toBe('Follow-up version 2 published: 2 runs moved to the new version');
    expect(describePublishOutcome('Follow-up', 'version-4', 'stop', published('stop').update)).toBe('Follow-up version 2 published: 2 runs stopped (Workflow updated)');
    expect(describePublishOutcome('Follow-up', 'version-4', 'finish', published('finish').update)).toBe('Follow-up version 2 published: 2 runs in flight finish on their version');
    expect(describePublishOutcome('Follow-up', 'version-4', 'move', published('move', withoutWait).update)).toBe('Follow-up version 2 published: 0 runs moved to the new version, 2 runs stopped (Step removed)');
  });
});
