import type { z } from 'zod';
import type { ExitCondition, workflowSettingsSchema } from '../../simulator/schema/settings.ts';
import type { stepSchema } from '../../simulator/schema/step.ts';
import type { branchPathSchema } from '../../simulator/schema/steps/branch.ts';
import type { triggerSchema } from '../../simulator/schema/trigger.ts';
import { WORKFLOW_FORMAT, workflowSchema, type Workflow } from '../../simulator/schema/workflow.ts';

/**
 * Builders of small, valid Workflows for engine tests and stories. Every fixture goes through the
 * real `workflowSchema`, so it is a document a user could have saved.
 */

export type StepInput = z.input<typeof stepSchema>;
export type TriggerInput = z.input<typeof triggerSchema>;
export type SettingsInput = z.input<typeof workflowSettingsSchema>;
export type BranchPathInput = z.input<typeof branchPathSchema>;

export interface WorkflowSpec {
  readonly id?: string;
  readonly name?: string;
  readonly trigger?: TriggerInput;
  /** The When stopped entry; edges leave it by its id. */
  readonly whenStopped?: { readonly id: string; readonly label?: string };
  readonly steps: readonly StepInput[];
  /** `source>target` or `source:handle>target`; the trigger's id is `trigger` unless `trigger` says otherwise. */
  readonly edges: readonly string[];
  readonly settings?: SettingsInput;
}

/** Builds a Workflow from a compact spec, through the real schema. */
export function buildWorkflow(spec: WorkflowSpec): Workflow {
  const edges = spec.edges.map((text, i) => {
    const [from = '', target = ''] = text.split('>');
    const [source = '', sourceHandle] = from.split(':');
    return { id: `e${i}`, source, target, ...(sourceHandle === undefined ? {} : { sourceHandle }) };
  });
  return workflowSchema.parse({
    format: WORKFLOW_FORMAT,
    id: spec.id ?? 'wf',
    name: spec.name ?? 'Test Workflow',
    trigger: spec.trigger ?? { id: 'trigger', type: 'incoming_message' },
    ...(spec.whenStopped === undefined ? {} : { whenStopped: spec.whenStopped }),
    steps: spec.steps,
    edges,
    ...(spec.settings === undefined ? {} : { settings: spec.settings }),
  });
}

/** The same Workflow with other stop settings (re-parsed, so defaults apply). */
export function withSettings(workflow: Workflow, settings: SettingsInput): Workflow {
  return workflowSchema.parse({ ...workflow, settings });
}

// ── settings ─────────────────────────────────────────────────────────────────────────────────

/** Exit conditions on, with these conditions selected; manual stop as given (default off). */
export function exitOn(conditions: readonly ExitCondition[], manualStop = false): SettingsInput {
  return { manualStop, exitConditions: { enabled: true, on: [...conditions] } };
}

/**
 * Exit conditions on: `pause` pause the run, `stop` stop it; a paused run resumes by `resume`
 * (default: after 2h with no message from the team). Manual stop as given (default on).
 */
export function pauseOn(
  pause: readonly ExitCondition[],
  options: { readonly stop?: readonly ExitCondition[]; readonly resume?: NonNullable<SettingsInput['pause']>['resume'] | null; readonly manualStop?: boolean } = {},
): SettingsInput {
  const on = [...pause, ...(options.stop ?? [])];
  const actions = Object.fromEntries(on.map((condition) => [condition, pause.includes(condition) ? 'pause' : 'stop']));
  const resume = options.resume === undefined ? { on: 'silence' as const, after: '2h' } : options.resume;
  return { manualStop: options.manualStop ?? true, exitConditions: { enabled: true, on, actions }, ...(resume === null ? {} : { pause: { resume } }) };
}

/** Every exit condition selected. */
export const ALL_EXITS: readonly ExitCondition[] = ['outgoing_message', 'incoming_message', 'manual_assignment'];

/** Exit conditions off; manual stop as given (default off). */
export function noExits(manualStop = false): SettingsInput {
  return { manualStop, exitConditions: { enabled: false, on: [] } };
}

// ── steps ────────────────────────────────────────────────────────────────────────────────────

