// The live session's client over the real engine Worker in Chromium: a publish and the recording
// cross the boundary as plain data, parsed on both sides; a reload's start with the kept versions
// replays the publish.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLiveSessionClient, type LiveSessionClient } from '../../../src/engine/liveSessionClient.ts';
import type { LiveResult, LiveUpdate } from '../../../simulator/schema/live.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';

const HOUR = 3_600_000;
let followUp: Workflow;

beforeAll(async () => {
  const response = await fetch('/examples/follow-up/follow-up.workflow.json', { headers: { Accept: 'application/json' } });
  const raw = (await response.json()) as Workflow;
  followUp = { ...raw, settings: { manualStop: true, exitConditions: { enabled: false, on: [] } } };
});

const base = {
  format: 'exitflow.script/1' as const,
  name: 'Worker boundary',
  start: '2026-01-05T09:00:00Z',
  timezone: 'UTC',
  users: [{ id: 'alice', name: 'Alice', role: 'agent' as const, restricted: false }],
  contacts: [{ id: 'omar', name: 'Omar', tags: [], fields: {} }],
  events: [],
  expect: [],
};

const clients: LiveSessionClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function client(): LiveSessionClient {
  const created = createLiveSessionClient();
  clients.push(created);
  return created;
}

function updateOf(result: LiveResult): LiveUpdate {
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
  return result.update;
}

describe('publishing through the engine worker', () => {
  it('moves Omar’s waiting run to version 2, keeps the publish in the recording, and a new worker resumes it from there', async () => {
    const live = client();
    updateOf(await live.start({ workflows: [followUp], base }));
    updateOf(await live.command({ type: 'contact.message', contact: 'omar', text: 'Hi' }));
    updateOf(await live.advance(HOUR));
    const v2 = { ...followUp, name: 'Follow-up v2' };
    const moved = updateOf(await live.publish({ workflow: 'follow-up', file: 'version-5', policy: 'move', version: v2 }));
    expect(moved.runs).toEqual([expect.objectContaining({ contact: 'omar', status: 'active', atStep: 'wait', version: 2, due: 24 * HOUR })]);
    expect(moved.published).toEqual([{ workflow: 'follow-up', version: 2, file: 'version-5' }]);

    const recording = await live.recording();
    expect(recording?.versions).toEqual({ 'version-5': expect.objectContaining({ name: 'Follow-up v2' }) });
    const resumed = client();
    updateOf(await resumed.start({ workflows: [followUp], base: recording?.script ?? base, versions: recording?.versions ?? {} }));
    expect(updateOf(await resumed.advance(moved.time)).runs).toEqual(moved.runs);
  });

  it('refuses a hostile publish at the boundary with its path', async () => {
    const live = client();
    updateOf(await live.start({ workflows: [followUp], base }));
    const refused = await live.publish({ workflow: 'follow-up', file: 'version-5', policy: 'sideways', version: followUp } as never);
    expect(refused).toMatchObject({ ok: false, problems: [expect.objectContaining({ path: '$.policy' })] });
  });
});
