import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../simulator/engine/liveSession.ts';
import { parseScriptDocument, parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { PublishPolicy, Script } from '../../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../../simulator/schema/settings.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

const HOUR = 3_600_000;
const V1_CHECK_IN = 'Just checking in — did we answer your question?';
const V2_CHECK_IN = 'Checking in sooner now!';
/** Exit conditions off: only a publish ends a run early here. */
const NO_EXITS: WorkflowSettings = { manualStop: true, exitConditions: { enabled: false, on: [] } };

/** The follow-up example (public/examples/follow-up): Acknowledge, Wait 24h, Follow-up, End. */
function followUp(): Workflow {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as Record<string, unknown>;
  const parsed = parseWorkflowDocument({ ...raw, settings: NO_EXITS });
  if (!parsed.ok) throw new Error('the example does not parse');
  return parsed.value;
}

/** Version 2: the same step ids, the Wait down to 2h and a new check-in text. */
function followUpV2(): Workflow {
  const v1 = followUp();
  return {
    ...v1,
    steps: v1.steps.map((step) =>
      step.type === 'wait' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration', duration: '2h' } } : step.type === 'send_message' && step.id === 'check-in' ? { ...step, text: V2_CHECK_IN } : step,
    ),
  };
}

/** A version without the Wait: its id is gone, so a run waiting there cannot move. */
function followUpWithoutWait(): Workflow {
  const v1 = followUp();
  return {
    ...v1,
    steps: v1.steps.filter((step) => step.type !== 'wait'),
    edges: [...v1.edges.filter((edge) => edge.source !== 'wait' && edge.target !== 'wait'), { id: 'e-ack-check', source: 'ack', sourceHandle: 'next', target: 'check-in' }],
  };
}

function base(): Script {
  const parsed = parseScriptDocument({
    format: 'exitflow.script/1',
    name: 'Live demo',
    start: '2026-01-05T09:00:00Z',
    users: [{ id: 'alice', name: 'Alice', role: 'manager' }],
    contacts: [
      { id: 'omar', name: 'Omar' },
      { id: 'lee', name: 'Lee' },
    ],
    events: [],
  });
  if (!parsed.ok) throw new Error('the base script does not parse');
  return parsed.value;
}

function started(script = base(), versions: Record<string, Workflow> = {}): LiveSession {
  const result = LiveSession.start([followUp()], script, versions);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.session;
}

/** Omar writes in at +0; an hour later his run waits at the Wait (due at +24h) when version 2 is published. */
function publishedAfterAnHour(policy: PublishPolicy, version = followUpV2()): LiveSession {
  const live = started();
  expect(live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }).ok).toBe(true);
  live.advance(HOUR);
  const outcome = live.publish({ workflow: 'follow-up', file: 'version-7', policy }, version);
  expect(outcome.ok).toBe(true);
  return live;
}

const omar = (live: LiveSession) => live.runs().filter((run) => run.contact === 'omar');
const sent = (live: LiveSession, contact: string) => live.trace().flatMap((entry) => (entry.kind === 'message.sent' && entry.contact === contact ? [[entry.t, entry.text]] : []));

