import { describe, expect, it } from 'vitest';
import { EXIT_CONDITIONS, exitVerdict, type Observation } from '../../../simulator/engine/exitRules.ts';
import type { ExitCondition, WorkflowSettings } from '../../../simulator/schema/settings.ts';
import type { ExitIgnoredReason } from '../../../simulator/schema/trace.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import {
  ALL_EXITS,
  exitOn,
  followUpWorkflow,
  noExits,
  questionWorkflow,
  routingWorkflow,
  shortcutWorkflow,
  type SettingsInput,
} from '../../harness/workflowFixtures.ts';

const GREETING = 'Thanks for writing, Dana!';
const FOLLOW_UP = 'Still interested?';

/** A contact writes at +0, which starts "Follow-up" (greeting, wait 24h, "Still interested?"). */
const writesIn = (settings: SettingsInput) => harness(followUpWorkflow(settings)).at('+0').contactSays('Hi, pricing?');

const settingsOf = (enabled: boolean, on: ExitCondition[]): WorkflowSettings => ({ manualStop: false, exitConditions: { enabled, on } });

describe('exitVerdict: the exit conditions table, row by row', () => {
  const all = settingsOf(true, [...ALL_EXITS]);

  it.each<[Observation, ExitCondition]>([
    ['user_message', 'outgoing_message'],
    ['contact_message', 'incoming_message'],
    ['user_assignment', 'manual_assignment'],
  ])('%s meets %s and stops the run when that condition is selected', (observation, condition) => {
    expect(exitVerdict(all, observation)).toEqual({ stop: condition });
    expect(exitVerdict(settingsOf(true, [condition]), observation)).toEqual({ stop: condition });
  });

  it.each<[Observation, ExitIgnoredReason]>([
    ['workflow_message', 'sent_by_workflow'],
    ['broadcast', 'broadcast'],
    ['trigger_message', 'trigger_message'],
    ['question_answer', 'answer_to_question'],
    ['workflow_assignment', 'assigned_by_workflow'],
    ['rule_assignment', 'assigned_by_rule'],
    ['unassignment', 'unassignment'],
  ])('%s does not count, and says so (%s) where its condition is selected', (observation, reason) => {
    expect(exitVerdict(all, observation)).toEqual({ ignore: reason });
  });

  it.each<[Observation, ExitCondition]>([
    ['user_message', 'outgoing_message'],
    ['contact_message', 'incoming_message'],
    ['user_assignment', 'manual_assignment'],
  ])('%s is noted as condition_not_selected when only the other conditions are selected', (observation, condition) => {
    const others = ALL_EXITS.filter((c) => c !== condition);
    expect(exitVerdict(settingsOf(true, others), observation)).toEqual({ ignore: 'condition_not_selected' });
  });

  it.each<Observation>(['user_message', 'contact_message', 'user_assignment'])(
    '%s is noted as exit_conditions_off when exit conditions are off, even with conditions ticked',
    (observation) => {
      expect(exitVerdict(settingsOf(false, []), observation)).toEqual({ ignore: 'exit_conditions_off' });
      expect(exitVerdict(settingsOf(false, [...ALL_EXITS]), observation)).toEqual({ ignore: 'exit_conditions_off' });
    },
  );

  it.each<Observation>(['workflow_message', 'broadcast', 'trigger_message', 'question_answer', 'workflow_assignment', 'rule_assignment', 'unassignment'])(
    '%s is nobody’s business (null) where its condition is not selected',
    (observation) => {
      expect(exitVerdict(settingsOf(false, []), observation)).toBeNull();
      const condition = (Object.keys(EXIT_CONDITIONS) as ExitCondition[]).find((c) => observation in EXIT_CONDITIONS[c].doesNotCount);
      expect(exitVerdict(settingsOf(true, ALL_EXITS.filter((c) => c !== condition)), observation)).toBeNull();
    },
  );

  it('the table names each observation in exactly one row, and exactly one observation meets each condition', () => {
    const seen: string[] = [];
    for (const row of Object.values(EXIT_CONDITIONS)) {
      expect(row.metBy).toHaveLength(1);
      seen.push(...row.metBy, ...Object.keys(row.doesNotCount));
    }
    expect(seen.sort()).toEqual(
      ['broadcast', 'contact_message', 'question_answer', 'rule_assignment', 'trigger_message', 'unassignment', 'user_assignment', 'user_message', 'workflow_assignment', 'workflow_message'].sort(),
    );
  });
});

