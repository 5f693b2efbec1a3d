import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScriptDocument, parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { WorkflowSettings } from '../../simulator/schema/settings.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';

/**
 * The shipped examples (public/examples/<situation>/<file>) read as the app reads them: through
 * `parseWorkflowDocument` / `parseScriptDocument`, failing loudly when one does not parse.
 */
const EXAMPLES = join(import.meta.dirname, '../../public/examples');

function readExample(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXAMPLES, path), 'utf8')) as Record<string, unknown>;
}

/** An example Workflow, e.g. `exampleWorkflow('follow-up/follow-up.workflow.json')`, optionally with other stop settings. */
export function exampleWorkflow(path: string, settings?: WorkflowSettings): Workflow {
  const raw = readExample(path);
  const parsed = parseWorkflowDocument(settings ? { ...raw, settings } : raw);
  if (!parsed.ok) throw new Error(`${path} does not parse: ${parsed.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  return parsed.value;
}

/** An example script, e.g. `exampleScript('follow-up/contact-replies.script.json')`. */
export function exampleScript(path: string): Script {
  const parsed = parseScriptDocument(readExample(path));
  if (!parsed.ok) throw new Error(`${path} does not parse: ${parsed.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`);
  return parsed.value;
}

/** The follow-up situation: the "24h follow-up" Workflow and one of its scripts. */
export function followUpSituation(script: string, settings?: WorkflowSettings): { workflows: Workflow[]; script: Script } {
  return { workflows: [exampleWorkflow('follow-up/follow-up.workflow.json', settings)], script: exampleScript(`follow-up/${script}`) };
}

/** The hot-lead situation: "Lead nurture" beside "VIP routing", and one of its scripts. */
export function hotLeadSituation(script: string): { workflows: Workflow[]; script: Script } {
  return {
    workflows: [exampleWorkflow('hot-lead/lead-nurture.workflow.json'), exampleWorkflow('hot-lead/vip-routing.workflow.json')],
    script: exampleScript(`hot-lead/${script}`),
  };
}
