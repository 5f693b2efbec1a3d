import { stopReasonSchema, type StopReason } from '../schema/settings.ts';
import type { Step } from '../schema/step.ts';
import type { CompiledNode } from './compileWorkflow.ts';
import type { ContactView } from './contactView.ts';
import { choosePath } from './branchConditions.ts';
import type { MessageTemplate } from './messageTemplate.ts';
import { nextTimeOfDay, wallClock } from './zonedTime.ts';

/** What a step changes outside the run; the interpreter carries it out. */
export type Effect =
  /** Send the step's message; the interpreter renders it for the contact when it records it. */
  | { readonly kind: 'send'; readonly message: MessageTemplate }
  | { readonly kind: 'assign'; readonly to: string }
  | { readonly kind: 'set_field'; readonly field: string; readonly value: string }
  | { readonly kind: 'tag'; readonly add: boolean; readonly tag: string }
  | { readonly kind: 'comment'; readonly message: MessageTemplate }
  | { readonly kind: 'conversation'; readonly open: boolean }
  | { readonly kind: 'start_workflow'; readonly workflow: string };

/** Where the run goes after a step. */
export type Flow =
  | { readonly kind: 'next'; readonly handle: string }
  | { readonly kind: 'jump'; readonly target: number }
  /** Suspend until a timer at `until` (ms since start). */
  | { readonly kind: 'wait'; readonly until: number }
  /** Suspend until the contact replies, or until `timeoutAt` when it is not -1. */
  | { readonly kind: 'ask'; readonly timeoutAt: number }
  | { readonly kind: 'end' };

/** A step's plan: at most one effect, then where to go. */
export interface Outcome {
  readonly effect: Effect | null;
  readonly flow: Flow;
}

export interface StepContext {
  /** Virtual time, ms since the script's start. */
  readonly now: number;
  /** The script's start as epoch ms, for wall-clock steps. */
  readonly startEpochMs: number;
  readonly timeZone: string;
  readonly contact: ContactView;
  /** Why the run stopped, while its When stopped path runs (the Stop reason branch reads it); null elsewhere. */
  readonly stopReason: StopReason | null;
}

const NEXT: Flow = { kind: 'next', handle: 'next' };
const END: Outcome = { effect: null, flow: { kind: 'end' } };
const PASS: Outcome = { effect: null, flow: NEXT };
const MATCH: Outcome = { effect: null, flow: { kind: 'next', handle: 'match' } };
const ELSE: Outcome = { effect: null, flow: { kind: 'next', handle: 'else' } };

/**
 * Executes one step: a pure function from the step and what it may read to a plan. It never
 * changes state, sleeps or sends; a Wait answers "schedule a timer at t". A plan that does not
 * depend on time or the contact is built once per step and reused (`node.memo`), so the
 * simulation's hot loop allocates only for Waits, questions and branches.
 */
export function executeStep(node: CompiledNode, ctx: StepContext): Outcome {
  const step = node.step;
  if (step === null) return PASS;
  // Every kind is named (no default), so a new kind does not compile until it has a plan.
  switch (step.type) {
    case 'ask_question':
      return {
        effect: (node.memo.outcome ??= { effect: { kind: 'send', message: messageOf(node) }, flow: NEXT }).effect,
        flow: { kind: 'ask', timeoutAt: node.durationMs < 0 ? -1 : ctx.now + node.durationMs },
      };
    case 'wait':
      return { effect: null, flow: { kind: 'wait', until: waitUntil(node, ctx) } };
    case 'branch':
      return { effect: null, flow: { kind: 'next', handle: choosePath(step, ctx.contact) } };
    case 'datetime_branch':
      return inWindow(node, step.days, ctx) ? MATCH : ELSE;
    case 'stop_reason_branch':
      return byStopReason(node, ctx.stopReason);
    case 'send_message':
    case 'assign':
    case 'update_field':
    case 'update_tag':
    case 'add_comment':
    case 'open_conversation':
    case 'close_conversation':
    case 'trigger_workflow':
    case 'jump_to':
    case 'end':
      return (node.memo.outcome ??= constantPlan(node, step));
  }
}

/**
 * The plan of a step when it can be known before the run gets there: a step that reads neither
 * the clock nor the contact, and the Stop reason branch once the stop's reason is known; null for
 * the steps whose plan depends on when and for whom they run. The When stopped path is worked out
 * with it once per stop reason, so a stop does not interpret the path step by step.
 */
export function plannedOutcome(node: CompiledNode, stopReason: StopReason | null): Outcome | null {
  const step = node.step;
  if (step === null) return PASS;
  switch (step.type) {
    case 'ask_question':
    case 'wait':
    case 'branch':
    case 'datetime_branch':
      return null;
    case 'stop_reason_branch':
      return byStopReason(node, stopReason);
    default:
      return (node.memo.outcome ??= constantPlan(node, step));
  }
}

/** The steps whose plan never changes: it does not read the clock or the contact. */
type ConstantStep = Exclude<Step, { type: 'ask_question' | 'wait' | 'branch' | 'datetime_branch' | 'stop_reason_branch' }>;

/** The plan of a step whose plan never changes. */
function constantPlan(node: CompiledNode, step: ConstantStep): Outcome {
  switch (step.type) {
    case 'send_message':
      return { effect: { kind: 'send', message: messageOf(node) }, flow: NEXT };
    case 'assign':
      return { effect: { kind: 'assign', to: step.assignee.id }, flow: NEXT };
    case 'update_field':
      return { effect: { kind: 'set_field', field: step.field, value: step.value }, flow: NEXT };
    case 'update_tag':
      return { effect: { kind: 'tag', add: step.action === 'add', tag: step.tag }, flow: NEXT };
    case 'add_comment':
      return { effect: { kind: 'comment', message: messageOf(node) }, flow: NEXT };
    case 'open_conversation':
      return { effect: { kind: 'conversation', open: true }, flow: NEXT };
    case 'close_conversation':
      return { effect: { kind: 'conversation', open: false }, flow: NEXT };
    case 'trigger_workflow':
      return { effect: { kind: 'start_workflow', workflow: step.workflow }, flow: NEXT };
    case 'jump_to':
      return { effect: null, flow: { kind: 'jump', target: node.jumpTarget } };
    case 'end':
      return END;
  }
}

/** The plan of going on at each stop reason's output, built once. */
const BY_REASON = Object.fromEntries(stopReasonSchema.options.map((reason) => [reason, { effect: null, flow: { kind: 'next', handle: reason } }])) as Record<StopReason, Outcome>;

/** The output of the stop's reason when it has an edge, else Else (the path ends there without one). */
function byStopReason(node: CompiledNode, reason: StopReason | null): Outcome {
  return reason !== null && node.outputs.has(reason) ? BY_REASON[reason] : ELSE;
}

const EMPTY: MessageTemplate = { text: '', parts: null, readsFields: false };

function messageOf(node: CompiledNode): MessageTemplate {
  return node.template ?? EMPTY;
}

function waitUntil(node: CompiledNode, ctx: StepContext): number {
  if (node.durationMs >= 0) return ctx.now + node.durationMs;
  return nextTimeOfDay(ctx.startEpochMs + ctx.now, node.minutes, ctx.timeZone) - ctx.startEpochMs;
}

/** Inside [from, to) on one of the days; a window whose end is before its start runs overnight. */
function inWindow(node: CompiledNode, days: readonly number[], ctx: StepContext): boolean {
  const { weekday, minutes } = wallClock(ctx.startEpochMs + ctx.now, ctx.timeZone);
  if (!days.includes(weekday)) return false;
  const from = node.minutes;
  const to = node.untilMinutes;
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
