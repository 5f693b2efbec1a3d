import { z } from 'zod';
import { diffOutcomes } from '../engine/outcomeDiff.ts';
import { LIMITS } from '../schema/limits.ts';
import type { OutcomeDiffOutcome } from '../schema/outcomeDiff.ts';
import { formatJsonPath } from '../schema/parseDocument.ts';
import type { InputProblem } from '../schema/result.ts';
import { scriptSchema } from '../schema/script.ts';
import { workflowDocumentSchema } from '../schema/workflowMigrations.ts';

const workflowsSchema = z.array(workflowDocumentSchema).min(1, 'Give at least one Workflow').max(LIMITS.workflows, `At most ${LIMITS.workflows} Workflows`);

export const outcomeDiffRequestSchema = z.object({
  /** The Workflows as they are (the published versions)… */
  before: workflowsSchema,
  /** …and as they would be (the same set with one or more in another version: the draft). */
  after: workflowsSchema,
  scripts: z.array(scriptSchema).min(1, 'Choose at least one script').max(LIMITS.compareScripts, `At most ${LIMITS.compareScripts} scripts`),
  /** Differences listed in all; the counts stay whole (default: every one). */
  maxDifferences: z.number().int().min(0).max(100_000).optional(),
});
export type OutcomeDiffRequest = z.input<typeof outcomeDiffRequestSchema>;

/**
 * The impact of a new version, as the worker serves it: every script simulated on the Workflows
 * before and after, and the runs whose outcome changes — off the main thread, so a publish dialog
 * stays responsive while a population of a thousand contacts is simulated twice.
 */
export class OutcomeDiffService {
  diff(raw: unknown): OutcomeDiffOutcome {
    const parsed = outcomeDiffRequestSchema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        problems: parsed.error.issues.map((issue): InputProblem => ({ source: issue.path[0] === 'scripts' ? 'script' : 'workflow', index: 0, path: formatJsonPath(issue.path), message: issue.message })),
      };
    const { before, after, scripts, maxDifferences } = parsed.data;
    return { ok: true, result: diffOutcomes(before, after, scripts, maxDifferences === undefined ? {} : { maxDifferences }) };
  }
}
