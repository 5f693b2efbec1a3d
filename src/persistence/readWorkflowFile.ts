import { formatJsonPath, parseJson, parseWorkflowDocument, type ParseResult } from '../../simulator/schema/parseDocument.ts';
import { LIMITS } from '../../simulator/schema/limits.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { fileSlug } from '../common/fileSlug.ts';
import { isStructuralProblem } from '../../simulator/validate/structuralProblems.ts';
import { validateWorkflow } from '../../simulator/validate/validateWorkflow.ts';

/** The largest Workflow file read (a 5,000-step Workflow is about 1.2 MB); the command line's cap too. */
export const MAX_WORKFLOW_FILE_BYTES = LIMITS.workflowFileBytes;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads a Workflow file chosen for import: its size, its JSON, its format (older formats are
 * migrated), every field, and the graph's structure. Returns every problem with its JSON path, or
 * the Workflow; never throws.
 */
export function readWorkflowFile(text: string, sizeBytes = new Blob([text]).size): ParseResult<Workflow> {
  if (sizeBytes > MAX_WORKFLOW_FILE_BYTES)
    return {
      ok: false,
      issues: [{ path: '$', message: `The file is ${megabytes(sizeBytes)}; a Workflow file is at most ${megabytes(MAX_WORKFLOW_FILE_BYTES)}. Is it the right file?` }],
    };
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = parseWorkflowDocument(json.value);
  if (!parsed.ok) return parsed;
  const structural = validateWorkflow(parsed.value).filter((problem) => isStructuralProblem(problem.code));
  if (structural.length > 0) return { ok: false, issues: structural.map((problem) => ({ path: formatJsonPath(problem.path), message: problem.message })) };
  return parsed;
}

/** The file a Workflow is exported as: its JSON, pretty-printed, with its format version. */
export function workflowFileText(workflow: Workflow): string {
  const { $schema: _ignored, ...document } = workflow;
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A file name for the export: `lead-nurture.workflow.json`. */
export function workflowFileName(workflow: Workflow): string {
  const slug = fileSlug(workflow.name);
  return `${slug || workflow.id}.workflow.json`;
}
