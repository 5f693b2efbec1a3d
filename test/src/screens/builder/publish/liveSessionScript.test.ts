import { describe, expect, it } from 'vitest';
import type { Script } from '../../../../../simulator/schema/script.ts';
import { LIVE_SESSION_NAME, liveSessionScript } from '../../../../../src/screens/builder/publish/liveSessionScript.ts';
import type { LiveSlice } from '../../../../../src/state/liveSlice.ts';
import { buildWorkflow, steps } from '../../../../harness/workflowFixtures.ts';

const workflow = buildWorkflow({ id: 'follow-up', name: 'Follow-up', steps: [steps.end()], edges: ['trigger>end'] });
const recorded = {
  format: 'exitflow.script/1',
  name: 'Live session',
  start: '2026-01-05T09:00:00Z',
  users: [],
  contacts: [{ id: 'dana', name: 'Dana' }],
  events: [
    { at: '+0', type: 'contact.message', contact: 'dana', text: 'Hi' },
    { at: '+1h', type: 'workflow.publish', workflow: 'follow-up', file: 'version-7', policy: 'move' },
  ],
  expect: [{ contact: 'dana', workflow: 'follow-up', status: 'completed' }],
} as unknown as Script;
const live = (patch: Partial<LiveSlice['live']>): LiveSlice['live'] => ({ status: { kind: 'running' }, workflows: [workflow], recorded, ...patch }) as LiveSlice['live'];

describe('liveSessionScript', () => {
  it('is the session so far, from its start, without its publishes or expectations, when it runs the Workflow', () => {
    const script = liveSessionScript(live({}), 'follow-up');
    expect(script?.name).toBe(LIVE_SESSION_NAME);
    expect(script?.events).toEqual([recorded.events[0]]);
    expect(script?.expect).toEqual([]);
    expect(script?.contacts).toEqual(recorded.contacts);
  });

  it('is nothing when no session runs, none was recorded, or it does not run the Workflow', () => {
    expect(liveSessionScript(live({ status: { kind: 'starting' } }), 'follow-up')).toBeNull();
    expect(liveSessionScript(live({ recorded: null }), 'follow-up')).toBeNull();
    expect(liveSessionScript(live({}), 'another')).toBeNull();
  });
});
