import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiveSession } from '../../../simulator/engine/liveSession.ts';
import { parseWorkflowDocument } from '../../../simulator/schema/parseDocument.ts';
import type { TraceEntry } from '../../../simulator/schema/trace.ts';
import type { Workflow } from '../../../simulator/schema/workflow.ts';
import { contactTranscript } from '../../../simulator/trace/transcript.ts';
import { traceNamesOf } from '../../../simulator/trace/traceNames.ts';
import { demoScript } from '../../../src/screens/messages/live/demoCast.ts';
import { followUpWorkflow, noExits, NURTURE, nurtureWorkflow } from '../../harness/workflowFixtures.ts';

const MINUTE = 60_000;

/** The follow-up example as shipped: every exit condition on, manual stop off. */
function followUpExample(): Workflow {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as unknown;
  const parsed = parseWorkflowDocument(raw);
  if (!parsed.ok) throw new Error('the follow-up example does not parse');
  return parsed.value;
}

/** "Nudge": exit conditions off, manual stop on — only a person can stop it. */
const nudge = followUpWorkflow(noExits(true), { id: 'nudge', name: 'Nudge' });

/**
 * Omar writes in (both Workflows start), gets a broadcast, writes again (the exit condition stops
 * "24h follow-up"), Alice answers and assigns him to Max, Rita's stop of Nudge is refused and
 * Alice's is carried out. Dana writes in meanwhile.
 */
function session(): { trace: TraceEntry[]; workflows: Workflow[]; base: ReturnType<typeof demoScript> } {
  const workflows = [followUpExample(), nudge];
  const base = demoScript(new Date('2026-01-05T09:00:00Z'));
  const started = LiveSession.start(workflows, base);
  if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
  const live = started.session;
  const perform = (command: Parameters<LiveSession['command']>[0]) => {
    const outcome = live.command(command);
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
  };
  perform({ type: 'contact.message', contact: 'omar', text: 'Hi' });
  perform({ type: 'contact.message', contact: 'dana', text: 'Hello from Dana' });
  live.advance(MINUTE);
  perform({ type: 'broadcast.message', contact: 'omar', text: 'Spring sale!' });
  live.advance(MINUTE);
  perform({ type: 'contact.message', contact: 'omar', text: 'Anyone there?' });
  live.advance(MINUTE);
  perform({ type: 'agent.message', contact: 'omar', user: 'alice', text: 'Alice here, how can I help?' });
  perform({ type: 'assign', contact: 'omar', user: 'alice', to: 'max' });
  perform({ type: 'workflow.stop', contact: 'omar', user: 'rita', workflow: 'Nudge' });
  perform({ type: 'workflow.stop', contact: 'omar', user: 'alice', workflow: 'Nudge' });
  return { trace: live.trace(), workflows, base };
}

