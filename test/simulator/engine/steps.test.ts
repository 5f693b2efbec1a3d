import { describe, expect, it } from 'vitest';
import { MAX_STEPS_PER_INSTANT } from '../../../simulator/engine/simulation.ts';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import {
  buildWorkflow,
  chainWorkflows,
  conversationWorkflow,
  exitOn,
  fieldTriggerWorkflow,
  followUpWorkflow,
  loopWorkflow,
  noExits,
  questionWorkflow,
  runawayLoopWorkflow,
  shortcutWorkflow,
  steps,
  tagTriggerWorkflow,
  type StepInput,
} from '../../harness/workflowFixtures.ts';

/** incoming message → the given steps in a line → end. */
function line(...body: StepInput[]) {
  const ids = body.map((step) => step.id);
  const edges = ['trigger', ...ids].map((id, i) => `${id}>${ids[i] ?? 'end'}`);
  return buildWorkflow({ id: 'line', name: 'Line', steps: [...body, steps.end()], edges });
}

describe('Send message', () => {
  it('replaces {{contact.name}}, {{contact.id}} and {{contact.fields.x}}; unknown fields become empty', () => {
    const wf = line(steps.send('s', 'Hi {{contact.name}} ({{ contact.id }}), plan: {{contact.fields.plan}}{{contact.fields.missing}}.'));
    const result = harness(wf).contact('dana', { name: 'Dana', fields: { plan: 'pro' } }).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'message.sent' })).toMatchObject({ t: 0, step: 's', text: 'Hi Dana (dana), plan: pro.' });
  });

  it('reads fields as they are when the step runs, per contact', () => {
    const wf = line(steps.send('s1', 'Plan: {{contact.fields.plan}}'), steps.wait('w', '1h'), steps.send('s2', 'Plan now: {{contact.fields.plan}}'));
    const result = harness(wf)
      .contact('dana', { fields: { plan: 'pro' } })
      .contact('omar', { fields: { plan: 'free' } })
      .as('dana')
      .at('+0')
      .contactSays('Hi')
      .at('+30m')
      .setField('plan', 'team')
      .as('omar')
      .at('+0')
      .contactSays('Hello')
      .run();
    expect(result.sent('dana')).toEqual(['Plan: pro', 'Plan now: team']);
    expect(result.sent('omar')).toEqual(['Plan: free', 'Plan now: free']);
  });

  it('names a contact without a name by its id', () => {
    const result = harness(line(steps.send('s', 'Hi {{contact.name}}'))).contact('x-42', { name: '' }).at('+0').contactSays('Hi').run();
    expect(result.sent()).toEqual(['Hi x-42']);
  });
});

describe('Ask a question', () => {
  it('answered: stores the reply in the named field and follows "answered"', () => {
    const result = harness(questionWorkflow()).at('+0').contactSays('Hi').at('+10m').contactSays('A demo').run();
    expect(result.entry({ kind: 'question.answered' })).toMatchObject({ t: ms('+10m'), step: 'ask', text: 'A demo', field: 'need' });
    expect(result.entry({ kind: 'timer.cancelled' })).toMatchObject({ t: ms('+10m'), due: ms('+1h'), reason: 'answer_to_question' });
    expect(result.entries({ kind: 'question.timeout' })).toEqual([]);
    expect(result.sent()).toEqual(['What do you need?', 'Got it: A demo', 'Still interested in A demo?']);
  });

  it('waits for the reply: the run is active, waiting for a reply until the timeout', () => {
    const paused = harness(questionWorkflow()).at('+0').contactSays('Hi').until('+30m').run();
    expect(paused.runOf('Qualify lead')).toMatchObject({ status: 'active', atStep: 'ask', waitingFor: 'reply', due: ms('+1h') });
  });

  it('timeout: follows "timeout" when no reply comes in time', () => {
    const result = harness(questionWorkflow()).at('+0').contactSays('Hi').at('+2h').contactSays('Late answer').run();
    expect(result.entry({ kind: 'question.timeout' })).toMatchObject({ t: ms('+1h'), run: 0, step: 'ask' });
    expect(result.entries({ kind: 'question.answered' })).toEqual([]);
    expect(result.entries({ kind: 'step', run: 0 }).map((e) => e.step)).toEqual(['ask', 'no-rush', 'wait-24h', 'nudge', 'end']);
    expect(result.sent()).toEqual(['What do you need?', 'No rush — reply any time.', 'Still interested in ?']);
  });

  it('without a timeout it waits for the reply indefinitely', () => {
    const result = harness(questionWorkflow(noExits(), { timeout: null })).at('+0').contactSays('Hi').at('+30d').contactSays('Pricing').run();
    expect(result.entries({ kind: 'timer.set' }).filter((e) => e.step === 'ask')).toEqual([]);
    expect(result.entry({ kind: 'question.answered' })).toMatchObject({ t: ms('+30d'), field: 'need' });
    expect(result.sent()).toContain('Got it: Pricing');
  });

  it('with no field named, stores the reply under the step id', () => {
    const result = harness(questionWorkflow(noExits(), { field: '' })).at('+0').contactSays('Hi').at('+1m').contactSays('Support').run();
    expect(result.entry({ kind: 'question.answered' })).toMatchObject({ field: 'ask', text: 'Support' });
    expect(result.sent()).toContain('Got it: Support');
  });
});

