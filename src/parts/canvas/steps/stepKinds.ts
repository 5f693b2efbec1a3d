import { stepSchema, type Step, type StepType } from '../../../../simulator/schema/step.ts';

/** What the palette and the canvas say about a kind of step, and how a new one starts. */
export interface StepKind {
  readonly type: StepType;
  /** As the palette and the node show it. */
  readonly name: string;
  /** One line for the palette: what the step does. */
  readonly description: string;
  /** Where it sits in the palette. */
  readonly group: 'Messages' | 'Timing' | 'Logic' | 'Contact' | 'Conversation' | 'Flow';
  /** The fields of a new step of this kind (valid against its schema, maybe still a draft problem such as an empty message). */
  readonly defaults: Readonly<Record<string, unknown>>;
}

export const STEP_KINDS: readonly StepKind[] = [
  { type: 'send_message', name: 'Send message', description: 'Sends a message to the contact.', group: 'Messages', defaults: { text: '' } },
  { type: 'ask_question', name: 'Ask a question', description: 'Asks, waits for the reply, saves it in a field.', group: 'Messages', defaults: { text: '', field: '' } },
  { type: 'add_comment', name: 'Add comment', description: 'An internal note the contact never sees.', group: 'Messages', defaults: { text: '' } },
  { type: 'wait', name: 'Wait', description: 'Pauses for a while, or until a time of day.', group: 'Timing', defaults: { delay: { kind: 'duration', duration: '1h' } } },
  {
    type: 'branch',
    name: 'Branch',
    description: 'Takes the first path whose conditions hold.',
    group: 'Logic',
    defaults: { paths: [{ id: 'path-1', label: 'Path 1', match: 'all', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }] },
  },
  {
    type: 'datetime_branch',
    name: 'Date & time',
    description: 'Splits on the day and time, e.g. business hours.',
    group: 'Logic',
    defaults: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
  },
  { type: 'assign', name: 'Assign', description: 'Assigns the contact to a user or a team.', group: 'Contact', defaults: { assignee: { kind: 'team', id: 'support' } } },
  { type: 'update_field', name: 'Update field', description: 'Sets a contact field.', group: 'Contact', defaults: { field: 'status', value: '' } },
  { type: 'update_tag', name: 'Update tag', description: 'Adds or removes a contact tag.', group: 'Contact', defaults: { action: 'add', tag: 'lead' } },
  { type: 'open_conversation', name: 'Open conversation', description: 'Opens the contact’s conversation.', group: 'Conversation', defaults: {} },
  { type: 'close_conversation', name: 'Close conversation', description: 'Closes the contact’s conversation.', group: 'Conversation', defaults: {} },
  { type: 'trigger_workflow', name: 'Trigger Workflow', description: 'Starts another Workflow for the contact.', group: 'Flow', defaults: { workflow: '' } },
  { type: 'jump_to', name: 'Jump to', description: 'Continues at another step.', group: 'Flow', defaults: { target: '' } },
  { type: 'end', name: 'End', description: 'Completes the run.', group: 'Flow', defaults: {} },
];

const BY_TYPE = new Map(STEP_KINDS.map((kind) => [kind.type, kind]));

export function stepKind(type: StepType): StepKind {
  const kind = BY_TYPE.get(type);
  if (!kind) throw new Error(`No step kind "${type}"`);
  return kind;
}

/** A new step of `type` with the given id, label and position, through the real schema. */
export function createStep(type: StepType, id: string, position: { x: number; y: number }, label = stepKind(type).name): Step {
  return stepSchema.parse({ ...stepKind(type).defaults, type, id, label, position });
}

/** The first id `<type>-<n>` no node of the Workflow uses. */
export function freeStepId(type: StepType, taken: ReadonlySet<string>): string {
  const prefix = type.replaceAll('_', '-');
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}
