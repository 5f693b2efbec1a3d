import { WORKFLOW_FORMAT, workflowSchema, type Workflow } from '../../simulator/schema/workflow.ts';

/** A fresh Workflow id: short, readable in a URL, unique enough for one browser. */
export const newWorkflowId = (): string => `wf-${crypto.randomUUID().slice(0, 8)}`;

/** A new, empty Workflow: only its trigger (Conversation opened), no stop settings on. */
export function blankWorkflow(id: string = newWorkflowId()): Workflow {
  return workflowSchema.parse({
    format: WORKFLOW_FORMAT,
    id,
    name: 'Untitled Workflow',
    trigger: { id: 'trigger', type: 'conversation_opened', label: 'Conversation opened', position: { x: 0, y: 0 } },
    steps: [],
    edges: [],
  });
}