describe('contactTranscript', () => {
  const { trace, workflows, base } = session();
  const names = traceNamesOf(workflows, base);
  const transcript = contactTranscript(trace, 'omar', names);

  it('lists the conversation as an inbox shows it: messages of every kind and activity lines', () => {
    expect(transcript.map((item) => [item.kind, item.text])).toEqual([
      ['contact', 'Hi'],
      ['activity', 'Workflow 24h follow-up started for Omar'],
      ['workflow', "Thanks for your message, Omar! We'll get back to you shortly."],
      ['activity', 'Workflow Nudge started for Omar'],
      ['workflow', 'Thanks for writing, Omar!'],
      ['broadcast', 'Spring sale!'],
      ['contact', 'Anyone there?'],
      ['activity', 'Workflow 24h follow-up stopped: incoming message'],
      ['agent', 'Alice here, how can I help?'],
      ['activity', 'Alice assigns Omar to Max'],
      ['activity', 'Stop of Nudge refused for Rita: the user has the user restriction'],
      ['activity', 'Workflow Nudge stopped by Alice'],
    ]);
  });

  it('names who wrote and which Workflow sent, and marks stops and refusals', () => {
    expect(transcript.find((item) => item.kind === 'agent')).toMatchObject({ user: 'Alice' });
    expect(transcript.filter((item) => item.kind === 'workflow').map((item) => item.kind === 'workflow' && item.workflow)).toEqual(['24h follow-up', 'Nudge']);
    const tones = Object.fromEntries(transcript.flatMap((item) => (item.kind === 'activity' ? [[item.text, item.tone]] : [])));
    expect(tones).toMatchObject({
      'Workflow 24h follow-up stopped: incoming message': 'stop',
      'Workflow Nudge stopped by Alice': 'stop',
      'Stop of Nudge refused for Rita: the user has the user restriction': 'refused',
      'Alice assigns Omar to Max': 'info',
    });
  });

  it('keeps each item’s place and time in the trace', () => {
    for (const item of transcript) {
      const entry = trace[item.seq];
      expect(entry).toMatchObject({ seq: item.seq, t: item.t, contact: 'omar' });
    }
    const stopByHand = transcript.find((item) => item.text === 'Workflow Nudge stopped by Alice');
    expect(stopByHand?.seq !== undefined && trace[stopByHand.seq]).toMatchObject({ kind: 'run.stopped', reason: 'manual', user: 'alice' });
  });

  it('leaves out other contacts’ entries', () => {
    const danas = trace.filter((entry) => entry.contact === 'dana').map((entry) => entry.seq);
    expect(danas.length).toBeGreaterThan(0);
    expect(transcript.filter((item) => danas.includes(item.seq))).toEqual([]);
    expect(transcript.some((item) => item.text.includes('Dana'))).toBe(false);
    expect(contactTranscript(trace, 'dana', names).map((item) => item.text)).toContain('Hello from Dana');
  });

  it('leaves timers, steps, ignored exits and ignored triggers in the trace', () => {
    const hidden = trace.filter((entry) => entry.contact === 'omar' && ['step', 'timer.set', 'timer.cancelled', 'exit.ignored', 'trigger.ignored'].includes(entry.kind));
    expect(new Set(hidden.map((entry) => entry.kind))).toEqual(new Set(['step', 'timer.set', 'timer.cancelled', 'exit.ignored', 'trigger.ignored']));
    const shown = new Set(transcript.map((item) => item.seq));
    expect(hidden.filter((entry) => shown.has(entry.seq))).toEqual([]);
  });
});

describe('contactTranscript after a stop', () => {
  /** Nurture stops on incoming messages, never starts again after a stop, and cleans up on its When stopped path. */
  function stoppedNurture() {
    const workflows = [nurtureWorkflow({ manualStop: true, exitConditions: { enabled: true, on: ['incoming_message'] }, afterStop: { reentry: 'never' } })];
    const base = demoScript(new Date('2026-01-05T09:00:00Z'));
    const started = LiveSession.start(workflows, base);
    if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
    const live = started.session;
    const perform = (command: Parameters<LiveSession['command']>[0]) => {
      const outcome = live.command(command);
      if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
    };
    perform({ type: 'contact.message', contact: 'omar', text: 'Hi' });
    live.advance(2 * 60 * MINUTE);
    perform({ type: 'contact.message', contact: 'omar', text: 'Stop please' });
    live.advance(MINUTE);
    perform({ type: 'contact.message', contact: 'omar', text: 'Hello again' });
    return contactTranscript(live.trace(), 'omar', traceNamesOf(workflows, base));
  }

  it('shows the When stopped path as activity: its start, its tag changes, its message and assignment, its end; and the refused re-entry in the engine’s words', () => {
    const lines = stoppedNurture().map((item) => [item.kind, item.text, item.kind === 'activity' ? item.tone : '']);
    expect(lines).toEqual([
      ['contact', 'Hi', ''],
      ['activity', 'Workflow Nurture started for Omar', 'info'],
      ['workflow', 'Thanks for writing, Omar!', ''],
      ['contact', 'Stop please', ''],
      ['activity', 'Workflow Nurture stopped: incoming message', 'stop'],
      ['activity', 'Workflow Nurture takes its When stopped path (stopped: incoming message)', 'info'],
      // Omar had no tag "nurture": removing it changed nothing, so nothing is said.
      ['activity', 'Tag "handed-over" added', 'info'],
      ['workflow', NURTURE.bye, ''],
      ['activity', 'Nurture assigns Omar to sales', 'info'],
      ['activity', 'When stopped path of Nurture done', 'info'],
      ['contact', 'Hello again', ''],
      ['activity', 'Trigger of Nurture ignored: stopped by incoming message at +2h; never starts again for this contact', 'refused'],
    ]);
  });

});