describe('Outgoing message (through the real Simulation)', () => {
  it('a message a user sends from the Messages view stops the run', () => {
    const result = writesIn(exitOn(['outgoing_message'])).at('+1h').agentSays('alice', 'Hi Dana, Alice here').run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'outgoing_message', atStep: 'wait-24h', endedAt: ms('+1h') });
    expect(result.entries({ kind: 'run.stopped' })).toEqual([
      expect.objectContaining({ t: ms('+1h'), run: 0, reason: 'outgoing_message' }),
    ]);
    expect(result.sent()).toEqual([GREETING]);
  });

  it('messages this Workflow sends do not count: the run completes', () => {
    const result = writesIn(exitOn(['outgoing_message'])).run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'completed', atStep: 'end' });
    expect(result.sent()).toEqual([GREETING, FOLLOW_UP]);
    expect(result.entries({ kind: 'run.stopped' })).toEqual([]);
  });

  it('messages another Workflow sends do not count (noted as sent_by_workflow)', () => {
    const result = harness(followUpWorkflow(exitOn(['outgoing_message'])), shortcutWorkflow())
      .at('+0')
      .contactSays('Hi')
      .at('+2h')
      .shortcut('alice', 'Shortcut')
      .run();
    expect(result.sentBy('Shortcut')).toContain('Shortcut started');
    expect(result.entries({ kind: 'exit.ignored', workflow: 'follow-up' })).toEqual([
      expect.objectContaining({ t: ms('+2h'), run: 0, reason: 'sent_by_workflow' }),
    ]);
    expect(result.runOf('Follow-up').status).toBe('completed');
    expect(result.sentBy('Follow-up')).toEqual([GREETING, FOLLOW_UP]);
  });

  it('broadcasts do not count (noted as broadcast)', () => {
    const result = writesIn(exitOn(['outgoing_message'])).at('+2h').broadcast('Our January sale starts today').run();
    expect(result.entries({ kind: 'exit.ignored' })).toEqual([expect.objectContaining({ t: ms('+2h'), run: 0, reason: 'broadcast' })]);
    expect(result.runOf('Follow-up').status).toBe('completed');
    expect(result.sent()).toContain(FOLLOW_UP);
  });
});

