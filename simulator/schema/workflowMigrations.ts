import { WORKFLOW_FORMAT_VERSION } from './workflow.ts';

/**
 * Migrations of Workflow documents, one per format version, in order: `migrations[v]` turns a
 * version-v document into a version-(v+1) one. Format 1 is the first, so the list is empty; the
 * next format change adds `1: (doc) => …` here with a fixture of a version-1 file under `test/`.
 */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

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