describe('Wait', () => {
  it('for a duration: sets a timer and resumes when it fires', () => {
    const result = harness(followUpWorkflow()).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'timer.set' })).toMatchObject({ t: 0, step: 'wait-24h', due: ms('+24h') });
    expect(result.entry({ kind: 'timer.fired' })).toMatchObject({ t: ms('+24h'), due: ms('+24h') });
    expect(result.entry({ kind: 'message.sent', step: 'follow-up' }).t).toBe(ms('+24h'));
  });

  const untilNine = line(steps.waitUntil('w', '09:00'), steps.send('s', 'Good morning'));
  it.each([
    ['UTC', '2026-01-05T09:00:00Z', '+24h', 'exactly 09:00 UTC: strictly later, so the next day'],
    ['America/New_York', '2026-01-05T09:00:00Z', '+5h', '04:00 in New York: 09:00 New York is 14:00 UTC'],
    ['America/New_York', '2026-01-05T14:00:00Z', '+24h', 'exactly 09:00 in New York: the next day'],
    ['America/New_York', '2026-03-07T15:00:00Z', '+22h', '10:00 EST the day before daylight saving starts: 09:00 EDT is 13:00 UTC'],
    ['Asia/Kolkata', '2026-01-05T09:00:00Z', '+18h30m', '14:30 in Kolkata (UTC+5:30): 09:00 there is 03:30 UTC'],
  ])('until a time of day in %s from %s waits %s (%s)', (zone, start, wait) => {
    const result = harness(untilNine).timezone(zone).start(start).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'timer.set' }).due).toBe(ms(wait));
    expect(result.entry({ kind: 'message.sent' })).toMatchObject({ t: ms(wait), text: 'Good morning' });
  });
});

describe('Branch', () => {
  const wf = buildWorkflow({
    id: 'router',
    name: 'Router',
    steps: [
      steps.branch('route', [
        { id: 'vip', label: 'VIP', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] },
        { id: 'pro', label: 'Pro', conditions: [{ subject: 'field', field: 'plan', operator: 'is', value: 'pro' }] },
        { id: 'pricing', label: 'Pricing', conditions: [{ subject: 'last_message', operator: 'contains', value: 'price' }] },
        {
          id: 'either',
          label: 'Either',
          match: 'any',
          conditions: [
            { subject: 'field', field: 'company', operator: 'is_set' },
            { subject: 'last_message', operator: 'is', value: 'hello' },
          ],
        },
      ]),
      steps.send('to-vip', 'VIP'),
      steps.send('to-pro', 'Pro'),
      steps.send('to-pricing', 'Pricing'),
      steps.send('to-either', 'Either'),
      steps.send('to-else', 'Else'),
    ],
    edges: ['trigger>route', 'route:vip>to-vip', 'route:pro>to-pro', 'route:pricing>to-pricing', 'route:either>to-either', 'route:else>to-else'],
  });

  it.each<[string, { tags?: string[]; fields?: Record<string, string> }, string, string]>([
    ['a tag', { tags: ['vip'] }, 'Hi', 'VIP'],
    ['the first matching path, in order', { tags: ['vip'], fields: { plan: 'pro' } }, 'Hi', 'VIP'],
    ['a field (case and outer spaces ignored)', { fields: { plan: ' PRO ' } }, 'Hi', 'Pro'],
    ['the last message', {}, 'What is the PRICE?', 'Pricing'],
    ['any of several conditions (field set)', { fields: { company: 'Acme' } }, 'Hi', 'Either'],
    ['any of several conditions (last message is)', {}, ' Hello ', 'Either'],
    ['nothing: the else path', { tags: ['lead'], fields: { plan: 'free', company: '' } }, 'Hi', 'Else'],
  ])('on %s', (_what, contact, message, text) => {
    const result = harness(wf).contact('dana', contact).at('+0').contactSays(message).run();
    expect(result.sent()).toEqual([text]);
    expect(result.runOf('Router')).toMatchObject({ status: 'completed' });
  });

  it('sees tags and fields as they are when it runs (a tag added by an event)', () => {
    const result = harness(loopWorkflow()).at('+0').contactSays('Hi').at('+2h30m').addTag('done').run();
    expect(result.sent()).toEqual(['Reminder', 'Reminder', 'Reminder']);
    expect(result.runOf('Reminder loop')).toMatchObject({ status: 'completed', endedAt: ms('+3h') });
  });
});