export const steps = {
  send: (id: string, text: string, label = id): StepInput => ({ id, type: 'send_message', label, text }),
  ask: (id: string, text: string, field: string, timeout?: string, label = id): StepInput => ({
    id,
    type: 'ask_question',
    label,
    text,
    field,
    ...(timeout === undefined ? {} : { timeout }),
  }),
  wait: (id: string, duration: string, label = id): StepInput => ({ id, type: 'wait', label, delay: { kind: 'duration', duration } }),
  waitUntil: (id: string, time: string, label = id): StepInput => ({ id, type: 'wait', label, delay: { kind: 'time_of_day', time } }),
  branch: (id: string, paths: BranchPathInput[], label = id): StepInput => ({ id, type: 'branch', label, paths }),
  hours: (id: string, days: number[], from: string, to: string, label = id): StepInput => ({
    id,
    type: 'datetime_branch',
    label,
    days,
    from,
    to,
  }),
  assign: (id: string, kind: 'user' | 'team', assignee: string, label = id): StepInput => ({
    id,
    type: 'assign',
    label,
    assignee: { kind, id: assignee },
  }),
  setField: (id: string, field: string, value: string, label = id): StepInput => ({ id, type: 'update_field', label, field, value }),
  tag: (id: string, action: 'add' | 'remove', tag: string, label = id): StepInput => ({ id, type: 'update_tag', label, action, tag }),
  comment: (id: string, text: string, label = id): StepInput => ({ id, type: 'add_comment', label, text }),
  openConversation: (id: string, label = id): StepInput => ({ id, type: 'open_conversation', label }),
  closeConversation: (id: string, label = id): StepInput => ({ id, type: 'close_conversation', label }),
  startWorkflow: (id: string, workflow: string, label = id): StepInput => ({ id, type: 'trigger_workflow', label, workflow }),
  jump: (id: string, target: string, label = id): StepInput => ({ id, type: 'jump_to', label, target }),
  end: (id = 'end', label = 'End'): StepInput => ({ id, type: 'end', label }),
  stopReasonBranch: (id = 'why', label = 'Why stopped?'): StepInput => ({ id, type: 'stop_reason_branch', label }),
};

// ── fixtures ─────────────────────────────────────────────────────────────────────────────────

export interface FollowUpOptions {
  readonly id?: string;
  readonly name?: string;
  readonly trigger?: TriggerInput;
  readonly greeting?: string;
  readonly followUp?: string;
}

/** The follow-up texts of `followUpWorkflow`, for assertions. */
export const FOLLOW_UP = { greeting: 'Thanks for writing, {{contact.name}}!', followUp: 'Still interested?' } as const;

/**
 * "Follow-up": incoming message → send a greeting ("Greeting") → wait 24h ("Wait 24h") →
 * send "Still interested?" ("Follow-up") → end. Step ids: greet, wait-24h, follow-up, end.
 */