describe('Incoming message', () => {
  it('a message from the contact stops the run', () => {
    const result = writesIn(exitOn(['incoming_message'])).at('+3h').contactSays('Any news?').run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'incoming_message', atStep: 'wait-24h', endedAt: ms('+3h') });
    expect(result.sent()).toEqual([GREETING]);
  });

  it('the message that triggered this run does not stop it', () => {
    const result = writesIn(exitOn(['incoming_message'])).run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'completed', startedAt: 0, endedAt: ms('+24h') });
    expect(result.entries({ kind: 'run.stopped' })).toEqual([]);
    expect(result.sent()).toEqual([GREETING, FOLLOW_UP]);
  });

  it('a reply consumed by this run’s open question does not stop it; the run goes on by "answered"', () => {
    const result = harness(questionWorkflow(exitOn(['incoming_message'])))
      .at('+0')
      .contactSays('Hi')
      .at('+5m')
      .contactSays('pricing')
      .run();
    const answered = result.entry({ kind: 'question.answered' });
    expect(answered).toMatchObject({ t: ms('+5m'), run: 0, step: 'ask', text: 'pricing', field: 'need' });
    expect(result.entries({ kind: 'exit.ignored' })).toEqual([expect.objectContaining({ t: ms('+5m'), run: 0, reason: 'answer_to_question' })]);
    expect(result.entries({ kind: 'step', run: 0 }).map((e) => e.step)).toEqual(['ask', 'got-it', 'wait-24h', 'nudge', 'end']);
    expect(result.runOf('Qualify lead')).toMatchObject({ status: 'completed', atStep: 'end' });
    expect(result.sent()).toEqual(['What do you need?', 'Got it: pricing', 'Still interested in pricing?']);
  });

  it('a reply while no question is open is an ordinary incoming message, and stops the run', () => {
    const result = harness(questionWorkflow(exitOn(['incoming_message'])))
      .at('+0')
      .contactSays('Hi')
      .at('+5m')
      .contactSays('pricing')
      .at('+2h')
      .contactSays('and a demo?')
      .run();
    expect(result.entries({ kind: 'question.answered' })).toHaveLength(1);
    expect(result.runOf('Qualify lead')).toMatchObject({ status: 'stopped', reason: 'incoming_message', atStep: 'wait-24h', endedAt: ms('+2h') });
    expect(result.sent()).not.toContain('Still interested in pricing?');
  });

  it('a reply answering another Workflow’s question is an incoming message for this one', () => {
    const result = harness(questionWorkflow(noExits()), followUpWorkflow(exitOn(['incoming_message'])))
      .at('+0')
      .contactSays('Hi')
      .at('+5m')
      .contactSays('pricing')
      .run();
    expect(result.entry({ kind: 'question.answered' })).toMatchObject({ workflow: 'question', t: ms('+5m') });
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'incoming_message', endedAt: ms('+5m') });
    expect(result.runOf('Qualify lead').status).toBe('completed');
  });
});

describe('Manual assignment', () => {
  it('a user assigning the contact to a user stops the run', () => {
    const result = writesIn(exitOn(['manual_assignment'])).at('+1h').userAssigns('alice', 'bob').run();
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'manual_assignment', endedAt: ms('+1h') });
    expect(result.sent()).toEqual([GREETING]);
  });

  it('a user reassigning a contact a rule had assigned stops the run (the rule did not)', () => {
    const result = writesIn(exitOn(['manual_assignment']))
      .at('+1h')
      .ruleAssigns('bob')
      .at('+2h')
      .userAssigns('alice', 'carol')
      .run();
    expect(result.entries({ kind: 'exit.ignored' })).toEqual([expect.objectContaining({ t: ms('+1h'), reason: 'assigned_by_rule' })]);
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'stopped', reason: 'manual_assignment', endedAt: ms('+2h') });
  });

  it('assignment by another Workflow’s Assign step does not count (noted as assigned_by_workflow)', () => {
    const result = harness(followUpWorkflow(exitOn(['manual_assignment'])), routingWorkflow()).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'contact.changed', change: 'assigned' })).toMatchObject({ workflow: 'routing', to: 'sales' });
    expect(result.entries({ kind: 'exit.ignored' })).toEqual([
      expect.objectContaining({ workflow: 'follow-up', run: 0, reason: 'assigned_by_workflow' }),
    ]);
    expect(result.runOf('Follow-up').status).toBe('completed');
  });

  it('assignment by this Workflow’s own Assign step does not count', () => {
    const result = harness(routingWorkflow(exitOn(['manual_assignment']))).at('+0').contactSays('Hi').run();
    expect(result.runOf('Routing')).toMatchObject({ status: 'completed' });
    expect(result.sent()).toEqual(['Routed to sales']);
  });

  it('assignment by an automatic rule (no user) does not count (noted as assigned_by_rule)', () => {
    const result = writesIn(exitOn(['manual_assignment'])).at('+1h').ruleAssigns('bob').run();
    expect(result.entry({ kind: 'exit.ignored' })).toMatchObject({ t: ms('+1h'), reason: 'assigned_by_rule' });
    expect(result.runOf('Follow-up').status).toBe('completed');
    expect(result.sent()).toContain(FOLLOW_UP);
  });

  it('unassignment, even by a user, does not count (noted as unassignment)', () => {
    const result = writesIn(exitOn(['manual_assignment'])).at('+1h').unassign('alice').run();
    expect(result.entry({ kind: 'exit.ignored' })).toMatchObject({ t: ms('+1h'), reason: 'unassignment', user: 'alice' });
    expect(result.runOf('Follow-up').status).toBe('completed');
  });
});

