/** Where a kind of step sits in the builder's palette. */
export type StepGroup = 'Messages' | 'Timing' | 'Logic' | 'Contact' | 'Conversation' | 'Flow';

/**
 * What a run waits for at a step of this kind before it goes on: nothing (it passes through in
 * the same instant), a timer, or the contact's reply. A loop through a step that waits cannot
 * spin forever at one instant.
 */
export type StepPause = 'none' | 'timer' | 'reply';

/**
 * Which paths of a Workflow a kind may sit on: the trigger's, the When stopped
 * clean-up path's, or both. The clean-up path runs in the instant of the stop, so nothing on it
 * may wait or jump back into the stopped run's steps; the Stop reason branch only means
 * something there.
 */
export type StepPaths = 'both' | 'trigger' | 'when_stopped';

/** The fields every step shares, which a kind's defaults do not set. */
type StepBaseKey = 'id' | 'type' | 'label' | 'position';

/**
 * Everything the engine, the validator and the builder know about one kind of step beside its
 * schema. Every trait is required, `null` where it does not apply: a new kind either states each
 * one or spreads `PASSES_THROUGH` and overrides, never inherits a default by silence.
 */
export interface StepKindDefinition<S extends { readonly type: string }> {
  readonly type: S['type'];
  /** As the palette and a new node name it. */
  readonly name: string;
  /** One line for the palette: what the step does. */
  readonly description: string;
  readonly group: StepGroup;
  /** The fields of a new step of this kind (valid against its schema, maybe still a draft problem such as an empty message). */
  readonly defaults: Omit<S, StepBaseKey>;
  /** The output handles its edges may leave from, in the order the node shows them; none when nothing can follow it. */
  outputs(step: S): string[];
  /** What an output handle is called on the node: nothing for the plain `next`. */
  outputLabel(step: S, handle: string): string;
  readonly pause: StepPause;
  readonly allowedOn: StepPaths;
  /** True when the step must have an edge on its `else` output (a Branch without one would end runs silently). */
  readonly needsElse: boolean;
  /** The text sent to the contact, which must not be empty; null for a kind that sends nothing. */
  readonly sentText: ((step: S) => string) | null;
  /** The step id the run continues at without an edge (Jump to); null for kinds that follow edges. */
  readonly jumpTarget: ((step: S) => string) | null;
  /** The Workflow (id or name) the step starts; null for kinds that start none. */
  readonly startsWorkflow: ((step: S) => string) | null;
}

/** The handle of the output a step takes when nothing else is said. */
export const NEXT = 'next';
/** The handle of a Branch's fallback output. */
export const ELSE = 'else';

/** The one output of a step that simply goes on. */
export const nextOnly = (): string[] => [NEXT];
/** No label on the plain `next` output; other handles by their own name. */
export const plainOutputLabel = (_step: unknown, handle: string): string => (handle === NEXT ? '' : handle);

/**
 * The traits of a step that does its one thing and goes on at `next`: it waits for nothing, may
 * sit on either path, needs no Else, sends no message, jumps nowhere and starts no Workflow. A kind spreads it after its
 * words and overrides what differs, so what a kind does differently is all its definition says.
 */
export const PASSES_THROUGH = {
  outputs: nextOnly,
  outputLabel: plainOutputLabel,
  pause: 'none',
  allowedOn: 'both',
  needsElse: false,
  sentText: null,
  jumpTarget: null,
  startsWorkflow: null,
} as const;
