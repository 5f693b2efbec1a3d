import { describe, expect, it } from 'vitest';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { ALL_EXITS, buildWorkflow, exitOn, followUpWorkflow, noExits, questionWorkflow, steps } from '../../harness/workflowFixtures.ts';

const GREETING = 'Thanks for writing, Dana!';
const FOLLOW_UP = 'Still interested?';

describe('Rule 2: stopping cancels everything pending for that run', () => {
  const stoppedAt2h = harness(followUpWorkflow(exitOn(['incoming_message']))).at('+0').contactSays('Hi').at('+2h').contactSays('Never mind');

  it('cancels the 24h timer: it never fires and the follow-up is never sent', () => {
    const result = stoppedAt2h.run();
    const stop = result.entry({ kind: 'run.stopped', run: 0 });
    expect(stop).toMatchObject({ t: ms('+2h'), reason: 'incoming_message', step: 'wait-24h' });
    expect(result.entries({ kind: 'timer.cancelled', run: 0 })).toEqual([
      expect.objectContaining({ t: ms('+2h'), due: ms('+24h'), step: 'wait-24h' }),
    ]);
    expect(result.entries({ kind: 'timer.fired' })).toEqual([]);
    expect(result.sent()).toEqual([GREETING]);
    expect(result.entries({ kind: 'step', step: 'follow-up' })).toEqual([]);
  });

  it('executes no step of the run after the stop', () => {
    const result = stoppedAt2h.run();
    const stopSeq = result.entry({ kind: 'run.stopped', run: 0 }).seq;
    const later = result.entries((e) => e.run === 0 && e.seq > stopSeq);
    expect(later.map((e) => e.kind)).toEqual(['timer.cancelled']);
  });

  it('cancels the open question and its timeout: no timeout path, and a later reply answers nothing', () => {
    const result = harness(questionWorkflow(exitOn(['outgoing_message'])))
      .at('+0')
      .contactSays('Hi')
      .at('+10m')
      .agentSays('alice', 'Let me help you personally')
      .at('+20m')
      .contactSays('pricing')
      .run();
    const [first, second] = result.runsOf('Qualify lead');
    expect(first).toMatchObject({ run: 0, status: 'stopped', reason: 'outgoing_message', atStep: 'ask', endedAt: ms('+10m') });
    expect(first?.waitingFor).toBeUndefined();
    expect(result.entry({ kind: 'question.cancelled', run: 0 })).toMatchObject({ t: ms('+10m'), step: 'ask' });
    expect(result.entry({ kind: 'timer.cancelled', run: 0 })).toMatchObject({ t: ms('+10m'), due: ms('+1h') });
    expect(result.entries({ kind: 'question.answered', run: 0 })).toEqual([]);
    expect(result.entries({ kind: 'question.timeout', run: 0 })).toEqual([]);
    expect(result.entries({ kind: 'step', run: 0 }).map((e) => e.step)).toEqual(['ask']);
    // The +20m reply is an ordinary incoming message: it starts a fresh run that asks again.
    expect(second).toMatchObject({ run: 1, startedAt: ms('+20m') });
    expect(result.entries({ kind: 'question.answered' })).toEqual([]);
  });

  it('other Workflows of the same contact go on', () => {
    const a = followUpWorkflow(exitOn(['incoming_message']), { id: 'a', name: 'A', followUp: 'A follow-up' });
    const b = followUpWorkflow(noExits(), { id: 'b', name: 'B', followUp: 'B follow-up' });
    const result = harness(a, b).at('+0').contactSays('Hi').at('+1h').contactSays('More').run();
    expect(result.runOf('A')).toMatchObject({ status: 'stopped', reason: 'incoming_message' });
    expect(result.runOf('B')).toMatchObject({ status: 'completed', endedAt: ms('+24h') });
    expect(result.sentBy('B')).toContain('B follow-up');
    expect(result.sentBy('A')).not.toContain('A follow-up');
  });

  it('runs of the same Workflow for other contacts go on', () => {
    const result = harness(followUpWorkflow(exitOn(['incoming_message'])))
      .as('dana')
      .at('+0')
      .contactSays('Hi')
      .as('omar')
      .contactSays('Hello')
      .as('dana')
      .at('+1h')
      .contactSays('More')
      .run();
    expect(result.runOf('Follow-up', 'dana')).toMatchObject({ status: 'stopped', reason: 'incoming_message' });
    expect(result.runOf('Follow-up', 'omar')).toMatchObject({ status: 'completed' });
    expect(result.sent('omar')).toEqual(['Thanks for writing, Omar!', FOLLOW_UP]);
    expect(result.sent('dana')).toEqual([GREETING]);
  });
});

