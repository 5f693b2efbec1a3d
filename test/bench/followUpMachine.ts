import { assign, setup } from 'xstate';
import { parseDuration } from '../../simulator/schema/duration.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import type { SteppedClock } from './steppedClock.ts';

/** A trace-like record, one object per entry, as an XState app would log from its actions. */
export interface TraceRecord {
  readonly t: number;
  readonly kind: string;
  readonly contact: number;
  readonly run: number;
  readonly step: string | null;
  readonly text: string | null;
  readonly reason: string | null;
}

/** How one run ended (or stood at the horizon), in the terms of the engine's `RunState`. */
export interface RunOutcome {
  readonly status: 'active' | 'completed' | 'stopped';
  readonly reason: string | null;
  readonly atStep: string;
  readonly endedAt: number | null;
}

/** Shared by every contact's actor: the trace and the run counter. */
export interface Recorder {
  trace: TraceRecord[];
  nextRun: number;
}

/** One contact's actor input. */
export interface ContactEnv {
  readonly contact: number;
  readonly name: string;
  readonly clock: SteppedClock;
  readonly recorder: Recorder;
  readonly outcomes: RunOutcome[];
}

export type ContactEvent =
  | { readonly type: 'contact.message'; readonly text: string }
  | { readonly type: 'agent.message'; readonly user: string; readonly text: string }
  | { readonly type: 'assign'; readonly user?: string; readonly to: string };

interface Context {
  readonly env: ContactEnv;
  readonly open: boolean;
  readonly assignee: string | null;
  readonly run: number;
}

type StopReason = 'incoming_message' | 'outgoing_message' | 'manual_assignment';

/**
 * The follow-up Workflow as an XState v5 machine, one actor per contact:
 * idle → waiting24h (after the Wait → followUpSent → done); a contact message, an agent message or
 * an assignment by a user while waiting stops the run (its exit conditions); from done or
 * stopped, a later contact message starts a new run, except the message that stopped one
 * (rule 5 of a stop). Actions log the same entries the engine's trace records, in the same order
 * (a run's own Workflow messages are not shown to its exit rules, so they log no `exit.ignored`).
 */
