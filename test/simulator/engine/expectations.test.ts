import { describe, expect, it } from 'vitest';
import { harness, ms, type SimulationHarness } from '../../harness/simulationHarness.ts';
import { exitOn, followUpWorkflow, noExits } from '../../harness/workflowFixtures.ts';

/** Dana writes at +0 and again at +2h; "Follow-up" stops on incoming messages at "Wait 24h". */
const stoppedByReply = (): SimulationHarness =>
  harness(followUpWorkflow(exitOn(['incoming_message'], true), { trigger: { id: 'trigger', type: 'incoming_message', oncePerContact: true } }))
    .at('+0')
    .contactSays('Hi')
    .at('+2h')
    .contactSays('Never mind');

describe('checkExpectations', () => {
  it('passes a run expectation that holds, naming status, reason and step', () => {
    const [result] = stoppedByReply()
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'stopped', reason: 'incoming_message', atStep: 'Wait 24h' })
      .run()
      .expectations();
    expect(result).toMatchObject({ index: 0, passed: true, contacts: 1, failedContacts: 0 });
    expect(result?.message).toBe('Follow-up for dana: stopped (incoming_message) at "Wait 24h"');
    expect(result?.traceSeq).toBeUndefined();
  });

  it('accepts the Workflow and the step by id as well as by name and label', () => {
    const results = stoppedByReply()
      .expect({ contact: 'dana', workflow: 'follow-up', status: 'stopped', atStep: 'wait-24h' })
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'stopped' })
      .run()
      .expectations();
    expect(results.map((r) => r.passed)).toEqual([true, true]);
  });

  it('fails a wrong reason with a message saying what was expected and what happened, and the trace entry to look at', () => {
    const run = stoppedByReply().expect({ contact: 'dana', workflow: 'Follow-up', status: 'stopped', reason: 'outgoing_message', atStep: 'Wait 24h' }).run();
    const [result] = run.expectations();
    expect(result).toMatchObject({ passed: false, contact: 'dana', contacts: 1, failedContacts: 1 });
    expect(result?.message).toBe(
      'Expected Follow-up for dana to be stopped (outgoing_message) at "Wait 24h", but it was stopped (incoming_message) at "Wait 24h"',
    );
    const entry = run.trace[result?.traceSeq ?? -1];
    expect(entry).toMatchObject({ run: 0, workflow: 'follow-up', t: ms('+2h') });
    expect(run.entry({ kind: 'run.stopped' }).seq).toBeLessThanOrEqual(result?.traceSeq ?? -1);
  });

  it('fails a wrong status and a wrong step', () => {
    const results = stoppedByReply()
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'completed' })
      .expect({ contact: 'dana', workflow: 'Follow-up', status: 'stopped', atStep: 'Follow-up' })
      .run()
      .expectations();
    expect(results.map((r) => r.passed)).toEqual([false, false]);
    expect(results[0]?.message).toBe('Expected Follow-up for dana to be completed, but it was stopped (incoming_message) at "Wait 24h"');
    expect(results[1]?.message).toBe('Expected Follow-up for dana to be stopped at "Follow-up", but it was stopped (incoming_message) at "Wait 24h"');
  });

  it('fails for a Workflow that never ran for the contact, without a trace entry', () => {
    const [result] = harness(followUpWorkflow())
      .contact('dana')
      .contact('omar')
      .as('dana')
      .at('+0')
      .contactSays('Hi')
      .expect({ contact: 'omar', workflow: 'Follow-up', status: 'completed' })
      .run()
      .expectations();
    expect(result).toMatchObject({ passed: false, contact: 'omar' });
    expect(result?.message).toBe('Expected Follow-up for omar to be completed, but it never ran');
    expect(result?.traceSeq).toBeUndefined();
  });

  it('neverSent: passes when no Workflow message contains the text, fails pointing at the message that did', () => {
    const results = stoppedByReply().expect({ contact: 'dana', neverSent: 'Still interested' }).expect({ contact: 'dana', neverSent: 'for writing' }).run();
    const [never, sent] = results.expectations();
    expect(never).toMatchObject({ passed: true, message: '"Still interested" was never sent to dana' });
    expect(sent).toMatchObject({ passed: false, message: 'Expected "for writing" never to be sent to dana, but it was' });
    expect(results.trace[sent?.traceSeq ?? -1]).toMatchObject({ kind: 'message.sent', text: 'Thanks for writing, Dana!' });
  });

  it('neverSent counts Workflow messages only, not what agents or the contact wrote', () => {
    const [result] = harness(followUpWorkflow(noExits()))
      .at('+0')
      .contactSays('Still interested?')
      .at('+1h')
      .agentSays('alice', 'Still interested?')
      .until('+2h')
      .expect({ contact: 'dana', neverSent: 'Still interested?' })
      .run()
      .expectations();
    expect(result?.passed).toBe(true);
  });

  it('sent: passes when some Workflow message contains the text, fails when none did', () => {
    const [yes, no] = stoppedByReply().expect({ contact: 'dana', sent: 'Thanks for writing' }).expect({ contact: 'dana', sent: 'Still interested' }).run().expectations();
    expect(yes).toMatchObject({ passed: true, message: '"Thanks for writing" was sent to dana' });
    expect(no).toMatchObject({ passed: false, message: 'Expected "Still interested" to be sent to dana, but it never was', contact: 'dana' });
  });

  it('checks every generated contact of a population and reports the first failure and how many more', () => {
    const run = harness(followUpWorkflow(exitOn(['incoming_message'])))
      .contact('lead', { name: 'Lead' })
      .at('+0')
      .contactSays('Hi')
      .at('+1h')
      .contactSays('More')
      .population({ contacts: 10, jitter: '2h', seed: 4 })
      .expect({ contact: 'lead', workflow: 'Follow-up', status: 'completed' })
      .expect({ contact: 'lead', neverSent: 'Still interested?' })
      .run();
    const [status, never] = run.expectations();
    expect(status).toMatchObject({ passed: false, contacts: 10 });
    // Each contact's latest run is judged; the ones not completed fail, reported in contact order.
    const notCompleted = Array.from({ length: 10 }, (_, i) => run.runOf('Follow-up', `lead#${i + 1}`)).filter((r) => r.status !== 'completed');
    expect(status?.failedContacts).toBe(notCompleted.length);
    expect(status?.contact).toBe(notCompleted[0]?.contact);
    expect(status?.message).toMatch(new RegExp(`^Expected Follow-up for ${notCompleted[0]?.contact} to be completed, but it was .+ \\(and ${notCompleted.length - 1} more of 10 contacts\\)$`));
    const sentTo = new Set(run.entries({ kind: 'message.sent', text: 'Still interested?' }).map((e) => e.contact));
    expect(never).toMatchObject({ contacts: 10, failedContacts: sentTo.size, passed: sentTo.size === 0 });
  });
});
