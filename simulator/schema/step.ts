import { z } from 'zod';
import type { StepKindDefinition } from './stepKind.ts';
import { addCommentStep, addCommentStepSchema } from './steps/addComment.ts';
import { askQuestionStep, askQuestionStepSchema } from './steps/askQuestion.ts';
import { assignStep, assignStepSchema } from './steps/assign.ts';
import type { branchConditionSchema} from './steps/branch.ts';
import { branchStep, branchStepSchema } from './steps/branch.ts';
import { closeConversationStep, closeConversationStepSchema } from './steps/closeConversation.ts';
import { dateTimeBranchStep, dateTimeBranchStepSchema } from './steps/dateTimeBranch.ts';
import { endStep, endStepSchema } from './steps/end.ts';
import { jumpToStep, jumpToStepSchema } from './steps/jumpTo.ts';
import { openConversationStep, openConversationStepSchema } from './steps/openConversation.ts';
import { sendMessageStep, sendMessageStepSchema } from './steps/sendMessage.ts';
import { stopReasonBranchStep, stopReasonBranchStepSchema } from './steps/stopReasonBranch.ts';
import { triggerWorkflowStep, triggerWorkflowStepSchema } from './steps/triggerWorkflow.ts';
import { updateFieldStep, updateFieldStepSchema } from './steps/updateField.ts';
import { updateTagStep, updateTagStepSchema } from './steps/updateTag.ts';
import { waitStep, waitStepSchema } from './steps/wait.ts';

/** Every step a Workflow can hold, told apart by `type`. */
export const stepSchema = z.discriminatedUnion('type', [
  sendMessageStepSchema,
  askQuestionStepSchema,
  waitStepSchema,
  branchStepSchema,
  dateTimeBranchStepSchema,
  assignStepSchema,
  updateFieldStepSchema,
  updateTagStepSchema,
  addCommentStepSchema,
  openConversationStepSchema,
  closeConversationStepSchema,
  triggerWorkflowStepSchema,
  jumpToStepSchema,
  endStepSchema,
  stopReasonBranchStepSchema,
]);

export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];
export type StepOf<T extends StepType> = Extract<Step, { type: T }>;
export type BranchCondition = z.infer<typeof branchConditionSchema>;

export const STEP_TYPES = stepSchema.options.map((option) => option.shape.type.value) as StepType[];

/**
 * Every kind's definition (outputs, pauses, needs an Else, palette words…), keyed by type: a kind
 * added to `stepSchema` does not compile until it has its row, and the row's type is checked
 * against the kind's own schema. In the palette's order.
 */
export const STEP_KINDS: { readonly [T in StepType]: StepKindDefinition<StepOf<T>> } = {
  send_message: sendMessageStep,
  ask_question: askQuestionStep,
  add_comment: addCommentStep,
  wait: waitStep,
  branch: branchStep,
  datetime_branch: dateTimeBranchStep,
  stop_reason_branch: stopReasonBranchStep,
  assign: assignStep,
  update_field: updateFieldStep,
  update_tag: updateTagStep,
  open_conversation: openConversationStep,
  close_conversation: closeConversationStep,
  trigger_workflow: triggerWorkflowStep,
  jump_to: jumpToStep,
  end: endStep,
};

/**
 * The definition of a step's own kind, typed for that step. The table is keyed by `type`, so the
 * row read is always the one whose functions take this step; TypeScript cannot follow that
 * correlation through a union, hence the one cast here instead of one in every reader.
 */
export function kindOf<S extends Step>(step: S): StepKindDefinition<S> {
  return STEP_KINDS[step.type] as unknown as StepKindDefinition<S>;
}

/** The output handles a step's edges may leave from. */
export function stepOutputs(step: Step): string[] {
  return kindOf(step).outputs(step);
}
