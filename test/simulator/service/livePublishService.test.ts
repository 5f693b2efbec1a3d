// Publishing into the live session through the worker API: every call is structured-cloned as
// comlink does, and every answer checked against `liveResultSchema`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveRecordingSchema, liveResultSchema, type LiveResult, type LiveUpdate } from '../../../simulator/schema/live.ts';
import { parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { PublishPolicy, Script } from '../../../simulator/schema/script.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { LiveSessionService } from '../../../simulator/service/liveSessionService.ts';
import { demoScript } from '../../../src/screens/messages/live/demoCast.ts';

const HOUR = 3_600_000;

function followUp(): Workflow {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as Record<string, unknown>;
  const parsed = parseWorkflowDocument({ ...raw, settings: { manualStop: true, exitConditions: { enabled: false, on: [] } } });
  if (!parsed.ok) throw new Error('the example does not parse');
  return parsed.value;
}

const v2 = (): Workflow => ({ ...followUp(), steps: followUp().steps.map((step) => (step.type === 'wait' ? { ...step, label: 'Wait 2h', delay: { kind: 'duration', duration: '2h' } } : step)) });
const base = (): Script => demoScript(new Date('2026-01-05T09:00:00Z'));

function wire(service = new LiveSessionService()) {
  const received = (result: LiveResult): LiveResult => {
    const copy = structuredClone(result);
    expect(liveResultSchema.parse(copy)).toEqual(result);
    return copy;
  };
  return {
    service,
    start: (input: unknown) => received(service.start(structuredClone(input))),
    command: (input: unknown) => received(service.command(structuredClone(input))),
    publish: (input: unknown) => received(service.publish(structuredClone(input))),
    advance: (ms: number) => received(service.advance(ms)),
    recording: () => liveRecordingSchema.parse(structuredClone(service.recording())),
  };
}

function updateOf(result: LiveResult): LiveUpdate {
  if (!result.ok) throw new Error(`the engine refused: ${result.problems.map((problem) => problem.message).join('; ')}`);
  return result.update;
}

/** Omar writes in; an hour later version 2 is published with `policy`. */
function published(policy: PublishPolicy) {
  const live = wire();
  updateOf(live.start({ workflows: [followUp()], base: base() }));
  updateOf(live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }));
  updateOf(live.advance(HOUR));
  const update = updateOf(live.publish({ workflow: 'follow-up', file: 'version-12', policy, version: v2() }));
  return { live, update, omar: update.runs.find((run) => run.contact === 'omar') };
}

describe('the live session publishes new versions behind the worker API', () => {
  it('move: the run is reported on version 2 at the same step, and the version made live is reported', () => {
    const { update, omar } = published('move');
    expect(omar).toMatchObject({ status: 'active', atStep: 'wait', version: 2, due: 24 * HOUR });
    expect(update.published).toEqual([{ workflow: 'follow-up', version: 2, file: 'version-12' }]);
    expect(update.trace.entries.map((entry) => entry.kind)).toEqual(['workflow.published', 'run.moved']);
  });

  it('stop: the run is reported stopped with reason workflow_updated', () => {
    expect(published('stop').omar).toMatchObject({ status: 'stopped', reason: 'workflow_updated', atStep: 'wait' });
  });

  it('finish: the run is reported on its own version', () => {
    const { omar, update } = published('finish');
    expect(omar).toMatchObject({ status: 'active', atStep: 'wait', due: 24 * HOUR });
    expect(omar?.version).toBeUndefined();
    expect(update.published).toHaveLength(1);
  });

  it('keeps the publish and its version in the recording, and a new service resumes from it exactly', () => {
    const { live, update } = published('move');
    const recording = live.recording();
    expect(recording.script.events.at(-1)).toMatchObject({ type: 'workflow.publish', file: 'version-12', policy: 'move' });
    expect(Object.keys(recording.versions)).toEqual(['version-12']);
    const resumed = wire();
    updateOf(resumed.start({ workflows: [followUp()], base: recording.script, versions: recording.versions }));
    const again = updateOf(resumed.advance(update.time));
    expect(again.runs).toEqual(update.runs);
    expect(again.published).toEqual(update.published);
  });

  it('refuses hostile publishes with a reason and changes nothing', () => {
    const { live, update } = published('finish');
    const refusals = [
      live.publish({ workflow: 'follow-up', file: 'version-12', policy: 'move', version: v2() }),
      live.publish({ workflow: 'follow-up', file: 'version-13', policy: 'sideways', version: v2() }),
      live.publish({ workflow: 'follow-up', file: 'version-13', policy: 'move', version: { format: 'exitflow.workflow/2', id: 'follow-up' } }),
      live.publish({ workflow: 'follow-up', file: 'version-13', policy: 'move', version: v2(), extra: true }),
      live.publish('version-13'),
      live.command({ type: 'workflow.publish', workflow: 'follow-up', file: 'version-12', policy: 'move' }),
    ];
    for (const refused of refusals) expect(refused.ok).toBe(false);
    expect(refusals[0]).toMatchObject({ ok: false, problems: [{ message: '"version-12" was already published in this session' }] });
    expect(live.recording().script.events.filter((event) => event.type === 'workflow.publish')).toHaveLength(1);
    expect(updateOf(live.advance(0)).runs).toEqual(update.runs);
  });

  it('refuses a start whose kept version is damaged, naming where', () => {
    const live = wire();
    const refused = live.start({ workflows: [followUp()], base: base(), versions: { 'version-3': { id: 'follow-up' } } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]?.path).toMatch(/^\$\.versions\["?version-3/);
  });

  it('refuses a publish before the session starts', () => {
    expect(wire().publish({ workflow: 'follow-up', file: 'v', policy: 'move', version: v2() })).toMatchObject({ ok: false, problems: [{ message: 'No live session is running: start one first' }] });
  });
});
