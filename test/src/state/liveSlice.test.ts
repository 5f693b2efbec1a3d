import { describe, expect, it } from 'vitest';
import type { LiveUpdate } from '../../../simulator/schema/live.ts';
import type { Script } from '../../../simulator/schema/script.ts';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import { demoScript } from '../../../src/screens/messages/live/demoCast.ts';
import { createAppStore, type AppStore } from '../../../src/state/appStore.ts';
import { deepFreeze } from '../../harness/deepFreeze.ts';
import { followUpWorkflow, noExits } from '../../harness/workflowFixtures.ts';

const workflows = [followUpWorkflow(noExits(true))];
/** Users olivia, max, alice, rita; contacts dana, omar, lee. */
const cast = (): Script => demoScript(new Date('2026-01-05T09:00:00Z'));

const entry = (seq: number, text: string): TraceEntry => ({ seq, t: seq * 1000, kind: 'event', contact: 'omar', event: 'contact.message', text });

function update(from: number, entries: readonly TraceEntry[], time = 0): LiveUpdate {
  return deepFreeze({ time, nextDue: null, runs: [], contacts: [], trace: { from, entries: [...entries] } });
}

function started(store: AppStore, base: Script = cast(), trace: readonly TraceEntry[] = []): void {
  store.getState().liveStarted({ workflows, base, update: update(0, trace) });
}

describe('the live slice', () => {
  it('starts on the first user and contact of the cast when nothing is chosen yet', () => {
    const store = createAppStore();
    started(store);
    expect(store.getState().live).toMatchObject({ status: { kind: 'running' }, userId: 'olivia', contactId: 'dana', workflows, base: cast() });
  });

  it('keeps a choice of user and contact that the new cast still has', () => {
    const store = createAppStore();
    store.getState().setLiveUser('rita');
    store.getState().selectLiveContact('lee');
    started(store);
    expect(store.getState().live).toMatchObject({ userId: 'rita', contactId: 'lee' });
  });

  it('falls back to the first user and contact when the new cast no longer has the chosen ones', () => {
    const store = createAppStore();
    store.getState().setLiveUser('rita');
    store.getState().selectLiveContact('lee');
    const base = cast();
    started(store, { ...base, users: base.users.filter((user) => user.id !== 'rita'), contacts: base.contacts.filter((contact) => contact.id !== 'lee') });
    expect(store.getState().live).toMatchObject({ userId: 'olivia', contactId: 'dana' });
  });

  it('takes the trace a session starts with, replacing the last session’s', () => {
    const store = createAppStore();
    started(store, cast(), [entry(0, 'old 0'), entry(1, 'old 1'), entry(2, 'old 2')]);
    started(store, cast(), [entry(0, 'new 0')]);
    expect(store.getState().live.trace.map((e) => e.text)).toEqual(['new 0']);
  });

  it('applies each update as a splice: the entries before `from`, then the new ones', () => {
    const store = createAppStore();
    started(store, cast(), [entry(0, 'a'), entry(1, 'b')]);
    // A tick: only what is new.
    store.getState().liveUpdated(update(2, [entry(2, 'c')], 5000));
    expect(store.getState().live.trace.map((e) => e.text)).toEqual(['a', 'b', 'c']);
    expect(store.getState().live.time).toBe(5000);
    // A tick with nothing new keeps everything.
    store.getState().liveUpdated(update(3, [], 6000));
    expect(store.getState().live.trace.map((e) => e.text)).toEqual(['a', 'b', 'c']);
    // A splice inside what is there replaces the rest.
    store.getState().liveUpdated(update(1, [entry(1, 'B'), entry(2, 'C'), entry(3, 'D')]));
    expect(store.getState().live.trace.map((e) => e.text)).toEqual(['a', 'B', 'C', 'D']);
    // A command sends it all.
    store.getState().liveUpdated(update(0, [entry(0, 'all')]));
    expect(store.getState().live.trace.map((e) => e.text)).toEqual(['all']);
  });

  it('keeps the runs, contacts and clock the engine reported, as they came', () => {
    const store = createAppStore();
    started(store);
    const report: LiveUpdate = deepFreeze({
      time: 90_000,
      nextDue: 86_400_000,
      runs: [{ run: 0, workflow: 'follow-up', contact: 'omar', status: 'active', atStep: 'wait-24h', startedAt: 0, waitingFor: 'timer', due: 86_400_000 }],
      contacts: [{ contact: 'omar', assignee: 'alice', open: true }],
      trace: { from: 0, entries: [] },
    });
    store.getState().liveUpdated(report);
    const { live } = store.getState();
    expect({ time: live.time, nextDue: live.nextDue, runs: live.runs, contacts: live.contacts }).toEqual({
      time: report.time,
      nextDue: report.nextDue,
      runs: report.runs,
      contacts: report.contacts,
    });
  });

  it('pauses the clock when the session fails, with the message and problems', () => {
    const store = createAppStore();
    started(store);
    store.getState().setLiveSpeed(3600);
    const problems = [{ source: 'workflow' as const, index: 0, path: '$.steps[0].text', message: '"Greeting" has no message text' }];
    store.getState().liveFailed('The engine refused to start the session', problems);
    expect(store.getState().live.status).toEqual({ kind: 'failed', message: 'The engine refused to start the session', problems });
    expect(store.getState().live.speed).toBe(0);

    store.getState().liveFailed('The simulator stopped working');
    expect(store.getState().live.status).toEqual({ kind: 'failed', message: 'The simulator stopped working', problems: [] });
  });
  it('takes the versions a publish made live as the engine reported them: new runs start on them, the started ones stay known', () => {
    const store = createAppStore();
    started(store);
    const v2 = { ...workflows[0], name: 'Follow-up, version 2' } as (typeof workflows)[number];
    store.getState().liveVersionGiven('version-9', v2);
    // Given but not yet reported live: nothing changes.
    expect(store.getState().live.workflows).toEqual(workflows);
    store.getState().liveUpdated(deepFreeze({ ...update(0, []), published: [{ workflow: v2.id, version: 2, file: 'version-9' }] }));
    expect(store.getState().live).toMatchObject({ workflows: [v2], startWorkflows: workflows, versions: { 'version-9': v2 }, published: [{ file: 'version-9', version: 2 }] });
    // A tick that reports the same keeps them.
    store.getState().liveUpdated(update(0, []));
    expect(store.getState().live.workflows).toEqual([v2]);
  });
});
