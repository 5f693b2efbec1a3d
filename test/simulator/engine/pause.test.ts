import { describe, expect, it } from 'vitest';
import { describeEntry } from '../../../simulator/trace/describeEntry.ts';
import { contactTranscript } from '../../../simulator/trace/transcript.ts';
import { traceNames } from '../../../simulator/trace/traceNames.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { FOLLOW_UP, followUpWorkflow, NURTURE, nurtureWorkflow, pauseOn, questionWorkflow } from '../../harness/workflowFixtures.ts';

/** Follow-up (greet, wait 24h, follow-up) pausing on an agent's message, resuming after 2h of quiet. */
const handBack = (settings = pauseOn(['outgoing_message'])) => harness(followUpWorkflow(settings)).user('alice').at('+0').contactSays('Hi');

const sentAt = (result: ReturnType<ReturnType<typeof harness>['run']>, text: string) =>
  result.entries({ kind: 'message.sent' }).filter((entry) => entry.text === text).map((entry) => entry.t);

describe('pause instead of stop: a paused run keeps its place', () => {
  it('pauses at the step it waits in, with the condition as reason, its timer frozen with the time it had left', () => {
    const result = handBack().at('+1h').agentSays('alice', 'I am on it').until('+2h').run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'paused', reason: 'outgoing_message', atStep: 'wait-24h', pausedAt: ms('+1h'), remaining: ms('+23h'), resumesAt: ms('+3h'), waitingFor: 'timer' });
    expect(result.runOf('Follow-up').due).toBeUndefined();
    expect(result.runOf('Follow-up').endedAt).toBeUndefined();
    expect(result.entry({ kind: 'run.paused' })).toMatchObject({ t: ms('+1h'), reason: 'outgoing_message', user: 'alice', step: 'wait-24h', due: ms('+3h') });
    expect(result.entry({ kind: 'timer.frozen' })).toMatchObject({ t: ms('+1h'), due: ms('+24h'), step: 'wait-24h' });
    expect(result.entries({ kind: 'run.stopped' })).toEqual([]);
    expect(result.entries({ kind: 'timer.cancelled' })).toEqual([]);
  });

  it('resumes after 2h with no message from the team, and its Wait goes on with exactly the time it had left', () => {
    const result = handBack().at('+1h').agentSays('alice', 'I am on it').run();
    expect(result.entry({ kind: 'run.resumed' })).toMatchObject({ t: ms('+3h'), reason: 'silence', due: ms('+1h'), step: 'wait-24h' });
    const timers = result.entries({ kind: 'timer.set' }).map((entry) => entry.due);
    expect(timers).toEqual([ms('+24h'), ms('+3h') + ms('+23h')]);
    expect(sentAt(result, FOLLOW_UP.followUp)).toEqual([ms('+26h')]);
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'completed' });
  });

  it('sends nothing while paused: without a resume the follow-up never goes out', () => {
    const closedOnly = handBack(pauseOn(['outgoing_message'], { resume: { on: 'conversation_closed' } })).at('+1h').agentSays('alice', 'I am on it').until('+30d').run();
    expect(closedOnly.sent()).toEqual(['Thanks for writing, Dana!']);
    expect(closedOnly.runOf('Follow-up').status).toBe('paused');
  });

  it('restarts the count on each message from a person and each assignment, and says so', () => {
    const result = handBack(pauseOn(['outgoing_message']))
      .at('+1h').agentSays('alice', 'I am on it')
      .at('+2h').agentSays('alice', 'Still here')
      .at('+3h30m').ruleAssigns('sales')
      .run();
    const extended = result.entries({ kind: 'pause.extended' });
    expect(extended.map((entry) => [entry.t, entry.reason, entry.due])).toEqual([
      [ms('+2h'), 'outgoing_message', ms('+4h')],
      [ms('+3h30m'), undefined, ms('+5h30m')],
    ]);
    expect(result.entry({ kind: 'run.resumed' })).toMatchObject({ t: ms('+5h30m'), due: ms('+3h30m') });
    expect(sentAt(result, FOLLOW_UP.followUp)).toEqual([ms('+5h30m') + ms('+23h')]);
    // A contact's message is not the team's: it restarts nothing.
    const contact = handBack().at('+1h').agentSays('alice', 'I am on it').at('+2h').contactSays('ok').run();
    expect(contact.entries({ kind: 'pause.extended' })).toEqual([]);
    expect(contact.entry({ kind: 'run.resumed' }).t).toBe(ms('+3h'));
  });

  it('a Pause condition met again extends the pause: a run is never paused twice over', () => {
    const result = handBack().at('+1h').agentSays('alice', 'one').at('+1h30m').agentSays('alice', 'two').run();
    expect(result.entries({ kind: 'run.paused' })).toHaveLength(1);
    expect(result.entries({ kind: 'timer.frozen' })).toHaveLength(1);
    expect(result.entries({ kind: 'run.resumed' })).toHaveLength(1);
    expect(result.entry({ kind: 'pause.extended' })).toMatchObject({ reason: 'outgoing_message', user: 'alice', due: ms('+3h30m') });
  });

  it('resumes when the conversation is closed, by a person or by a Workflow, and not on silence', () => {
    const settings = pauseOn(['outgoing_message'], { resume: { on: 'conversation_closed' } });
    const byPerson = handBack(settings).at('+1h').agentSays('alice', 'I am on it').at('+5h').closeConversation().run();
    expect(byPerson.entry({ kind: 'run.resumed' })).toMatchObject({ t: ms('+5h'), reason: 'conversation_closed' });
    expect(byPerson.entry({ kind: 'run.resumed' }).due).toBeUndefined();
    expect(sentAt(byPerson, FOLLOW_UP.followUp)).toEqual([ms('+5h') + ms('+23h')]);
    // The team's messages change nothing for a resume on close: no pause.extended without a condition.
    const quietTeam = handBack(settings).at('+1h').agentSays('alice', 'I am on it').at('+2h').ruleAssigns('sales').at('+5h').closeConversation().run();
    expect(quietTeam.entries({ kind: 'pause.extended' })).toEqual([]);
  });

  it('leaves the open question open, and a message while paused is not its answer; its timeout keeps what it had left', () => {
    const result = harness(questionWorkflow(pauseOn(['outgoing_message'])))
      .user('alice')
      .at('+0').contactSays('Hi')
      .at('+10m').agentSays('alice', 'Let me help')
      .at('+20m').contactSays('pricing')
      .at('+2h30m').contactSays('a demo')
      .run();
    expect(result.entries({ kind: 'question.answered' }).map((entry) => [entry.t, entry.text])).toEqual([[ms('+2h30m'), 'a demo']]);
    expect(result.entries({ kind: 'exit.ignored' }).map((entry) => [entry.t, entry.reason])).toContainEqual([ms('+20m'), 'condition_not_selected']);
    expect(result.entry({ kind: 'run.resumed' }).t).toBe(ms('+2h10m'));
    // The timeout was due +1h; frozen at +10m with 50m left; after the resume at +2h10m it is due +3h.
    expect(result.entries({ kind: 'timer.set' }).map((entry) => entry.due)).toEqual([ms('+1h'), ms('+3h'), ms('+2h30m') + ms('+24h')]);
    expect(result.entries({ kind: 'timer.cancelled' }).map((entry) => [entry.t, entry.reason])).toEqual([[ms('+2h30m'), 'answer_to_question']]);
  });

  it('is still the contact’s run: a trigger meanwhile is ignored as already active', () => {
    const result = handBack().at('+1h').agentSays('alice', 'I am on it').at('+1h30m').contactSays('Hello again').run();
    expect(result.entries({ kind: 'trigger.ignored' }).map((entry) => [entry.t, entry.reason])).toEqual([[ms('+1h30m'), 'already_active']]);
    expect(result.runsOf('Follow-up')).toHaveLength(1);
  });
});