describe('Date & time branch', () => {
  const hours = (days: number[], from: string, to: string) =>
    buildWorkflow({
      id: 'hours',
      name: 'Hours',
      steps: [steps.hours('open', days, from, to), steps.send('in', 'We are open'), steps.send('out', 'We are closed'), steps.end()],
      edges: ['trigger>open', 'open:match>in', 'open:else>out', 'in>end', 'out>end'],
    });
  const weekdays = hours([1, 2, 3, 4, 5], '09:00', '17:00');

  it.each([
    ['UTC', '+0', 'Monday 09:00 UTC (from is inclusive)', 'We are open'],
    ['UTC', '+8h', 'Monday 17:00 UTC (to is exclusive)', 'We are closed'],
    ['America/New_York', '+0', 'Monday 04:00 in New York', 'We are closed'],
    ['America/New_York', '+6h', 'Monday 10:00 in New York', 'We are open'],
    ['America/New_York', '+5d6h', 'Saturday 10:00 in New York', 'We are closed'],
    ['Asia/Tokyo', '+15h', 'Tuesday 09:00 in Tokyo (Monday 24:00 UTC)', 'We are open'],
  ])('in %s at %s (%s)', (zone, at, _when, text) => {
    const result = harness(weekdays).timezone(zone).at(at).contactSays('Hi').run();
    expect(result.sent()).toEqual([text]);
  });

  it('a window ending before it starts runs overnight', () => {
    const night = hours([0, 1, 2, 3, 4, 5, 6], '22:00', '06:00');
    const at = (offset: string) => harness(night).at(offset).contactSays('Hi').run().sent();
    expect(at('+14h')).toEqual(['We are open']); // 23:00 UTC
    expect(at('+20h')).toEqual(['We are open']); // 05:00 UTC
    expect(at('+21h')).toEqual(['We are closed']); // 06:00 UTC
    expect(at('+0')).toEqual(['We are closed']); // 09:00 UTC
  });
});

