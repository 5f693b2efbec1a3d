import { z } from 'zod';
import { WORKFLOW_FORMAT_VERSION, workflowSchema } from './workflow.ts';

/**
 * Migrations of Workflow documents, one per format version, in order: `migrations[v]` turns a
 * version-v document into a version-(v+1) one (the loop below writes the new `format`). Each is
 * tested on a fixture of an old file in `test/fixtures/workflow-formats/`.
 */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  /**
   * Format 2 adds the When stopped path, the Stop reason branch and the after-the-stop settings,
   * all optional and absent meaning what format 1 did: a format-1 document is a format-2 one as it
   * is.
   */
  1: (doc) => doc,
};

/** Brings a document of any older format up to the current one; the current format passes through. */
export function migrateWorkflow(doc: Record<string, unknown>): Record<string, unknown> {
  let version = Number(String(doc.format).split('/')[1]);
  let current = doc;
  while (version < WORKFLOW_FORMAT_VERSION) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`No migration from workflow format ${version}`);
    current = { ...migrate(current), format: `exitflow.workflow/${version + 1}` };
    version++;
  }
  return current;
}

/** True for a Workflow document of a format older than this one, which `migrateWorkflow` brings up. */
function isOlderWorkflow(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const match = /^exitflow\.workflow\/(\d+)$/.exec(String((raw as { format?: unknown }).format));
  const version = match ? Number(match[1]) : NaN;
  return version >= 1 && version < WORKFLOW_FORMAT_VERSION;
}

/**
 * A Workflow of this format or an older one, migrated before it is checked: what the worker's
 * services parse their Workflows with, so a document kept or exported before a format change is
 * read, not refused, wherever it comes in (a file goes through `parseWorkflowDocument`, which
 * also says which part of the file is wrong).
 */
export const workflowDocumentSchema = z.preprocess((raw) => (isOlderWorkflow(raw) ? migrateWorkflow(raw) : raw), workflowSchema);