export function createFollowUpMachine(workflow: Workflow) {
  const step = (type: string) => {
    const found = workflow.steps.find((s) => s.type === type);
    if (!found) throw new Error(`follow-up Workflow has no ${type} step`);
    return found;
  };
  const ack = step('send_message');
  const wait = step('wait');
  const checkIn = workflow.steps.filter((s) => s.type === 'send_message')[1];
  const end = step('end');
  if (ack.type !== 'send_message' || wait.type !== 'wait' || wait.delay.kind !== 'duration' || checkIn?.type !== 'send_message')
    throw new Error('not the follow-up Workflow');
  const delayMs = parseDuration(wait.delay.duration) as number;
  const [ackBefore, ackAfter] = ack.text.split('{{contact.name}}') as [string, string | undefined];
  const on = workflow.settings.exitConditions.enabled ? new Set<string>(workflow.settings.exitConditions.on) : new Set<string>();

  const record = (env: ContactEnv, kind: string, run: number, stepId: string | null, text: string | null, reason: string | null) => {
    env.recorder.trace.push({ t: env.clock.now(), kind, contact: env.contact, run, step: stepId, text, reason });
  };
  const eventText = (event: ContactEvent) => (event.type === 'assign' ? event.to : event.text);

  return setup({
    types: {} as { context: Context; events: ContactEvent; input: ContactEnv },
    guards: {
      stops: ({ event }, params: { reason: StopReason }) =>
        on.has(params.reason) && (event.type !== 'assign' || event.user !== undefined),
    },
    actions: {
      recordEvent: ({ context, event }) => record(context.env, 'event', -1, null, eventText(event), event.type),
      openConversation: assign(({ context }) => {
        if (context.open) return {};
        record(context.env, 'contact.changed', -1, null, null, 'conversation_opened');
        return { open: true };
      }),
      setAssignee: assign(({ event }) => ({ assignee: event.type === 'assign' ? event.to : null })),
      startRun: assign(({ context }) => {
        const env = context.env;
        const run = env.recorder.nextRun++;
        record(env, 'run.started', run, workflow.trigger.id, null, null);
        record(env, 'step', run, ack.id, null, null);
        record(env, 'message.sent', run, ack.id, ackAfter === undefined ? ackBefore : ackBefore + env.name + ackAfter, null);
        record(env, 'step', run, wait.id, null, null);
        record(env, 'timer.set', run, wait.id, null, null);
        return { run };
      }),
      sendFollowUp: ({ context }) => {
        const { env, run } = context;
        record(env, 'timer.fired', run, wait.id, null, null);
        record(env, 'step', run, checkIn.id, null, null);
        record(env, 'message.sent', run, checkIn.id, checkIn.text, null);
      },
      complete: ({ context }) => {
        const { env, run } = context;
        record(env, 'step', run, end.id, null, null);
        record(env, 'run.completed', run, end.id, null, null);
        env.outcomes.push({ status: 'completed', reason: null, atStep: end.id, endedAt: env.clock.now() });
      },
      stopRun: ({ context }, params: { reason: StopReason }) => {
        const { env, run } = context;
        record(env, 'run.stopped', run, wait.id, null, params.reason);
        record(env, 'timer.cancelled', run, wait.id, null, null);
        env.outcomes.push({ status: 'stopped', reason: params.reason, atStep: wait.id, endedAt: env.clock.now() });
      },
      ignoreTrigger: ({ context }) => record(context.env, 'trigger.ignored', -1, workflow.trigger.id, null, 'stopped_by_this_event'),
      ignoreRuleAssignment: ({ context }) => {
        if (on.has('manual_assignment')) record(context.env, 'exit.ignored', context.run, wait.id, null, 'assigned_by_rule');
      },
    },
  }).createMachine({
    id: 'followUp',
    context: ({ input }) => ({ env: input, open: false, assignee: null, run: -1 }),
    initial: 'idle',
    states: {
      idle: {
        on: {
          'contact.message': { target: 'waiting24h', actions: ['recordEvent', 'openConversation'] },
          'agent.message': { actions: 'recordEvent' },
          assign: { actions: ['recordEvent', 'setAssignee'] },
        },
      },
      waiting24h: {
        entry: 'startRun',
        after: { [delayMs]: 'followUpSent' },
        on: {
          'contact.message': [
            {
              guard: { type: 'stops', params: { reason: 'incoming_message' } },
              target: 'stopped',
              actions: ['recordEvent', 'openConversation', { type: 'stopRun', params: { reason: 'incoming_message' } }, 'ignoreTrigger'],
            },
            { actions: ['recordEvent', 'openConversation'] },
          ],
          'agent.message': [
            {
              guard: { type: 'stops', params: { reason: 'outgoing_message' } },
              target: 'stopped',
              actions: ['recordEvent', { type: 'stopRun', params: { reason: 'outgoing_message' } }],
            },
            { actions: 'recordEvent' },
          ],
          assign: [
            {
              guard: { type: 'stops', params: { reason: 'manual_assignment' } },
              target: 'stopped',
              actions: ['recordEvent', 'setAssignee', { type: 'stopRun', params: { reason: 'manual_assignment' } }],
            },
            { actions: ['recordEvent', 'setAssignee', 'ignoreRuleAssignment'] },
          ],
        },
      },
      followUpSent: { entry: 'sendFollowUp', always: 'done' },
      done: {
        entry: 'complete',
        on: {
          'contact.message': { target: 'waiting24h', actions: ['recordEvent', 'openConversation'] },
          'agent.message': { actions: 'recordEvent' },
          assign: { actions: ['recordEvent', 'setAssignee'] },
        },
      },
      stopped: {
        on: {
          'contact.message': { target: 'waiting24h', actions: ['recordEvent', 'openConversation'] },
          'agent.message': { actions: 'recordEvent' },
          assign: { actions: ['recordEvent', 'setAssignee'] },
        },
      },
    },
  });
}
