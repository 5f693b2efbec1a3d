/**
 * The 1,000-node Workflow of the canvas benchmark: a realistic graph rather than a bare chain.
 * It repeats a block of eight steps — send a message, wait, branch on a tag (VIP path: a message
 * and a tag; else: a question whose answer is stored in a field, or a comment when it times out),
 * the three ends joining the next block's message — 124 times, then a tail of six messages and an
 * End: 999 steps after the trigger, 1,000 nodes, 1,247 edges. Positions come from the builder's own
 * auto-layout (dagre, top to bottom), as after "Auto-layout" in the toolbar.
 */
import { autoLayout } from '../../src/parts/canvas/autoLayout.ts';
import type { WorkflowRecord } from '../../src/model/records.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { buildWorkflow, steps, type StepInput } from '../harness/workflowFixtures.ts';

const BLOCKS = 124;
const TAIL = 6;

export function canvasWorkflow(): Workflow {
  const list: StepInput[] = [];
  const edges: string[] = [];
  let from: string[] = ['trigger'];
  const join = (target: string) => {
    for (const source of from) edges.push(`${source}>${target}`);
  };
  for (let k = 0; k < BLOCKS; k++) {
    list.push(
      steps.send(`m${k}`, `Hi {{contact.name}}, here is update ${k} of the series.`, `Update ${k}`),
      steps.wait(`w${k}`, '1h', `Wait before check ${k}`),
      steps.branch(`b${k}`, [{ id: 'vip', label: 'VIP', conditions: [{ subject: 'tag', operator: 'has', tag: 'vip' }] }], `VIP? ${k}`),
      steps.send(`v${k}`, `As a VIP, {{contact.name}}, you get early access to update ${k}.`, `VIP note ${k}`),
      steps.tag(`t${k}`, 'add', `seen-${k}`, `Tag seen ${k}`),
      steps.ask(`q${k}`, `Anything we can help with on update ${k}?`, `answer_${k}`, '2h', `Ask ${k}`),
      steps.setField(`f${k}`, `followed_${k}`, 'yes', `Store answer ${k}`),
      steps.comment(`c${k}`, `No answer to question ${k}`, `Note silence ${k}`),
    );
    join(`m${k}`);
    edges.push(`m${k}>w${k}`, `w${k}>b${k}`, `b${k}:vip>v${k}`, `v${k}>t${k}`, `b${k}:else>q${k}`, `q${k}:answered>f${k}`, `q${k}:timeout>c${k}`);
    from = [`t${k}`, `f${k}`, `c${k}`];
  }
  for (let i = 0; i < TAIL; i++) {
    list.push(steps.send(`z${i}`, `Closing message ${i}`, `Closing ${i}`));
    join(`z${i}`);
    from = [`z${i}`];
  }
  list.push(steps.end());
  join('end');
  return autoLayout(buildWorkflow({ id: 'canvas-bench', name: 'Canvas benchmark', steps: list, edges }));
}

/** The Workflow as IndexedDB would return it (already parsed: reading and parsing are the persistence line's). */
export function canvasWorkflowRecord(now = Date.now()): WorkflowRecord {
  return { id: 'canvas-bench', revision: 1, status: 'draft', createdAt: now, updatedAt: now, publishedAt: null, document: canvasWorkflow() };
}