describe('Contact-changing steps', () => {
  it('Assign to: assigns the contact to a user or a team', () => {
    const result = harness(line(steps.assign('a1', 'team', 'sales'), steps.assign('a2', 'user', 'bob'))).at('+0').contactSays('Hi').run();
    expect(result.entries({ kind: 'contact.changed', change: 'assigned' }).map((e) => [e.step, e.to])).toEqual([
      ['a1', 'sales'],
      ['a2', 'bob'],
    ]);
  });

  it('Update contact field: sets the field, read by later steps', () => {
    const wf = line(steps.setField('f', 'stage', 'qualified'), steps.send('s', 'Stage: {{contact.fields.stage}}'));
    const result = harness(wf).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'contact.changed' , change: 'field_set' })).toMatchObject({ step: 'f', field: 'stage', value: 'qualified' });
    expect(result.sent()).toEqual(['Stage: qualified']);
  });

  it('Add or remove tag: changes the tags; removing a tag the contact lacks changes nothing', () => {
    const wf = buildWorkflow({
      id: 'tags',
      name: 'Tags',
      steps: [
        steps.tag('add', 'add', 'warm'),
        steps.tag('drop', 'remove', 'cold'),
        steps.tag('drop-missing', 'remove', 'never-had'),
        steps.branch('check', [
          {
            id: 'yes',
            label: 'Yes',
            conditions: [
              { subject: 'tag', operator: 'has', tag: 'warm' },
              { subject: 'tag', operator: 'has_not', tag: 'cold' },
            ],
          },
        ]),
        steps.send('yes', 'Warm now'),
        steps.send('no', 'Not warm'),
        steps.end(),
      ],
      edges: ['trigger>add', 'add>drop', 'drop>drop-missing', 'drop-missing>check', 'check:yes>yes', 'check:else>no', 'yes>end', 'no>end'],
    });
    const result = harness(wf).contact('dana', { tags: ['cold'] }).at('+0').contactSays('Hi').run();
    expect(result.entries({ kind: 'contact.changed' }).map((e) => [e.change, e.tag, e.step])).toEqual([
      ['conversation_opened', undefined, undefined],
      ['tag_added', 'warm', 'add'],
      ['tag_removed', 'cold', 'drop'],
    ]);
    expect(result.sent()).toEqual(['Warm now']);
  });

  it('Add internal comment: a comment, never a message to the contact, and never an outgoing message', () => {
    const wf = buildWorkflow({
      id: 'note',
      name: 'Note',
      steps: [steps.comment('c', 'Lead {{contact.name}} on {{contact.fields.plan}}'), steps.wait('w', '1h'), steps.send('s', 'Done'), steps.end()],
      edges: ['trigger>c', 'c>w', 'w>s', 's>end'],
    });
    const result = harness(wf, followUpWorkflow(exitOn(['outgoing_message']))).contact('dana', { fields: { plan: 'pro' } }).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'comment.added' })).toMatchObject({ workflow: 'note', text: 'Lead Dana on pro' });
    expect(result.sentBy('Note')).toEqual(['Done']);
    expect(result.runOf('Follow-up').status).toBe('completed');
  });

  it('Close and Open conversation: change the conversation; a contact message reopens a closed one', () => {
    const wf = line(steps.closeConversation('close'), steps.wait('w', '1h'), steps.openConversation('open'), steps.openConversation('open-again'));
    const result = harness(wf).at('+0').contactSays('Hi').run();
    expect(result.entries({ kind: 'contact.changed' }).map((e) => [e.t, e.change, e.step])).toEqual([
      [0, 'conversation_opened', undefined],
      [0, 'conversation_closed', 'close'],
      [ms('+1h'), 'conversation_opened', 'open'],
    ]);
  });

  it('Workflow messages are still delivered while the conversation is closed', () => {
    const wf = line(steps.closeConversation('close'), steps.send('s', 'Still here'));
    const result = harness(wf).at('+0').contactSays('Hi').run();
    expect(result.sent()).toEqual(['Still here']);
  });
});

describe('Trigger another Workflow', () => {
  it('starts an independent run of the other Workflow for the same contact, at once', () => {
    const result = harness(...chainWorkflows()).at('+0').contactSays('Hi').run();
    const child = result.runOf('Child');
    expect(child).toMatchObject({ startedAt: 0, status: 'completed', endedAt: ms('+24h') });
    expect(child.run).not.toBe(result.runOf('Parent').run);
    expect(result.sent()).toEqual(['Hello from parent', 'Hello from child', 'Child follow-up', 'Parent follow-up']);
  });

  it('each run obeys its own stop settings: the parent stops, the child goes on', () => {
    const result = harness(...chainWorkflows(exitOn(['incoming_message']), noExits())).at('+0').contactSays('Hi').at('+1h').contactSays('More').run();
    expect(result.runOf('Parent')).toMatchObject({ status: 'stopped', reason: 'incoming_message' });
    expect(result.runOf('Child')).toMatchObject({ status: 'completed' });
    expect(result.entry({ kind: 'exit.ignored', workflow: 'child' })).toMatchObject({ reason: 'exit_conditions_off' });
    expect(result.sentBy('Child')).toContain('Child follow-up');
    expect(result.sentBy('Parent')).not.toContain('Parent follow-up');
  });

  it('each run obeys its own stop settings: the child stops, the parent goes on', () => {
    const result = harness(...chainWorkflows(noExits(), exitOn(['incoming_message']))).at('+0').contactSays('Hi').at('+1h').contactSays('More').run();
    expect(result.runOf('Child')).toMatchObject({ status: 'stopped', reason: 'incoming_message', endedAt: ms('+1h') });
    expect(result.runOf('Parent')).toMatchObject({ status: 'completed' });
    expect(result.sentBy('Parent')).toContain('Parent follow-up');
  });

  it('a manual stop of the parent leaves the child running', () => {
    const result = harness(...chainWorkflows(noExits(true), noExits(true))).at('+0').contactSays('Hi').at('+1h').stop('alice', 'Parent').run();
    expect(result.runOf('Parent')).toMatchObject({ status: 'stopped', reason: 'manual' });
    expect(result.runOf('Child').status).toBe('completed');
  });

  it('an active run of the target ignores the new start (already_active)', () => {
    const [parent, child] = chainWorkflows();
    const result = harness(parent, child).as('dana').at('+0').contactSays('Hi').at('+25h').contactSays('Again').run();
    // +25h: the parent completed at +24h and starts again; the child completed at +24h too, so it starts again.
    expect(result.runsOf('Child')).toHaveLength(2);
    const [stoppable] = chainWorkflows(noExits(true));
    const early = harness(stoppable, child).at('+0').contactSays('Hi').at('+2h').stop('alice', 'Parent').at('+3h').contactSays('Again').run();
    expect(early.runsOf('Child')).toHaveLength(1);
    expect(early.entry({ kind: 'trigger.ignored', workflow: 'child' })).toMatchObject({ t: ms('+3h'), reason: 'already_active' });
  });
});