describe('publishing a new version into a live session', () => {
  it('finish: the waiting run stays on its version (its 24 h check-in); a new run starts on version 2', () => {
    const live = publishedAfterAnHour('finish');
    expect(omar(live)).toEqual([expect.objectContaining({ status: 'active', atStep: 'wait', due: 24 * HOUR })]);
    expect(omar(live)[0]?.version).toBeUndefined();
    live.command({ type: 'contact.message', contact: 'lee', text: 'Hello' });
    expect(live.runs().find((run) => run.contact === 'lee')).toMatchObject({ version: 2, atStep: 'wait', due: HOUR + 1000 + 2 * HOUR });
    live.advance(24 * HOUR);
    expect(sent(live, 'omar').at(-1)).toEqual([24 * HOUR, V1_CHECK_IN]);
    expect(sent(live, 'lee').at(-1)).toEqual([HOUR + 1000 + 2 * HOUR, V2_CHECK_IN]);
  });

  it('stop: the waiting run is stopped at the publish with reason workflow_updated, and its check-in never comes', () => {
    const live = publishedAfterAnHour('stop');
    expect(omar(live)).toEqual([expect.objectContaining({ status: 'stopped', reason: 'workflow_updated', atStep: 'wait', endedAt: HOUR })]);
    live.advance(48 * HOUR);
    expect(sent(live, 'omar').map(([, text]) => text)).not.toContain(V1_CHECK_IN);
  });

  it('move: the waiting run is on version 2 at the same step, keeps its due time, and sends version 2’s check-in', () => {
    const live = publishedAfterAnHour('move');
    expect(omar(live)).toEqual([expect.objectContaining({ status: 'active', atStep: 'wait', version: 2, due: 24 * HOUR })]);
    expect(live.trace().filter((entry) => entry.kind === 'run.moved')).toEqual([expect.objectContaining({ contact: 'omar', t: HOUR })]);
    live.advance(24 * HOUR);
    expect(sent(live, 'omar').at(-1)).toEqual([24 * HOUR, V2_CHECK_IN]);
  });

  it('move to a version without the step: the run is stopped with reason step_removed', () => {
    const live = publishedAfterAnHour('move', followUpWithoutWait());
    expect(omar(live)).toEqual([expect.objectContaining({ status: 'stopped', reason: 'step_removed', atStep: 'wait' })]);
  });

  it('records the publish at the current second and reports the version it made live', () => {
    const live = publishedAfterAnHour('move');
    expect(live.script().events.at(-1)).toEqual({ at: '+1h', type: 'workflow.publish', workflow: 'follow-up', file: 'version-7', policy: 'move' });
    expect(live.published()).toEqual([{ workflow: 'follow-up', version: 2, file: 'version-7' }]);
    expect(Object.keys(live.versions())).toEqual(['version-7']);
  });

  it('applies two publishes in turn, numbered 2 and 3, and refuses the same file a second time', () => {
    const live = publishedAfterAnHour('move');
    const v3 = { ...followUpV2(), name: 'Follow-up v3' };
    expect(live.publish({ workflow: 'follow-up', file: 'version-8', policy: 'move' }, v3).ok).toBe(true);
    expect(live.published().map((published) => [published.file, published.version])).toEqual([
      ['version-7', 2],
      ['version-8', 3],
    ]);
    expect(omar(live)[0]).toMatchObject({ version: 3, atStep: 'wait' });
    const again = live.publish({ workflow: 'follow-up', file: 'version-8', policy: 'move' }, v3);
    expect(again).toEqual({ ok: false, problems: [expect.objectContaining({ message: '"version-8" was already published in this session' })] });
    expect(live.published()).toHaveLength(2);
    expect(live.script().events.filter((event) => event.type === 'workflow.publish')).toHaveLength(2);
  });

  it('refuses a version of another Workflow, and a publish as a bare command; the session is unchanged', () => {
    const live = publishedAfterAnHour('finish');
    const before = live.script();
    const other = live.publish({ workflow: 'follow-up', file: 'version-9', policy: 'move' }, { ...followUpV2(), id: 'another' });
    expect(other.ok).toBe(false);
    expect(live.command({ type: 'workflow.publish', workflow: 'follow-up', file: 'version-7', policy: 'move' }).ok).toBe(false);
    expect(live.script()).toEqual(before);
    expect(Object.keys(live.versions())).toEqual(['version-7']);
  });

  it('resumes exactly: the kept script and versions replayed give the same runs and trace', () => {
    const live = publishedAfterAnHour('move');
    live.command({ type: 'contact.message', contact: 'lee', text: 'Hello' });
    live.advance(HOUR);
    const resumed = started(live.script(), live.versions());
    resumed.advance(live.time);
    expect(resumed.runs()).toEqual(live.runs());
    expect(resumed.trace()).toEqual(live.trace());
    expect(resumed.published()).toEqual(live.published());
  });

  it('does not resume without the versions its publishes name', () => {
    const live = publishedAfterAnHour('move');
    const result = LiveSession.start([followUp()], live.script());
    expect(result.ok).toBe(false);
  });
});
