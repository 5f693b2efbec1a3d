import { z } from 'zod';
import { compareConfigurations } from '../engine/compareConfigurations.ts';
import type { CompareOutcome } from '../schema/compare.ts';
import { LIMITS } from '../schema/limits.ts';
import { formatJsonPath } from '../schema/parseDocument.ts';
import type { InputProblem } from '../schema/result.ts';
import { scriptSchema } from '../schema/script.ts';
import { workflowDocumentSchema } from '../schema/workflowMigrations.ts';

export const compareRequestSchema = z.object({
  workflows: z.array(workflowDocumentSchema).min(1, 'Load at least one Workflow').max(LIMITS.workflows, `At most ${LIMITS.workflows} Workflows`),
  scripts: z.array(scriptSchema).min(1, 'Choose at least one script').max(LIMITS.compareScripts, `At most ${LIMITS.compareScripts} scripts`),
  /** Compare this Workflow only (id or name); every Workflow when absent. */
  workflow: z.string().optional(),
  /** The new versions the scripts' publishes name, by file. */
  versions: z
    .record(z.string().max(500), workflowDocumentSchema)
    .refine((versions) => Object.keys(versions).length <= LIMITS.workflows, `At most ${LIMITS.workflows} new versions`)
    .optional(),
});
export type CompareRequest = z.infer<typeof compareRequestSchema>;

/** "Compare" as the worker serves it: every script under each exit-condition setting, off the main thread. */
export class CompareService {
  compare(raw: unknown): CompareOutcome {
    const parsed = compareRequestSchema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, problems: parsed.error.issues.map((issue): InputProblem => ({ source: issue.path[0] === 'scripts' ? 'script' : 'workflow', index: 0, path: formatJsonPath(issue.path), message: issue.message })) };
    const { workflows, scripts, workflow, versions } = parsed.data;
    return { ok: true, result: compareConfigurations(workflows, scripts, { ...(workflow === undefined ? {} : { workflow }), ...(versions === undefined ? {} : { versions }) }) };
  }
}
