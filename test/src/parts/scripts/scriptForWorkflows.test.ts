import { describe, expect, it } from 'vitest';
import { runStates } from '../../../../simulator/engine/materialize.ts';
import { prepareSimulation } from '../../../../simulator/engine/prepareSimulation.ts';
import { scriptSchema, type Script } from '../../../../simulator/schema/script.ts';
import { scriptForWorkflows } from '../../../../src/parts/scripts/scriptForWorkflows.ts';
import { followUpWorkflow, noExits } from '../../../harness/workflowFixtures.ts';

const followUp = followUpWorkflow(noExits(true));
const other = { ...followUp, id: 'other', name: 'Other' };

const session: Script = scriptSchema.parse({
  format: 'exitflow.script/1',
  name: 'Messages session',
  start: '2026-01-05T09:00:00Z',
  users: [{ id: 'alice', name: 'Alice' }],
  contacts: [{ id: 'dana' }],
  events: [
    { at: '+0', contact: 'dana', type: 'contact.message', text: 'Hi' },
    { at: '+1h', contact: 'dana', type: 'workflow.stop', user: 'alice', workflow: 'Other' },
    { at: '+2h', contact: 'dana', type: 'workflow.stop', user: 'alice', workflow: followUp.name },
    { at: '+3h', contact: 'dana', type: 'shortcut', user: 'alice', workflow: 'other' },
  ],
  expect: [
    { contact: 'dana', workflow: 'Other', status: 'stopped' },
    { contact: 'dana', workflow: followUp.id, status: 'stopped', reason: 'manual' },
    { contact: 'dana', neverSent: 'Still interested' },
  ],
});

describe('a session kept with one Workflow', () => {
  it('leaves out the stops, shortcuts and expectations of other Workflows (by name or id) and keeps the rest in order', () => {
    const { script, leftOut } = scriptForWorkflows(session, [followUp]);
    expect(script.events.map((event) => event.at)).toEqual(['+0', '+2h']);
    expect(script.expect).toEqual([session.expect[1], session.expect[2]]);
    expect(leftOut).toBe(3);
  });

  it('plays in a simulation of that Workflow alone, which refuses the whole session', () => {
    const whole = prepareSimulation({ workflows: [followUp], script: session });
    expect(whole.ok ? [] : whole.problems.map((problem) => problem.path)).toEqual(['$.events[1].workflow', '$.events[3].workflow', '$.expect[0].workflow']);
    const kept = prepareSimulation({ workflows: [followUp], script: scriptForWorkflows(session, [followUp]).script });
    expect(kept.ok && runStates(kept.simulation.runToEnd()).map((run) => [run.status, run.reason])).toEqual([['stopped', 'manual']]);
  });

  it('keeps everything when every Workflow named is simulated', () => {
    expect(scriptForWorkflows(session, [followUp, other])).toEqual({ script: session, leftOut: 0 });
  });
});