describe('pause instead of stop: stopping a paused run', () => {
  it('a condition set to Stop still stops it, and the When stopped path then runs once', () => {
    const settings = pauseOn(['outgoing_message'], { stop: ['incoming_message'] });
    const result = harness(nurtureWorkflow(settings)).user('alice').contact('dana', { tags: ['nurture'] }).at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'On it').at('+1h30m').contactSays('Thanks, bye').run();
    expect(result.runOf('Nurture')).toMatchObject({ status: 'stopped', reason: 'incoming_message', atStep: 'wait-24h', endedAt: ms('+1h30m') });
    expect(result.entries({ kind: 'when_stopped.started' })).toHaveLength(1);
    expect(result.sent()).toEqual(['Thanks for writing, Dana!', NURTURE.bye]);
    // Its resume is gone with it: nothing resumes at +3h, and nothing is cancelled twice.
    expect(result.entries({ kind: 'run.resumed' })).toEqual([]);
    expect(result.entries({ kind: 'timer.cancelled' })).toEqual([]);
  });

  it('a manual stop stops it (manual stop always stops), and the path runs with the reason manual', () => {
    const result = harness(nurtureWorkflow(pauseOn(['outgoing_message']))).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'On it').at('+1h30m').stop('alice', 'Nurture').run();
    expect(result.runOf('Nurture')).toMatchObject({ status: 'stopped', reason: 'manual', stoppedBy: 'alice' });
    expect(result.entry({ kind: 'when_stopped.started' })).toMatchObject({ reason: 'manual', t: ms('+1h30m') });
    expect(result.entries({ kind: 'comment.added' }).map((entry) => entry.text)).toEqual([NURTURE.note]);
  });

  it('pausing is not stopping: a paused run never takes the When stopped path, nor does the resumed run that completes', () => {
    const result = harness(nurtureWorkflow(pauseOn(['outgoing_message']))).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'On it').run();
    expect(result.runOf('Nurture').status).toBe('completed');
    expect(result.entries({ kind: 'when_stopped.started' })).toEqual([]);
  });

  it('a paused run stopped at the instant it would resume stays stopped: external events come first', () => {
    const result = harness(nurtureWorkflow(pauseOn(['outgoing_message']))).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'On it').at('+3h').stop('alice', 'Nurture').run();
    expect(result.runOf('Nurture')).toMatchObject({ status: 'stopped', reason: 'manual', endedAt: ms('+3h') });
    expect(result.entries({ kind: 'run.resumed' })).toEqual([]);
  });
});

