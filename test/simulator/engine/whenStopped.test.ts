import { describe, expect, it } from 'vitest';
import { runOnCanvas } from '../../../simulator/trace/nodeRunStates.ts';
import { traceEntries } from '../../../simulator/engine/materialize.ts';
import { MAX_STEPS_PER_INSTANT, Simulation } from '../../../simulator/engine/simulation.ts';
import { describeEntry } from '../../../simulator/trace/describeEntry.ts';
import { traceNames } from '../../../simulator/trace/traceNames.ts';
import { harness, ms } from '../../harness/simulationHarness.ts';
import { buildWorkflow, exitOn, followUpWorkflow, noExits, NURTURE, nurtureWorkflow, runawayLoopWorkflow, steps } from '../../harness/workflowFixtures.ts';

const PATH = ['why', 'untag', 'handed-over', 'bye', 'to-sales'];

/** Stopped by Dana's second message at +2h. */
const stoppedByReply = () => harness(nurtureWorkflow(exitOn(['incoming_message'], true))).contact('dana', { tags: ['nurture'] }).at('+0').contactSays('Hi').at('+2h').contactSays('Never mind');

describe('the When stopped path of a stopped run', () => {
  it('runs in the instant of the stop, right after it, as entries of the stopped run', () => {
    const result = stoppedByReply().run();
    const stop = result.entry({ kind: 'run.stopped', run: 0 });
    const after = result.entries((entry) => entry.seq > stop.seq && entry.run === 0);
    expect(after.map((entry) => [entry.kind, entry.step])).toEqual([
      ['timer.cancelled', 'wait-24h'],
      ['when_stopped.started', 'when-stopped'],
      ...PATH.flatMap((step) => {
        const effect: [string, string][] =
          step === 'untag' || step === 'handed-over' || step === 'to-sales' ? [['contact.changed', step]] : step === 'bye' ? [['message.sent', step]] : [];
        return [['step', step] as [string, string], ...effect];
      }),
      ['when_stopped.ended', 'to-sales'],
    ]);
    expect(new Set(after.map((entry) => entry.t))).toEqual(new Set([ms('+2h')]));
    expect(result.entry({ kind: 'when_stopped.started' })).toMatchObject({ reason: 'incoming_message', workflow: 'nurture' });
    expect(result.sent()).toEqual(['Thanks for writing, Dana!', NURTURE.bye]);
  });

  it('leaves the run where it stopped: status, reason and step are the stop’s', () => {
    const result = stoppedByReply()
      .expect({ contact: 'dana', workflow: 'Nurture', status: 'stopped', reason: 'incoming_message', atStep: 'Wait 24h' })
      .run();
    expect(result.runOf('Nurture')).toMatchObject({ status: 'stopped', reason: 'incoming_message', atStep: 'wait-24h', endedAt: ms('+2h') });
    expect(result.expectations().map((check) => check.passed)).toEqual([true]);
  });

  it('gives the Stop reason branch the stop’s reason: by hand the note is written, by a reply it is not', () => {
    const byHand = harness(nurtureWorkflow(noExits(true))).user('alice').at('+0').contactSays('Hi').at('+1h').stop('alice', 'Nurture').run();
    expect(byHand.entries({ kind: 'comment.added' }).map((entry) => entry.text)).toEqual([NURTURE.note]);
    expect(byHand.entries({ kind: 'step', run: 0 }).map((entry) => entry.step)).toContain('note');
    const byReply = stoppedByReply().run();
    expect(byReply.entries({ kind: 'comment.added' })).toEqual([]);
  });

  it('goes on at Else for a reason whose output has no edge, and ends there without one', () => {
    const why = buildWorkflow({
      id: 'why-only',
      name: 'Why only',
      whenStopped: { id: 'ws' },
      steps: [steps.wait('wait', '1d'), steps.stopReasonBranch('why'), steps.send('manual-text', 'by hand'), steps.send('else-text', 'otherwise')],
      edges: ['trigger>wait', 'ws>why', 'why:manual>manual-text', 'why:else>else-text'],
      settings: exitOn(['outgoing_message'], true),
    });
    const byAgent = harness(why).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'Hello').run();
    expect(byAgent.sent()).toEqual(['otherwise']);
    const noElse = { ...why, steps: why.steps.filter((step) => step.id !== 'else-text'), edges: why.edges.filter((edge) => edge.sourceHandle !== 'else') };
    const ended = harness(noElse).user('alice').at('+0').contactSays('Hi').at('+1h').agentSays('alice', 'Hello').run();
    expect(ended.sent()).toEqual([]);
    expect(ended.entries({ kind: 'when_stopped.ended' })).toHaveLength(1);
  });

  it('is not taken by a completed, a failed or a refused-stop run', () => {
    const completed = harness(nurtureWorkflow(exitOn(['incoming_message']))).at('+0').contactSays('Hi').run();
    expect(completed.runOf('Nurture').status).toBe('completed');
    const refused = harness(nurtureWorkflow(exitOn(['incoming_message'], false))).user('alice').at('+0').contactSays('Hi').at('+1h').stop('alice', 'Nurture').run();
    expect(refused.entry({ kind: 'stop.refused' }).reason).toBe('manual_stop_off');
    const runaway = runawayLoopWorkflow();
    const loop = { ...runaway, whenStopped: { id: 'ws', label: '' }, steps: [...runaway.steps, ...nurtureWorkflow().steps.filter((step) => step.id === 'bye')], edges: [...runaway.edges, { id: 'ws-bye', source: 'ws', sourceHandle: 'next', target: 'bye' }] };
    const failed = harness(loop).at('+0').contactSays('Hi').run();
    expect(failed.runOf('Runaway').status).toBe('failed');
    for (const result of [completed, refused, failed]) {
      expect(result.entries({ kind: 'when_stopped.started' })).toEqual([]);
      expect(result.sent()).not.toContain(NURTURE.bye);
    }
  });

  it('runs at most once per run, whatever comes after the stop', () => {
    const result = harness(nurtureWorkflow(exitOn(['incoming_message', 'outgoing_message', 'manual_assignment'], true)))
      .user('alice')
      .at('+0')
      .contactSays('Hi')
      .at('+1h')
      .agentSays('alice', 'Alice here')
      .userAssigns('alice', 'alice')
      .stop('alice', 'Nurture')
      .at('+2h')
      .stop('alice', 'Nurture')
      .run();
    expect(result.entries({ kind: 'run.stopped' })).toHaveLength(1);
    expect(result.entries({ kind: 'when_stopped.started' }).map((entry) => [entry.run, entry.reason])).toEqual([[0, 'outgoing_message']]);
    expect(result.sentBy('Nurture').filter((text) => text === NURTURE.bye)).toHaveLength(1);
  });

  it('is never listed among the cancelled steps; the canvas draws it as the path taken', () => {
    const result = stoppedByReply().run();
    const nurture = result.workflows[0];
    if (!nurture) throw new Error('no Workflow');
    const canvas = runOnCanvas(nurture, result.runs(), result.trace);
    const cancelled = [...(canvas?.steps ?? [])].filter(([, state]) => state.kind === 'cancelled').map(([id]) => id);
    expect(cancelled.sort()).toEqual(['end', 'follow-up']);
    for (const step of PATH) expect(canvas?.steps.get(step)).toEqual({ kind: 'passed', at: ms('+2h') });
    expect(canvas?.steps.get('wait-24h')).toMatchObject({ kind: 'stopped', reason: 'incoming_message' });
    expect(canvas?.path).toEqual([
      ['trigger', 'greet'],
      ['greet', 'wait-24h'],
      ['when-stopped', 'why'],
      ['why', 'untag'],
      ['untag', 'handed-over'],
      ['handed-over', 'bye'],
      ['bye', 'to-sales'],
    ]);
  });

  it('sends a Workflow’s messages and makes a Workflow’s assignment: they stop no other Workflow', () => {
    const watcher = followUpWorkflow(exitOn(['outgoing_message', 'manual_assignment']), { id: 'watcher', name: 'Watcher', trigger: { id: 'trigger', type: 'shortcut' } });
    const result = harness(nurtureWorkflow(noExits(true)), watcher).user('alice').at('+0').shortcut('alice', 'Watcher').contactSays('Hi').at('+1h').stop('alice', 'Nurture').run();
    expect(result.runOf('Watcher')).toMatchObject({ status: 'completed', endedAt: ms('+24h') });
    // At +0 Nurture's greeting; at +1h its good-bye and its assignment, on the When stopped path.
    expect(result.entries({ kind: 'exit.ignored', workflow: 'watcher' }).filter((entry) => entry.reason !== 'condition_not_selected').map((entry) => [entry.t, entry.reason])).toEqual([
      [0, 'sent_by_workflow'],
      [ms('+1h'), 'sent_by_workflow'],
      [ms('+1h'), 'assigned_by_workflow'],
    ]);
  });

  it('fires tag triggers of other Workflows after it ends, never its own Workflow’s', () => {
    const onUntagged = followUpWorkflow(noExits(), { id: 'after-handover', name: 'After handover', trigger: { id: 'trigger', type: 'tag_updated', tag: 'nurture', action: 'removed' } });
    // Started by the tag its own path adds: that tag does not start it again.
    const self = nurtureWorkflow(noExits(true), { trigger: { id: 'trigger', type: 'tag_updated', tag: 'handed-over', action: 'added' } });
    const result = harness(self, onUntagged).contact('dana', { tags: ['nurture'] }).user('alice').at('+0').addTag('handed-over').removeTag('handed-over').at('+1h').stop('alice', 'Nurture').run();
    const ended = result.entry({ kind: 'when_stopped.ended' });
    const started = result.entry({ kind: 'run.started', workflow: 'after-handover' });
    expect(started.t).toBe(ms('+1h'));
    expect(started.seq).toBeGreaterThan(ended.seq);
    expect(result.runsOf('Nurture')).toHaveLength(1);
    expect(result.entries({ kind: 'trigger.ignored', workflow: 'nurture' })).toEqual([]);
  });

  it('fires field triggers of other Workflows for a field it changes', () => {
    const cleanup = buildWorkflow({
      id: 'field-cleanup',
      name: 'Field cleanup',
      whenStopped: { id: 'ws' },
      steps: [steps.wait('wait', '1d'), steps.setField('stage', 'stage', 'human')],
      edges: ['trigger>wait', 'ws>stage'],
      settings: noExits(true),
    });
    const onStage = followUpWorkflow(noExits(), { id: 'on-stage', name: 'On stage', trigger: { id: 'trigger', type: 'field_updated', field: 'stage' } });
    const result = harness(cleanup, onStage).user('alice').at('+0').contactSays('Hi').at('+1h').stop('alice', 'Field cleanup').run();
    expect(result.entry({ kind: 'run.started', workflow: 'on-stage' }).seq).toBeGreaterThan(result.entry({ kind: 'when_stopped.ended' }).seq);
  });

  it('comes before anything else the stopping event does: the triggers it fires come after the path', () => {
    const greeter = followUpWorkflow(noExits(), { id: 'greeter', name: 'Greeter' });
    const result = harness(nurtureWorkflow(exitOn(['incoming_message'])), greeter).at('+0').addTag('x').at('+1h').contactSays('Hi').at('+3h').contactSays('Again').run();
    // At +1h both start; at +3h Nurture is stopped by the message, and Greeter's trigger is ignored (its run is active).
    const ended = result.entry({ kind: 'when_stopped.ended' });
    const ignored = result.entry({ kind: 'trigger.ignored', workflow: 'greeter', t: ms('+3h') });
    expect(ended.t).toBe(ms('+3h'));
    expect(ignored.seq).toBeGreaterThan(ended.seq);
  });

  it('comes before a timer due in the same instant', () => {
    const ticker = buildWorkflow({ id: 'ticker', name: 'Ticker', steps: [steps.wait('tick', '2h'), steps.send('tock', 'Tock')], edges: ['trigger>tick', 'tick>tock'] });
    const result = harness(ticker, nurtureWorkflow(exitOn(['outgoing_message']))).user('alice').at('+0').contactSays('Hi').at('+2h').agentSays('alice', 'Hi Dana').run();
    const ended = result.entry({ kind: 'when_stopped.ended' });
    const fired = result.entry({ kind: 'timer.fired', workflow: 'ticker' });
    expect(fired.t).toBe(ended.t);
    expect(fired.seq).toBeGreaterThan(ended.seq);
  });

  it('says what happened in words', () => {
    const result = stoppedByReply().run();
    const names = traceNames(result.simulation);
    expect(describeEntry(result.entry({ kind: 'when_stopped.started' }), names)).toBe('Workflow Nurture takes its When stopped path (stopped: incoming message)');
    expect(describeEntry(result.entry({ kind: 'when_stopped.ended' }), names)).toBe('When stopped path of Nurture done');
  });

  it('reads the contact where a step on it does: the steps before a Branch are the same for every contact, the rest follow each contact’s tags', () => {
    const routed = buildWorkflow({
      id: 'routed',
      name: 'Routed',
      whenStopped: { id: 'ws' },
      steps: [
        steps.wait('wait', '1d'),
        steps.comment('note', 'Stopped'),
        steps.branch('is-vip', [{ id: 'vip', label: 'VIP', match: 'all', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }]),
        steps.tag('mark', 'add', 'call-back'),
        steps.send('bye', 'Bye'),
        steps.stopReasonBranch('why'),
        steps.comment('replied', 'They replied'),
      ],
      edges: ['trigger>wait', 'ws>note', 'note>is-vip', 'is-vip:vip>mark', 'is-vip:else>bye', 'mark>why', 'why:incoming_message>replied'],
      settings: exitOn(['incoming_message']),
    });
    const result = harness(routed)
      .contact('dana', { tags: ['vip'] })
      .at('+0')
      .contactSays('Hi')
      .contact('omar')
      .at('+0')
      .contactSays('Hi')
      .at('+1h')
      .contactSays('Stop')
      .as('dana')
      .at('+2h')
      .contactSays('Stop')
      .run();
    const pathOf = (contact: string) =>
      result
        .entries((entry) => entry.contact === contact && (entry.kind === 'step' || entry.kind === 'when_stopped.ended') && entry.t > 0)
        .map((entry) => `${entry.kind === 'step' ? '' : 'ended at '}${entry.step}`);
    expect(pathOf('dana')).toEqual(['note', 'is-vip', 'mark', 'why', 'replied', 'ended at replied']);
    expect(pathOf('omar')).toEqual(['note', 'is-vip', 'bye', 'ended at bye']);
    expect(result.entries({ kind: 'comment.added' }).map((entry) => [entry.contact, entry.text])).toEqual([
      ['omar', 'Stopped'],
      ['dana', 'Stopped'],
      ['dana', 'They replied'],
    ]);
    expect(result.sent('omar')).toContain('Bye');
    expect(result.entries((entry) => entry.kind === 'contact.changed' && entry.contact === 'dana' && entry.t > 0).map((entry) => entry.step)).toEqual(['mark']);
  });

  it('is cut short by the runaway guard when a document the validator never saw loops on it', () => {
    const looping = buildWorkflow({
      id: 'looping',
      name: 'Looping',
      whenStopped: { id: 'ws' },
      steps: [steps.wait('wait', '1d'), steps.comment('a', 'A'), steps.comment('b', 'B')],
      edges: ['trigger>wait', 'ws>a', 'a>b', 'b>a'],
      settings: exitOn(['incoming_message']),
    });
    const script = harness(looping).at('+0').contactSays('Hi').at('+1h').contactSays('Stop').script();
    const simulation = new Simulation({ workflows: [looping], script }).runToEnd();
    const entries = [...traceEntries(simulation)];
    const path = entries.filter((entry) => entry.kind === 'step' && entry.t === ms('+1h'));
    expect(path).toHaveLength(MAX_STEPS_PER_INSTANT);
    expect(path.slice(0, 3).map((entry) => entry.step)).toEqual(['a', 'b', 'a']);
    const ended = entries.find((entry) => entry.kind === 'when_stopped.ended');
    expect(ended).toMatchObject({ step: 'b', reason: 'loop' });
    expect(entries.filter((entry) => entry.kind === 'comment.added')).toHaveLength(MAX_STEPS_PER_INSTANT);
  });

  it('writes each contact’s own comment text, one that names the contact or reads a field as much as a fixed one', () => {
    const noting = buildWorkflow({
      id: 'noting',
      name: 'Noting',
      whenStopped: { id: 'ws' },
      steps: [steps.wait('wait', '1d'), steps.comment('fixed', 'Stopped'), steps.comment('named', 'Stopped for {{contact.name}}'), steps.comment('field', 'Plan: {{contact.fields.plan}}')],
      edges: ['trigger>wait', 'ws>fixed', 'fixed>named', 'named>field'],
      settings: exitOn(['incoming_message']),
    });
    const result = harness(noting)
      .contact('dana', { fields: { plan: 'gold' } })
      .contact('omar', { fields: { plan: 'free' } })
      .as('dana').at('+0').contactSays('Hi').at('+1h').contactSays('Stop')
      .as('omar').at('+0').contactSays('Hi').at('+1h').contactSays('Stop')
      .run();
    const comments = result.entries({ kind: 'comment.added' });
    expect(comments.map((entry) => [entry.contact, entry.step, entry.text])).toEqual([
      ['dana', 'fixed', 'Stopped'],
      ['dana', 'named', 'Stopped for Dana'],
      ['dana', 'field', 'Plan: gold'],
      ['omar', 'fixed', 'Stopped'],
      ['omar', 'named', 'Stopped for Omar'],
      ['omar', 'field', 'Plan: free'],
    ]);
    // Each comment right after its step, then the end of the path.
    const danaRun = result.entry({ kind: 'when_stopped.started', contact: 'dana' }).run;
    const dana = result.entries((entry) => entry.run === danaRun && entry.t === ms('+1h') && entry.kind !== 'run.stopped' && entry.kind !== 'timer.cancelled');
    expect(dana.map((entry) => entry.kind)).toEqual(['when_stopped.started', 'step', 'comment.added', 'step', 'comment.added', 'step', 'comment.added', 'when_stopped.ended']);
  });
});