describe('Rule 4: events at the same instant', () => {
  /** The reply at exactly +1d is listed last, after an event that happens later. */
  const replyAtTheSecond = (at: string) =>
    harness(followUpWorkflow(exitOn(['incoming_message'])))
      .at('+0')
      .contactSays('Do you ship to Canada?')
      .at('+2d')
      .agentSays('alice', 'Sorry for the wait')
      .at(at)
      .contactSays('Hello? Anyone?');

  it('a contact reply in the very second the 24h timer is due wins: the follow-up is not sent', () => {
    const h = replyAtTheSecond('+1d');
    expect(h.script().events.map((e) => e.at)).toEqual(['+0', '+2d', '+1d']);
    const result = h.run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'incoming_message', atStep: 'wait-24h', endedAt: ms('+1d') });
    expect(result.entry({ kind: 'timer.cancelled' })).toMatchObject({ t: ms('+1d'), due: ms('+1d') });
    expect(result.entries({ kind: 'timer.fired' })).toEqual([]);
    expect(result.sent()).not.toContain(FOLLOW_UP);
    const event = result.entry({ kind: 'event', text: 'Hello? Anyone?' });
    expect(event.seq).toBeLessThan(result.entry({ kind: 'run.stopped' }).seq);
  });

  it('events are taken in time order, not listed order', () => {
    const result = replyAtTheSecond('+1d').run();
    const events = result.entries({ kind: 'event' });
    expect(events.map((e) => e.t)).toEqual([0, ms('+1d'), ms('+2d')]);
    const times = result.trace.map((e) => e.t);
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('(control) a reply one second after the timer is too late: the follow-up is sent first', () => {
    const result = replyAtTheSecond('+1d1s').run();
    expect(result.entry({ kind: 'timer.fired', run: 0 })).toMatchObject({ t: ms('+1d'), due: ms('+1d') });
    expect(result.sentBy('Follow-up').slice(0, 2)).toEqual([GREETING, FOLLOW_UP]);
    expect(result.runs()[0]).toMatchObject({ status: 'completed', endedAt: ms('+1d') });
  });

  it('a manual stop in the very second the follow-up is due wins too', () => {
    const result = harness(followUpWorkflow(noExits(true))).at('+0').contactSays('Hi').at('+24h').stop('alice', 'Follow-up').run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'manual', endedAt: ms('+24h') });
    expect(result.entries({ kind: 'timer.fired' })).toEqual([]);
    expect(result.sent()).toEqual([GREETING]);
  });

  it('a reply in the very second a question times out answers it: the answered path, not the timeout path', () => {
    const result = harness(questionWorkflow(noExits())).at('+0').contactSays('Hi').at('+1h').contactSays('pricing').run();
    expect(result.entry({ kind: 'question.answered' })).toMatchObject({ t: ms('+1h'), text: 'pricing' });
    expect(result.entry({ kind: 'timer.cancelled' })).toMatchObject({ t: ms('+1h'), due: ms('+1h'), reason: 'answer_to_question' });
    expect(result.entries({ kind: 'question.timeout' })).toEqual([]);
    expect(result.sent()).toEqual(['What do you need?', 'Got it: pricing', 'Still interested in pricing?']);
  });

  it('among external events at one instant, the scripted order decides which condition is met first', () => {
    const base = harness(followUpWorkflow(exitOn([...ALL_EXITS]))).at('+0').contactSays('Hi').at('+1h');
    const contactFirst = base.contactSays('Are you there?').agentSays('alice', 'Yes!').userAssigns('alice', 'bob').run();
    const agentFirst = base.agentSays('alice', 'Yes!').contactSays('Are you there?').userAssigns('alice', 'bob').run();
    const assignFirst = base.userAssigns('alice', 'bob').agentSays('alice', 'Yes!').contactSays('Are you there?').run();
    expect(contactFirst.runs()[0]).toMatchObject({ status: 'stopped', reason: 'incoming_message' });
    expect(agentFirst.runs()[0]).toMatchObject({ status: 'stopped', reason: 'outgoing_message' });
    expect(assignFirst.runs()[0]).toMatchObject({ status: 'stopped', reason: 'manual_assignment' });
    for (const result of [contactFirst, agentFirst, assignFirst]) expect(result.entries({ kind: 'run.stopped', run: 0 })).toHaveLength(1);
  });

  it('a manual stop scripted before a reply at the same instant wins over the exit condition', () => {
    const base = harness(followUpWorkflow(exitOn(['incoming_message'], true))).at('+0').contactSays('Hi').at('+1h');
    expect(base.stop('alice', 'Follow-up').contactSays('Hm').run().runs()[0]).toMatchObject({ reason: 'manual', stoppedBy: 'alice' });
    const replyFirst = base.contactSays('Hm').stop('alice', 'Follow-up').run();
    expect(replyFirst.runs()[0]).toMatchObject({ reason: 'incoming_message' });
    expect(replyFirst.runs()[0]?.stoppedBy).toBeUndefined();
    expect(replyFirst.entry({ kind: 'stop.refused' })).toMatchObject({ reason: 'already_stopped', user: 'alice' });
  });
});