describe('pause instead of stop: what people read', () => {
  it('says it in sentences: paused, frozen, extended, resumed', () => {
    const result = handBack().at('+1h').agentSays('alice', 'one').at('+1h30m').agentSays('alice', 'two').at('+2h').ruleAssigns('sales').run();
    const names = traceNames(result.simulation);
    const lines = result.entries((entry) => ['run.paused', 'timer.frozen', 'pause.extended', 'run.resumed'].includes(entry.kind)).map((entry) => describeEntry(entry, names));
    expect(lines).toEqual([
      'Workflow Follow-up paused at "Wait 24h": outgoing message; resumes after 2h if your team stays quiet',
      'Timer of "Wait 24h" frozen with 23h left',
      'Pause of Follow-up extended: outgoing message again; resumes after 2h if your team stays quiet',
      'Pause of Follow-up extended: the contact was assigned; resumes after 2h if your team stays quiet',
      'Workflow Follow-up resumes at "Wait 24h": your team has been quiet for 2h',
    ]);
  });

  it('shows the pause and the resume in the conversation, as activity lines', () => {
    const result = handBack().at('+1h').agentSays('alice', 'I am on it').run();
    const names = traceNames(result.simulation);
    const activity = contactTranscript(result.entries(), 'dana', names).filter((item) => item.kind === 'activity');
    expect(activity.map((item) => [item.kind === 'activity' ? item.tone : '', item.text])).toEqual(
      expect.arrayContaining([
        ['pause', 'Workflow Follow-up paused at "Wait 24h": outgoing message; resumes after 2h if your team stays quiet'],
        ['info', 'Workflow Follow-up resumes at "Wait 24h": your team has been quiet for 2h'],
      ]),
    );
  });

  it('checks a run still paused at the end with a status expectation', () => {
    const result = handBack(pauseOn(['outgoing_message'], { resume: { on: 'conversation_closed' } }))
      .at('+1h').agentSays('alice', 'I am on it')
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'paused', reason: 'outgoing_message', atStep: 'Wait 24h' })
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'active' })
      .until('+2d')
      .run();
    expect(result.expectations().map((check) => check.passed)).toEqual([true, false]);
  });
});
