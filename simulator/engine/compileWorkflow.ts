import type { WorkflowSettings } from '../schema/settings.ts';
import type { Step } from '../schema/step.ts';
import type { Trigger } from '../schema/trigger.ts';
import type { Workflow } from '../schema/workflow.ts';
import { parseDuration, parseTimeOfDay } from '../schema/duration.ts';
import { stopReasonSchema } from '../schema/settings.ts';
import type { Outcome } from './executeStep.ts';
import { exitVerdicts, type ExitVerdict, type Observation } from './exitRules.ts';
import { parseMessageTemplate, type MessageTemplate } from './messageTemplate.ts';

/** A node ready to execute: its step, its outputs resolved to node indexes, its text parsed. */
export interface CompiledNode {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  /** `null` for the trigger (node 0) and the When stopped entry. */
  readonly step: Step | null;
  readonly outputs: ReadonlyMap<string, number>;
  /** The node after the `next` output, or -1. */
  readonly next: number;
  readonly template: MessageTemplate | null;
  /** Jump to: the target node index. */
  readonly jumpTarget: number;
  /** Wait for a duration / Ask a question timeout, in ms; -1 when absent. */
  readonly durationMs: number;
  /** Wait until a time of day / Date & time branch bounds, in minutes of the day. */
  readonly minutes: number;
  readonly untilMinutes: number;
  /** The step's plan when it is the same every time (send, assign, tag…), kept after first use. */
  readonly memo: { outcome: Outcome | null };
}

export interface CompiledWorkflow {
  /** Its place among the simulation's compiled Workflows, every version of each (what runs and trace rows name). */
  readonly index: number;
  /** Which Workflow it is a version of: the place of its first version (what contacts' tables and triggers are kept by). */
  readonly slot: number;
  /** 0 for the version the simulation started with, then 1, 2… for each published. */
  readonly version: number;
  readonly id: string;
  readonly name: string;
  readonly trigger: Trigger;
  readonly settings: WorkflowSettings;
  /** Node 0 is the trigger; node i + 1 is `workflow.steps[i]`; the When stopped entry, if any, comes last. */
  readonly nodes: readonly CompiledNode[];
  /** The When stopped entry's node, or -1 when the Workflow has none. */
  readonly whenStopped: number;
  /** Re-entry after a stop, worked out once: see `reentryBlockedUntil`. */
  readonly reentry: CompiledReentry;
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** What each observation does to a run of this Workflow (the exit rules applied to its settings). */
  readonly exitVerdicts: Readonly<Record<Observation, ExitVerdict>>;
  /** How a paused run of it resumes, worked out once. */
  readonly resume: CompiledResume;
}

/** `pause.resume` as the engine reads it: after `afterMs` of silence, or when the conversation is closed. */
export interface CompiledResume {
  readonly on: 'silence' | 'conversation_closed' | 'none';
  readonly afterMs: number;
}

function compileResume(settings: WorkflowSettings): CompiledResume {
  const rule = settings.pause?.resume;
  if (rule === undefined) return { on: 'none', afterMs: -1 };
  return rule.on === 'silence' ? { on: 'silence', afterMs: parseDuration(rule.after) as number } : { on: 'conversation_closed', afterMs: -1 };
}

/** `afterStop` as the engine reads it: a rule, its wait in ms, and the stop reasons it covers as bits. */
export interface CompiledReentry {
  readonly rule: 'allow' | 'never' | 'after';
  readonly waitMs: number;
  /** Bit r is set when the rule applies to stop reason code r (`stopReasonSchema`'s order). */
  readonly reasonMask: number;
}

const EVERY_REASON = (1 << stopReasonSchema.options.length) - 1;

function compileReentry(settings: WorkflowSettings): CompiledReentry {
  const rule = settings.afterStop;
  if (rule === undefined || rule.reentry === 'allow') return { rule: 'allow', waitMs: 0, reasonMask: 0 };
  const reasonMask =
    rule.reasons === undefined ? EVERY_REASON : rule.reasons.reduce((mask, reason) => mask | (1 << stopReasonSchema.options.indexOf(reason)), 0);
  return { rule: rule.reentry, waitMs: rule.wait === undefined ? 0 : (parseDuration(rule.wait) as number), reasonMask };
}