describe('Rule 5: re-entry', () => {
  it('the event that stops a run never starts a new run of the same Workflow', () => {
    const result = harness(followUpWorkflow(exitOn(['incoming_message']))).at('+0').contactSays('Hi').at('+1h').contactSays('More').run();
    expect(result.runsOf('Follow-up')).toHaveLength(1);
    expect(result.entry({ kind: 'trigger.ignored' })).toMatchObject({ t: ms('+1h'), workflow: 'follow-up', reason: 'stopped_by_this_event' });
  });

  it('(control) a later message does start a new run once the old one has stopped', () => {
    const result = harness(followUpWorkflow(exitOn(['incoming_message'])))
      .at('+0')
      .contactSays('Hi')
      .at('+1h')
      .contactSays('More')
      .at('+2h')
      .contactSays('Again')
      .run();
    expect(result.runsOf('Follow-up').map((r) => [r.status, r.startedAt])).toEqual([
      ['stopped', 0],
      ['completed', ms('+2h')],
    ]);
  });

  it('the stopping event may still start another Workflow', () => {
    const quick = buildWorkflow({ id: 'quick', name: 'Quick', steps: [steps.send('say', 'Quick hello'), steps.end()], edges: ['trigger>say', 'say>end'] });
    const result = harness(followUpWorkflow(exitOn(['incoming_message'])), quick).at('+0').contactSays('Hi').at('+1h').contactSays('More').run();
    expect(result.runOf('Follow-up').status).toBe('stopped');
    expect(result.runsOf('Quick').map((r) => r.startedAt)).toEqual([0, ms('+1h')]);
  });

  it('an active run ignores a new trigger, and the trace says so (already_active)', () => {
    const result = harness(followUpWorkflow(noExits())).at('+0').contactSays('Hi').at('+1h').contactSays('More').run();
    expect(result.runsOf('Follow-up')).toHaveLength(1);
    expect(result.entry({ kind: 'trigger.ignored' })).toMatchObject({ t: ms('+1h'), workflow: 'follow-up', reason: 'already_active' });
    expect(result.sent()).toEqual([GREETING, FOLLOW_UP]);
  });

  it('once per contact: the contact never re-enters after a stop, nor after completion', () => {
    const wf = followUpWorkflow(exitOn(['incoming_message']), { trigger: { id: 'trigger', type: 'incoming_message', oncePerContact: true } });
    const result = harness(wf).at('+0').contactSays('Hi').at('+1h').contactSays('Stop').at('+2h').contactSays('Again').at('+5d').contactSays('Much later').run();
    expect(result.runsOf('Follow-up')).toHaveLength(1);
    expect(result.entries({ kind: 'trigger.ignored' }).map((e) => [e.t, e.reason])).toEqual([
      [ms('+1h'), 'stopped_by_this_event'],
      [ms('+2h'), 'once_per_contact'],
      [ms('+5d'), 'once_per_contact'],
    ]);

    const completed = harness(followUpWorkflow(noExits(), { trigger: { id: 'trigger', type: 'incoming_message', oncePerContact: true } }))
      .at('+0')
      .contactSays('Hi')
      .at('+2d')
      .contactSays('Again')
      .run();
    expect(completed.runsOf('Follow-up')).toEqual([expect.objectContaining({ status: 'completed' })]);
    expect(completed.entry({ kind: 'trigger.ignored' })).toMatchObject({ t: ms('+2d'), reason: 'once_per_contact' });
  });

  it('re-entry is allowed after completion when not once per contact', () => {
    const result = harness(followUpWorkflow(noExits())).at('+0').contactSays('Hi').at('+2d').contactSays('Back again').run();
    expect(result.runsOf('Follow-up').map((r) => [r.status, r.startedAt])).toEqual([
      ['completed', 0],
      ['completed', ms('+2d')],
    ]);
    expect(result.entries({ kind: 'trigger.ignored' })).toEqual([]);
    expect(result.sent()).toEqual([GREETING, FOLLOW_UP, GREETING, FOLLOW_UP]);
  });
});