describe('Jump to and End', () => {
  it('Jump to continues at its target: the loop repeats until its branch leaves it', () => {
    const result = harness(loopWorkflow()).at('+0').contactSays('Hi').at('+2h30m').addTag('done').run();
    expect(result.entries({ kind: 'step', step: 'again' }).map((e) => e.t)).toEqual([ms('+1h'), ms('+2h')]);
    expect(result.entries({ kind: 'step', step: 'remind' }).map((e) => e.t)).toEqual([0, ms('+1h'), ms('+2h')]);
  });

  it('End completes the run at that step', () => {
    const result = harness(followUpWorkflow()).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'run.completed' })).toMatchObject({ t: ms('+24h'), step: 'end' });
    expect(result.runOf('Follow-up')).toMatchObject({ status: 'completed', atStep: 'end', endedAt: ms('+24h') });
  });

  it('a step with no outgoing edge completes the run too', () => {
    const wf = buildWorkflow({ id: 'open-end', name: 'Open end', steps: [steps.send('s', 'Bye')], edges: ['trigger>s'] });
    const result = harness(wf).at('+0').contactSays('Hi').run();
    expect(result.runOf('Open end')).toMatchObject({ status: 'completed', atStep: 's' });
  });
});

describe('Runaway loops', () => {
  it('the validator accepts a loop whose only pause is a Wait of "0s"', () => {
    expect(validateWorkflow(runawayLoopWorkflow())).toEqual([]);
  });

  it('fails the run with reason loop after 1,000 steps at one instant — never a hang', () => {
    const result = harness(runawayLoopWorkflow(), followUpWorkflow()).at('+0').contactSays('Hi').run();
    expect(MAX_STEPS_PER_INSTANT).toBe(1000);
    expect(result.runOf('Runaway')).toMatchObject({ status: 'failed', reason: 'loop', endedAt: 0 });
    expect(result.entry({ kind: 'run.failed' })).toMatchObject({ t: 0, workflow: 'runaway', reason: 'loop' });
    expect(result.entries({ kind: 'step', workflow: 'runaway' })).toHaveLength(1000);
    expect(result.entries((e) => e.workflow === 'runaway' && e.t > 0)).toEqual([]);
    // The contact's other Workflow is unaffected.
    expect(result.runOf('Follow-up').status).toBe('completed');
  });

  it('a loop that lets time pass is not a runaway', () => {
    const result = harness(loopWorkflow()).at('+0').contactSays('Hi').at('+3d').addTag('done').run();
    expect(result.runOf('Reminder loop')).toMatchObject({ status: 'completed', endedAt: ms('+3d') });
    expect(result.sent()).toHaveLength(72);
  });
});

