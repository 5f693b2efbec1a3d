import {
  CalendarClock,
  CircleStop,
  CornerDownRight,
  Hourglass,
  MessageCircleQuestionMark,
  MessageSquareText,
  MessagesSquare,
  NotebookPen,
  OctagonX,
  PenLine,
  Signpost,
  Split,
  Tag,
  UserRoundCheck,
  Workflow,
  X,
  Zap,
  type LucideIcon,
} from 'lucide-react';
import type { StepType } from '../../../../simulator/schema/step.ts';

/** One icon per kind of step, from the app's one icon set. */
export const STEP_ICONS: Readonly<Record<StepType, LucideIcon>> = {
  send_message: MessageSquareText,
  ask_question: MessageCircleQuestionMark,
  add_comment: NotebookPen,
  wait: Hourglass,
  branch: Split,
  datetime_branch: CalendarClock,
  stop_reason_branch: Signpost,
  assign: UserRoundCheck,
  update_field: PenLine,
  update_tag: Tag,
  open_conversation: MessagesSquare,
  close_conversation: X,
  trigger_workflow: Workflow,
  jump_to: CornerDownRight,
  end: CircleStop,
};

export const TRIGGER_ICON: LucideIcon = Zap;

/** The When stopped entry's: a stop sign, as the path starts where a run was stopped. */
export const WHEN_STOPPED_ICON: LucideIcon = OctagonX;
