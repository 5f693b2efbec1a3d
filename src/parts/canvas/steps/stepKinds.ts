import { STEP_KINDS as DEFINITIONS, stepSchema, type Step, type StepType } from '../../../../simulator/schema/step.ts';
import type { StepGroup } from '../../../../simulator/schema/stepKind.ts';

/** What the palette and the canvas say about a kind of step, and how a new one starts: its definition's words and defaults. */
export interface StepKind {
  readonly type: StepType;
  /** As the palette and the node show it. */
  readonly name: string;
  /** One line for the palette: what the step does. */
  readonly description: string;
  /** Where it sits in the palette. */
  readonly group: StepGroup;
  /** The fields of a new step of this kind (valid against its schema, maybe still a draft problem such as an empty message). */
  readonly defaults: Readonly<Record<string, unknown>>;
}

/** Every kind, in the palette's order (the definitions' order). */
export const STEP_KINDS: readonly StepKind[] = Object.values(DEFINITIONS);

export function stepKind(type: StepType): StepKind {
  // A type from outside the schema (a stale drag, a hand-edited file) is refused loudly rather than drawn blank.
  if (!Object.hasOwn(DEFINITIONS, type)) throw new Error(`No step kind "${type}"`);
  return DEFINITIONS[type];
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
