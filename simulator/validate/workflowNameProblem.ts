import { workflowSchema } from '../schema/workflow.ts';

/**
 * Why a name cannot be a Workflow's (the schema's words, "Give the Workflow a name"), or null
 * when it can — for a name field that checks what is typed before it is stored.
 */
export function workflowNameProblem(name: string): string | null {
  const parsed = workflowSchema.shape.name.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a Workflow name');
}