export function followUpWorkflow(settings: SettingsInput = noExits(), options: FollowUpOptions = {}): Workflow {
  return buildWorkflow({
    id: options.id ?? 'follow-up',
    name: options.name ?? 'Follow-up',
    trigger: options.trigger ?? { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
    steps: [
      steps.send('greet', options.greeting ?? FOLLOW_UP.greeting, 'Greeting'),
      steps.wait('wait-24h', '24h', 'Wait 24h'),
      steps.send('follow-up', options.followUp ?? FOLLOW_UP.followUp, 'Follow-up'),
      steps.end(),
    ],
    edges: ['trigger>greet', 'greet>wait-24h', 'wait-24h>follow-up', 'follow-up>end'],
    settings,
  });
}

export interface QuestionOptions {
  /** The Ask step's timeout; `null` for none. Default `1h`. */
  readonly timeout?: string | null;
  /** The field the answer is stored in. Default `need`. */
  readonly field?: string;
  readonly trigger?: TriggerInput;
}

/**
 * "Qualify lead": incoming message → ask "What do you need?" (field `need`, timeout 1h) →
 * answered: "Got it: {{contact.fields.need}}" / timeout: "No rush — reply any time." →
 * wait 24h → "Still interested in {{contact.fields.need}}?" → end.
 * Step ids: ask, got-it, no-rush, wait-24h, nudge, end.
 */
export function questionWorkflow(settings: SettingsInput = noExits(), options: QuestionOptions = {}): Workflow {
  const timeout = options.timeout === undefined ? '1h' : (options.timeout ?? undefined);
  const field = options.field ?? 'need';
  return buildWorkflow({
    id: 'question',
    name: 'Qualify lead',
    trigger: options.trigger ?? { id: 'trigger', type: 'incoming_message' },
    steps: [
      steps.ask('ask', 'What do you need?', field, timeout, 'Ask need'),
      steps.send('got-it', `Got it: {{contact.fields.${field || 'ask'}}}`, 'Got it'),
      ...(timeout === undefined ? [] : [steps.send('no-rush', 'No rush — reply any time.', 'No rush')]),
      steps.wait('wait-24h', '24h', 'Wait 24h'),
      steps.send('nudge', `Still interested in {{contact.fields.${field || 'ask'}}}?`, 'Nudge'),
      steps.end(),
    ],
    edges: [
      'trigger>ask',
      'ask:answered>got-it',
      ...(timeout === undefined ? [] : ['ask:timeout>no-rush', 'no-rush>wait-24h']),
      'got-it>wait-24h',
      'wait-24h>nudge',
      'nudge>end',
    ],
    settings,
  });
}

/**
 * "Reminder loop": incoming message → "Reminder" → wait 1h → has tag `done`? → end, else jump
 * back to the reminder. Step ids: remind, wait-1h, check, again, end.
 */
export function loopWorkflow(settings: SettingsInput = noExits()): Workflow {
  return buildWorkflow({
    id: 'loop',
    name: 'Reminder loop',
    steps: [
      steps.send('remind', 'Reminder', 'Remind'),
      steps.wait('wait-1h', '1h', 'Wait 1h'),
      steps.branch('check', [{ id: 'done', label: 'Done', conditions: [{ subject: 'tag', operator: 'has', tag: 'done' }] }], 'Done?'),
      steps.jump('again', 'remind', 'Again'),
      steps.end(),
    ],
    edges: ['trigger>remind', 'remind>wait-1h', 'wait-1h>check', 'check:done>end', 'check:else>again'],
    settings,
  });
}

/**
 * "Every second": Wait 1s → "Tick" → jump back to the Wait. Valid (the loop waits), but it never
 * ends: a year of it is ~190 million trace entries, what the work caps are for (issue 13).
 * Step ids: pause, tick, again.
 */
export function everySecondWorkflow(settings: SettingsInput = noExits()): Workflow {
  return buildWorkflow({
    id: 'tick',
    name: 'Every second',
    steps: [steps.wait('pause', '1s', 'Pause'), steps.send('tick', 'Tick', 'Tick'), steps.jump('again', 'pause', 'Again')],
    edges: ['trigger>pause', 'pause>tick', 'tick>again'],
    settings,
  });
}

/**
 * "Runaway": a loop whose only pause is a Wait of "0s" — valid for the validator, but it never
 * lets virtual time advance. Step ids: tick, pause, again.
 */
export function runawayLoopWorkflow(settings: SettingsInput = noExits()): Workflow {
  return buildWorkflow({
    id: 'runaway',
    name: 'Runaway',
    steps: [steps.send('tick', 'Tick', 'Tick'), steps.wait('pause', '0s', 'Pause 0s'), steps.jump('again', 'tick', 'Again')],
    edges: ['trigger>tick', 'tick>pause', 'pause>again'],
    settings,
  });
}

/**
 * Two Workflows: "Parent" (incoming message → "Hello from parent" → start "Child" → wait 24h →
 * "Parent follow-up" → end) and "Child" (started by another Workflow → "Hello from child" →
 * wait 24h → "Child follow-up" → end).
 */
export function chainWorkflows(
  parentSettings: SettingsInput = noExits(),
  childSettings: SettingsInput = noExits(),
): [parent: Workflow, child: Workflow] {
  const parent = buildWorkflow({
    id: 'parent',
    name: 'Parent',
    steps: [
      steps.send('hello', 'Hello from parent'),
      steps.startWorkflow('start-child', 'Child', 'Start Child'),
      steps.wait('wait-24h', '24h', 'Wait 24h'),
      steps.send('bye', 'Parent follow-up'),
      steps.end(),
    ],
    edges: ['trigger>hello', 'hello>start-child', 'start-child>wait-24h', 'wait-24h>bye', 'bye>end'],
    settings: parentSettings,
  });
  const child = buildWorkflow({
    id: 'child',
    name: 'Child',
    trigger: { id: 'trigger', type: 'workflow_started' },
    steps: [
      steps.send('child-hello', 'Hello from child'),
      steps.wait('child-wait', '24h', 'Child wait 24h'),
      steps.send('child-bye', 'Child follow-up'),
      steps.end(),
    ],
    edges: ['trigger>child-hello', 'child-hello>child-wait', 'child-wait>child-bye', 'child-bye>end'],
    settings: childSettings,
  });
  return [parent, child];
}

/** "Tag <tag> <action>": tag added/removed → "Tag <tag> <action>" → end. */
export function tagTriggerWorkflow(tag: string, action: 'added' | 'removed', settings: SettingsInput = noExits()): Workflow {
  return buildWorkflow({
    id: `tag-${action}-${tag}`,
    name: `Tag ${tag} ${action}`,
    trigger: { id: 'trigger', type: 'tag_updated', tag, action },
    steps: [steps.send('say', `Tag ${tag} ${action}`), steps.end()],
    edges: ['trigger>say', 'say>end'],
    settings,
  });
}

/** "Field <field> updated": field updated → "<field> is now {{contact.fields.<field>}}" → end. */
export function fieldTriggerWorkflow(field: string, settings: SettingsInput = noExits()): Workflow {
  return buildWorkflow({
    id: `field-${field}`,
    name: `Field ${field} updated`,
    trigger: { id: 'trigger', type: 'field_updated', field },
    steps: [steps.send('say', `${field} is now {{contact.fields.${field}}}`), steps.end()],
    edges: ['trigger>say', 'say>end'],
    settings,
  });
}

/** "Shortcut": started by an agent → "Shortcut started" → wait 24h → "Shortcut follow-up" → end. */
export function shortcutWorkflow(settings: SettingsInput = noExits(), options: { oncePerContact?: boolean } = {}): Workflow {
  return buildWorkflow({
    id: 'shortcut',
    name: 'Shortcut',
    trigger: { id: 'trigger', type: 'shortcut', oncePerContact: options.oncePerContact ?? false },
    steps: [
      steps.send('say', 'Shortcut started'),
      steps.wait('wait-24h', '24h', 'Wait 24h'),
      steps.send('later', 'Shortcut follow-up'),
      steps.end(),
    ],
    edges: ['trigger>say', 'say>wait-24h', 'wait-24h>later', 'later>end'],
    settings,
  });
}

/** "Conversation opened" / "Conversation closed": the trigger → "<kind>" → end. */
export function conversationWorkflow(kind: 'conversation_opened' | 'conversation_closed', settings: SettingsInput = noExits()): Workflow {
  return buildWorkflow({
    id: kind.replace('_', '-'),
    name: kind === 'conversation_opened' ? 'Conversation opened' : 'Conversation closed',
    trigger: { id: 'trigger', type: kind },
    steps: [steps.send('say', kind), steps.end()],
    edges: ['trigger>say', 'say>end'],
    settings,
  });
}

/** "Routing": incoming message → assign to team `sales` → wait 2h → "Routed to sales" → end. */
export function routingWorkflow(settings: SettingsInput = noExits()): Workflow {
  return buildWorkflow({
    id: 'routing',
    name: 'Routing',
    steps: [
      steps.assign('to-sales', 'team', 'sales', 'Assign to Sales'),
      steps.wait('wait-2h', '2h', 'Wait 2h'),
      steps.send('routed', 'Routed to sales'),
      steps.end(),
    ],
    edges: ['trigger>to-sales', 'to-sales>wait-2h', 'wait-2h>routed', 'routed>end'],
    settings,
  });
}

/** The texts of `nurtureWorkflow`'s When stopped path, for assertions. */
export const NURTURE = { note: 'Stopped by hand', bye: 'A person from our team will take it from here.' } as const;

/**
 * "Nurture" with a When stopped path: the follow-up Workflow's steps (greet, wait-24h,
 * follow-up, end; trigger: incoming message), and from the entry `when-stopped`: Stop reason
 * branch `why` → manual: comment "Stopped by hand" (`note`) → else and after it: remove tag
 * `nurture` (`untag`) → add tag `handed-over` (`handed-over`) → send the good-bye (`bye`) → assign
 * to team sales (`to-sales`).
 */
export function nurtureWorkflow(settings: SettingsInput = noExits(true), options: { readonly id?: string; readonly name?: string; readonly trigger?: TriggerInput } = {}): Workflow {
  return buildWorkflow({
    id: options.id ?? 'nurture',
    name: options.name ?? 'Nurture',
    trigger: options.trigger ?? { id: 'trigger', type: 'incoming_message', label: 'Contact writes in' },
    whenStopped: { id: 'when-stopped', label: 'When stopped' },
    steps: [
      steps.send('greet', FOLLOW_UP.greeting, 'Greeting'),
      steps.wait('wait-24h', '24h', 'Wait 24h'),
      steps.send('follow-up', FOLLOW_UP.followUp, 'Follow-up'),
      steps.end(),
      steps.stopReasonBranch('why', 'Why stopped?'),
      steps.comment('note', NURTURE.note, 'Note'),
      steps.tag('untag', 'remove', 'nurture', 'Remove nurture'),
      steps.tag('handed-over', 'add', 'handed-over', 'Tag handed-over'),
      steps.send('bye', NURTURE.bye, 'Good-bye'),
      steps.assign('to-sales', 'team', 'sales', 'Assign to sales'),
    ],
    edges: [
      'trigger>greet',
      'greet>wait-24h',
      'wait-24h>follow-up',
      'follow-up>end',
      'when-stopped>why',
      'why:manual>note',
      'why:else>untag',
      'note>untag',
      'untag>handed-over',
      'handed-over>bye',
      'bye>to-sales',
    ],
    settings,
  });
}
