import { z } from 'zod';
import { addCommentStepSchema } from './steps/addComment.ts';
import { askQuestionStepSchema } from './steps/askQuestion.ts';
import { assignStepSchema } from './steps/assign.ts';
import type { branchConditionSchema} from './steps/branch.ts';
import { branchStepSchema } from './steps/branch.ts';
import { closeConversationStepSchema } from './steps/closeConversation.ts';
import { dateTimeBranchStepSchema } from './steps/dateTimeBranch.ts';
import { endStepSchema } from './steps/end.ts';
import { jumpToStepSchema } from './steps/jumpTo.ts';
import { openConversationStepSchema } from './steps/openConversation.ts';
import { sendMessageStepSchema } from './steps/sendMessage.ts';
import { triggerWorkflowStepSchema } from './steps/triggerWorkflow.ts';
import { updateFieldStepSchema } from './steps/updateField.ts';
import { updateTagStepSchema } from './steps/updateTag.ts';
import { waitStepSchema } from './steps/wait.ts';

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
]);

export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];
export type StepOf<T extends StepType> = Extract<Step, { type: T }>;
export type BranchCondition = z.infer<typeof branchConditionSchema>;

export const STEP_TYPES = stepSchema.options.map((option) => option.shape.type.value) as StepType[];

/** The output handles a step's edges may leave from. */
export function stepOutputs(step: Step): string[] {
  switch (step.type) {
    case 'ask_question':
      return step.timeout === undefined ? ['answered'] : ['answered', 'timeout'];
    case 'branch':
      return [...step.paths.map((path) => path.id), 'else'];
    case 'datetime_branch':
      return ['match', 'else'];
    case 'jump_to':
    case 'end':
      return [];
    default:
      return ['next'];
  }
}
