import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { resultSchema } from './result.ts';
import { scriptSchema } from './script.ts';
import { workflowDocumentSchema } from './workflowMigrations.ts';

/** What coverage is worked out over: a situation's Workflows and every one of its scripts. */
export const coverageRequestSchema = z.object({
  workflows: z.array(workflowDocumentSchema).min(1, 'Load at least one Workflow').max(LIMITS.workflows, `At most ${LIMITS.workflows} Workflows`),
  scripts: z.array(scriptSchema).min(1, 'Choose at least one script').max(LIMITS.compareScripts, `At most ${LIMITS.compareScripts} scripts`),
  /** The new versions the scripts' publishes name, by file. */
  versions: z
    .record(z.string().max(500), workflowDocumentSchema)
    .refine((versions) => Object.keys(versions).length <= LIMITS.workflows, `At most ${LIMITS.workflows} new versions`)
    .optional(),
});
export type CoverageRequest = z.input<typeof coverageRequestSchema>;

export const coverageCountSchema = z.object({ covered: z.number().int().min(0), total: z.number().int().min(0) });

/** One step of a Workflow (not its trigger or When stopped entry): how many times a run entered it. */
export const stepCoverageSchema = z.object({
  workflow: z.string(),
  step: z.string(),
  label: z.string(),
  entered: z.number().int().min(0),
});

/**
 * One path out of a step: a connection of the Workflow (`edge`: its id), or a Jump to's link to its
 * target (`edge`: the Jump to step's id, `output: 'jump'`). `taken`: how many times a run took it.
 */
export const edgeCoverageSchema = z.object({
  workflow: z.string(),
  edge: z.string(),
  kind: z.enum(['edge', 'jump']),
  source: z.string(),
  /** The source's output: `next`, a Branch path id, `else`, `answered`, `timeout`, a stop reason…; `jump` for a Jump to. */
  output: z.string(),
  target: z.string(),
  taken: z.number().int().min(0),
});

/** What no run reached: a step, or a path. */
export const uncoveredSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), workflow: z.string(), step: z.string(), label: z.string() }),
  z.object({ kind: z.literal('edge'), workflow: z.string(), edge: z.string(), source: z.string(), output: z.string(), target: z.string() }),
]);

/**
 * Which steps and paths some run took, over every script given: totals (the side panel's "9 of 12
 * steps, 11 of 15 paths"), per Workflow, what no run reached, and a mark per step and path for the
 * canvas. Versions a publish brought in count with their Workflow, matched by step id and output.
 */
export const coverageSchema = z.object({
  steps: coverageCountSchema,
  edges: coverageCountSchema,
  uncovered: z.array(uncoveredSchema),
  workflows: z.array(z.object({ workflow: z.string(), name: z.string(), steps: coverageCountSchema, edges: coverageCountSchema })),
  perStep: z.array(stepCoverageSchema),
  perEdge: z.array(edgeCoverageSchema),
  /** How many scripts were simulated; a script cut short (its work cap, or the request's) still counts what it reached. */
  scripts: z.number().int().min(0),
  /** The scripts (by index) not simulated to their end: what they reached counts, what they would have reached may not. */
  stoppedShort: z.array(z.number().int().min(0)),
});
export type Coverage = z.infer<typeof coverageSchema>;
export type StepCoverage = z.infer<typeof stepCoverageSchema>;
export type EdgeCoverage = z.infer<typeof edgeCoverageSchema>;
export type Uncovered = z.infer<typeof uncoveredSchema>;

export const coverageOutcomeSchema = resultSchema({ coverage: coverageSchema });
export type CoverageOutcome = z.infer<typeof coverageOutcomeSchema>;