/** Resolves a valid Workflow's ids and texts once, so the engine works with indexes. */
export function compileWorkflow(workflow: Workflow, index: number, slot = index, version = 0): CompiledWorkflow {
  const nodeIndex = new Map<string, number>([[workflow.trigger.id, 0]]);
  workflow.steps.forEach((step, i) => nodeIndex.set(step.id, i + 1));
  const whenStopped = workflow.whenStopped === undefined ? -1 : workflow.steps.length + 1;
  if (workflow.whenStopped !== undefined) nodeIndex.set(workflow.whenStopped.id, whenStopped);
  const outputs: Map<string, number>[] = [new Map(), ...workflow.steps.map(() => new Map<string, number>()), new Map()];
  for (const edge of workflow.edges) {
    const from = nodeIndex.get(edge.source);
    const to = nodeIndex.get(edge.target);
    if (from !== undefined && to !== undefined) outputs[from]?.set(edge.sourceHandle, to);
  }
  const nodes: CompiledNode[] = [
    compileNode(0, workflow.trigger.id, workflow.trigger.label || 'Trigger', null, outputs[0] as Map<string, number>, nodeIndex),
    ...workflow.steps.map((step, i) =>
      compileNode(i + 1, step.id, step.label || step.id, step, outputs[i + 1] as Map<string, number>, nodeIndex),
    ),
  ];
  if (workflow.whenStopped !== undefined) {
    const entry = workflow.whenStopped;
    nodes.push(compileNode(whenStopped, entry.id, entry.label || 'When stopped', null, outputs[whenStopped] as Map<string, number>, nodeIndex));
  }
  return {
    index,
    slot,
    version,
    id: workflow.id,
    name: workflow.name,
    trigger: workflow.trigger,
    settings: workflow.settings,
    nodes,
    nodeIndex,
    whenStopped,
    reentry: compileReentry(workflow.settings),
    exitVerdicts: exitVerdicts(workflow.settings),
    resume: compileResume(workflow.settings),
  };
}

function compileNode(
  index: number,
  id: string,
  label: string,
  step: Step | null,
  outputs: Map<string, number>,
  nodeIndex: ReadonlyMap<string, number>,
): CompiledNode {
  let template: MessageTemplate | null = null;
  let durationMs = -1;
  let minutes = -1;
  let untilMinutes = -1;
  let jumpTarget = -1;
  switch (step?.type) {
    case 'send_message':
    case 'add_comment':
      template = parseMessageTemplate(step.text);
      break;
    case 'ask_question':
      template = parseMessageTemplate(step.text);
      durationMs = step.timeout === undefined ? -1 : (parseDuration(step.timeout) as number);
      break;
    case 'wait':
      if (step.delay.kind === 'duration') durationMs = parseDuration(step.delay.duration) as number;
      else minutes = parseTimeOfDay(step.delay.time);
      break;
    case 'datetime_branch':
      minutes = parseTimeOfDay(step.from);
      untilMinutes = parseTimeOfDay(step.to);
      break;
    case 'jump_to':
      jumpTarget = nodeIndex.get(step.target) ?? -1;
      break;
    case 'branch':
    case 'assign':
    case 'update_field':
    case 'update_tag':
    case 'open_conversation':
    case 'close_conversation':
    case 'trigger_workflow':
    case 'end':
    case 'stop_reason_branch':
    case undefined:
      break;
    default: {
      // Every kind is named above, so a new kind does not compile until it says what it resolves.
      const unhandled: never = step;
      throw new TypeError(`No step kind ${JSON.stringify(unhandled)}`);
    }
  }
  return {
    index,
    id,
    label,
    step,
    outputs,
    next: outputs.get('next') ?? -1,
    template,
    jumpTarget,
    durationMs,
    minutes,
    untilMinutes,
    memo: { outcome: null },
  };
}