describe('Triggers', () => {
  it('incoming message: each contact message may start a run', () => {
    const result = harness(followUpWorkflow()).at('+0').contactSays('Hi').run();
    expect(result.entry({ kind: 'run.started' })).toMatchObject({ t: 0, workflow: 'follow-up', step: 'trigger' });
  });

  it('conversation opened: a contact message to a closed conversation reopens it and fires the trigger', () => {
    const result = harness(conversationWorkflow('conversation_opened'))
      .at('+0')
      .contactSays('Hi')
      .at('+1h')
      .contactSays('Still open')
      .at('+2h')
      .closeConversation()
      .at('+3h')
      .contactSays('Back again')
      .at('+4h')
      .closeConversation()
      .at('+5h')
      .openConversation()
      .run();
    expect(result.runsOf('Conversation opened').map((r) => r.startedAt)).toEqual([0, ms('+3h'), ms('+5h')]);
    expect(result.entries({ kind: 'contact.changed', change: 'conversation_opened' }).map((e) => e.t)).toEqual([0, ms('+3h')]);
  });

  it('conversation closed: fires when an open conversation is closed', () => {
    const result = harness(conversationWorkflow('conversation_closed'))
      .at('+0')
      .contactSays('Hi')
      .at('+1h')
      .closeConversation()
      .at('+2h')
      .closeConversation()
      .run();
    expect(result.runsOf('Conversation closed').map((r) => r.startedAt)).toEqual([ms('+1h')]);
  });

  it('shortcut: an agent starts it for the contact', () => {
    const result = harness(shortcutWorkflow()).at('+1h').shortcut('alice', 'Shortcut').run();
    expect(result.entry({ kind: 'run.started' })).toMatchObject({ t: ms('+1h'), workflow: 'shortcut', user: 'alice' });
    expect(result.sent()).toEqual(['Shortcut started', 'Shortcut follow-up']);
  });

  it('shortcut: refused for a restricted user (restricted_user)', () => {
    const result = harness(shortcutWorkflow()).user('rita', { restricted: true }).at('+1h').shortcut('rita', 'Shortcut').run();
    expect(result.runs()).toEqual([]);
    expect(result.entry({ kind: 'trigger.ignored' })).toMatchObject({ t: ms('+1h'), workflow: 'shortcut', user: 'rita', reason: 'restricted_user' });
  });

  it('shortcut: a Workflow with another trigger cannot be started as one (not_a_shortcut)', () => {
    const result = harness(followUpWorkflow(), ...chainWorkflows()).at('+0').shortcut('alice', 'Follow-up').shortcut('alice', 'Child').run();
    expect(result.runs()).toEqual([]);
    expect(result.entries({ kind: 'trigger.ignored' }).map((e) => [e.workflow, e.reason])).toEqual([
      ['follow-up', 'not_a_shortcut'],
      ['child', 'not_a_shortcut'],
    ]);
  });

  it('shortcut: messages do not start it', () => {
    const result = harness(shortcutWorkflow()).at('+0').contactSays('Hi').run();
    expect(result.runs()).toEqual([]);
  });

  it('tag added / removed: fires for that tag and that action only, when the tags really change', () => {
    const result = harness(tagTriggerWorkflow('vip', 'added'), tagTriggerWorkflow('vip', 'removed'))
      .at('+0')
      .addTag('lead')
      .at('+1h')
      .addTag('vip')
      .at('+2h')
      .addTag('vip')
      .at('+3h')
      .removeTag('vip')
      .at('+4h')
      .removeTag('vip')
      .run();
    expect(result.runs().map((r) => [r.workflow, r.startedAt])).toEqual([
      ['tag-added-vip', ms('+1h')],
      ['tag-removed-vip', ms('+3h')],
    ]);
    expect(result.sent()).toEqual(['Tag vip added', 'Tag vip removed']);
  });

  it('contact field updated: fires for that field when its value changes', () => {
    const result = harness(fieldTriggerWorkflow('plan'))
      .contact('dana', { fields: { plan: 'free' } })
      .at('+0')
      .setField('plan', 'free')
      .at('+1h')
      .setField('plan', 'pro')
      .at('+2h')
      .setField('company', 'Acme')
      .at('+3h')
      .setField('plan', 'team')
      .run();
    expect(result.runs().map((r) => r.startedAt)).toEqual([ms('+1h'), ms('+3h')]);
    expect(result.sent()).toEqual(['plan is now pro', 'plan is now team']);
  });

  it('started by another Workflow: only a Trigger another Workflow step starts it', () => {
    const [, child] = chainWorkflows();
    const alone = harness(child).at('+0').contactSays('Hi').openConversation().addTag('x').run();
    expect(alone.runs()).toEqual([]);
  });
});
