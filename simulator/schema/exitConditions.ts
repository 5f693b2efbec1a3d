import type { z } from 'zod';
import { exitConditionSchema, type ExitCondition, type StopReason } from './settings.ts';

/**
 * A setting an exit condition may take ("a tag is added: which tag"). None of the three
 * takes one; the slot is here so a condition that does is one more entry below plus its rule in
 * `engine/exitRules.ts`, not a new shape for every reader of the catalogue.
 */
export interface ExitConditionParameter<Value = unknown> {
  readonly schema: z.ZodType<Value>;
  /** The parameter as the condition's label continues it: `"vip"` in "Tag added: vip". */
  describe(value: Value): string;
}

/** What people are told about one exit condition, wherever they meet it. */
export interface ExitConditionDefinition {
  /** Its name: the settings panel's checkbox, and the choice the validator asks for. */
  readonly label: string;
  /** As the reason a run stopped, inside a sentence ("stopped: incoming message"); capitalised, it heads a Compare column and names the reason in charts. Where a reason is chosen, `stopReasonLabel` names it. */
  readonly stopReason: string;
  /** When it is met. */
  readonly metWhen: string;
  /** What looks like it but does not count; the trace says the same of each case. */
  readonly doesNotCount: string;
  /** The design token (a CSS custom property, without `--`) that colours its stops in charts. */
  readonly colourToken: string;
  /** The id of the Compare column that turns on this condition alone. */
  readonly compareColumn: string;
  readonly parameter: ExitConditionParameter | null;
}

/**
 * Every exit condition, keyed by its id, so a condition added to `exitConditionSchema` does not
 * compile until it has its words and colour here. People see them in the schema's order.
 */
export const EXIT_CONDITION_CATALOGUE = {
  outgoing_message: {
    label: 'Outgoing messages',
    stopReason: 'outgoing message',
    metWhen: 'Met when a person on your team sends the contact a message.',
    doesNotCount: 'Messages from Workflows and broadcasts do not count.',
    colourToken: 'exit-outgoing-message',
    compareColumn: 'outgoing',
    parameter: null,
  },
  incoming_message: {
    label: 'Incoming messages',
    stopReason: 'incoming message',
    metWhen: 'Met when the contact sends a message.',
    doesNotCount: 'The message that started this run, and a reply to its open question, do not count.',
    colourToken: 'exit-incoming-message',
    compareColumn: 'incoming',
    parameter: null,
  },
  manual_assignment: {
    label: 'Manual assignment',
    stopReason: 'manual assignment',
    metWhen: 'Met when a person assigns or reassigns the contact to a user.',
    doesNotCount: 'Assignment by a Workflow or a rule, and unassignment, do not count.',
    colourToken: 'exit-manual-assignment',
    compareColumn: 'assignment',
    parameter: null,
  },
} as const satisfies Record<ExitCondition, ExitConditionDefinition>;

/** The ids in the catalogue's order. */
export const EXIT_CONDITION_IDS: readonly ExitCondition[] = exitConditionSchema.options;

/** True for an exit condition's id, e.g. a stop reason other than `manual`. */
export const isExitCondition = (value: string): value is ExitCondition => Object.hasOwn(EXIT_CONDITION_CATALOGUE, value);

/** The catalogue entry of one condition. */
export const exitConditionDefinition = (condition: ExitCondition): ExitConditionDefinition => EXIT_CONDITION_CATALOGUE[condition];

/** The id of the Compare column of each condition alone: `'outgoing'`, `'incoming'`, `'assignment'`. */
export type ExitConditionColumn = (typeof EXIT_CONDITION_CATALOGUE)[ExitCondition]['compareColumn'];

/** "A, B or C": the labels of every condition, as a sentence offers them. */
export function exitConditionChoices(): string {
  const labels = EXIT_CONDITION_IDS.map((condition) => EXIT_CONDITION_CATALOGUE[condition].label);
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** The stop reasons that are no exit condition: a person's stop, and a publish's. */
const OTHER_STOP_LABELS: Record<Exclude<StopReason, ExitCondition>, string> = {
  manual: 'Manual stop',
  workflow_updated: 'Workflow updated',
  step_removed: 'Step removed',
};

/** A stop reason's name on screen: the exit condition's own label, or "Manual stop", "Workflow updated", "Step removed". */
export function stopReasonLabel(reason: StopReason): string {
  return isExitCondition(reason) ? EXIT_CONDITION_CATALOGUE[reason].label : OTHER_STOP_LABELS[reason];
}
