/**
 * The Workflows of the canvas benchmark (1,000 and 5,000 nodes): a realistic graph rather than a
 * bare chain. It repeats a block of eight steps — send a message, wait, branch on a tag (VIP path: a
 * message and a tag; else: a question whose answer is stored in a field, or a comment when it
 * times out), the three ends joining the next block's message — `(nodes - 8) / 8` times (124 for
 * 1,000 nodes), then a tail of six messages and an End: with the trigger, `nodes` nodes (1,000
 * nodes: 1,247 edges). Positions come from the builder's own auto-layout (top to bottom: the layered
 * layout at these sizes), as after "Auto-layout" in the toolbar.
 */
import { autoLayout } from '../../src/parts/canvas/autoLayout.ts';
import type { WorkflowRecord } from '../../src/model/records.ts';
import { workflowSchema, type Workflow } from '../../simulator/schema/workflow.ts';
import { buildWorkflow, steps, type StepInput } from '../harness/workflowFixtures.ts';

const BLOCK = 8;
const TAIL = 6;

const blocksOf = (nodes: number) => (nodes - TAIL - 2) / BLOCK;

/** The steps and edges, not laid out. */
function unplaced(nodes: number): Workflow {
  const blocks = blocksOf(nodes);
  if (!Number.isInteger(blocks) || blocks < 3) throw new Error(`a canvas bench Workflow has 8k nodes (k ≥ 4), not ${nodes}`);
  const list: StepInput[] = [];
  const edges: string[] = [];
  let from: string[] = ['trigger'];
  const join = (target: string) => {
    for (const source of from) edges.push(`${source}>${target}`);
  };
  for (let k = 0; k < blocks; k++) {
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
  const shell = buildWorkflow({ id: `canvas-bench-${nodes}`, name: `Canvas benchmark, ${nodes} nodes`, steps: [], edges: [] });
  const parsedEdges = edges.map((text, i) => {
    const [head = '', target = ''] = text.split('>');
    const [source = '', sourceHandle] = head.split(':');
    return { id: `e${i}`, source, target, ...(sourceHandle === undefined ? {} : { sourceHandle }) };
  });
  return workflowSchema.parse({ ...shell, steps: list, edges: parsedEdges });
}

/** `nodes`: the trigger, the blocks, the tail and the End; a multiple of eight, at least 32. */
export function canvasWorkflow(nodes = 1_000): Workflow {
  return autoLayout(unplaced(nodes));
}

/** The Workflow as IndexedDB would return it (already parsed: reading and parsing are the persistence line's). */
export function canvasWorkflowRecord(nodes = 1_000, now = Date.now()): WorkflowRecord {
  const document = canvasWorkflow(nodes);
  return { id: document.id, revision: 1, status: 'draft', createdAt: now, updatedAt: now, publishedAt: null, document };
}