describe('Settings that select nothing for an event', () => {
  it('a condition not selected: the run goes on, noted as condition_not_selected', () => {
    const result = writesIn(exitOn(['incoming_message'])).at('+1h').agentSays('alice', 'Hello').userAssigns('alice', 'bob').run();
    expect(result.entries({ kind: 'exit.ignored' })).toEqual([
      expect.objectContaining({ t: ms('+1h'), reason: 'condition_not_selected', user: 'alice' }),
      expect.objectContaining({ t: ms('+1h'), reason: 'condition_not_selected', user: 'alice' }),
    ]);
    expect(result.runOf('Follow-up').status).toBe('completed');
    expect(result.sent()).toEqual([GREETING, FOLLOW_UP]);
  });

  it('exit conditions off: the run goes on, noted as exit_conditions_off', () => {
    const result = writesIn(noExits()).at('+1h').contactSays('More questions').agentSays('alice', 'Hello').userAssigns('alice', 'bob').run();
    expect(result.entries({ kind: 'exit.ignored' }).map((e) => e.reason)).toEqual(['exit_conditions_off', 'exit_conditions_off', 'exit_conditions_off']);
    expect(result.runOf('Follow-up').status).toBe('completed');
    expect(result.sent()).toEqual([GREETING, FOLLOW_UP]);
  });

  it('exit conditions off with conditions still ticked: nothing stops the run', () => {
    const result = writesIn({ manualStop: false, exitConditions: { enabled: false, on: [...ALL_EXITS] } })
      .at('+1h')
      .contactSays('More questions')
      .agentSays('alice', 'Hello')
      .userAssigns('alice', 'bob')
      .run();
    expect(result.entries({ kind: 'exit.ignored' }).map((e) => e.reason)).toEqual(['exit_conditions_off', 'exit_conditions_off', 'exit_conditions_off']);
    expect(result.runOf('Follow-up').status).toBe('completed');
  });
});

describe('The first condition met wins (rule 1)', () => {
  /** Once per contact, so the later messages start no second run to muddle the count. */
  const once = () => followUpWorkflow(exitOn([...ALL_EXITS]), { trigger: { id: 'trigger', type: 'incoming_message', oncePerContact: true } });
  const upToTheStop = harness(once()).at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'Alice here');
  const script = upToTheStop.at('+2h').contactSays('Thanks Alice').at('+3h').userAssigns('alice', 'bob').at('+4h').unassign('alice');

  it('records exactly one stop, with the reason of the first event', () => {
    const result = script.run();
    expect(result.entries({ kind: 'run.stopped' })).toEqual([expect.objectContaining({ t: ms('+1h'), run: 0, reason: 'outgoing_message' })]);
    expect(result.runs()).toEqual([expect.objectContaining({ status: 'stopped', reason: 'outgoing_message', endedAt: ms('+1h') })]);
  });

  it('events after the stop leave the stopped run untouched', () => {
    const full = script.run();
    expect(full.runs()).toEqual(upToTheStop.run().runs());
    expect(full.entries((e) => e.run === 0 && e.t > ms('+1h'))).toEqual([]);
    expect(full.entries({ kind: 'exit.ignored' })).toEqual([]);
  });
});
