import { kindOf } from '../schema/step.ts';
import type { WorkflowGraph } from './workflowGraph.ts';

/**
 * Every loop that could run forever at one instant: the strongly connected components of the
 * graph without the steps that wait (a timer or a reply: Wait, Ask a question), found with Tarjan's algorithm
 * (iterative, so a long chain cannot overflow the stack). Each loop is listed as its step ids in
 * document order.
 */
export function findLoopsWithoutPause(graph: WorkflowGraph): string[][] {
  const nodes = [...graph.steps].filter(([, step]) => kindOf(step).pause === 'none').map(([id]) => id);
  const inGraph = new Set(nodes);
  const order = new Map([...graph.steps.keys()].map((id, i) => [id, i]));
  const next = (id: string) => (graph.successors.get(id) ?? []).filter((to) => inGraph.has(to));

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; edge: number };
      const successors = next(frame.id);
      if (frame.edge < successors.length) {
        const to = successors[frame.edge++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && next(frame.id).includes(frame.id);
        if (component.length > 1 || selfLoop) {
          loops.push(component.sort((a, b) => (order.get(a) as number) - (order.get(b) as number)));
        }
      }
    }
  }
  return loops.sort((a, b) => (order.get(a[0] as string) as number) - (order.get(b[0] as string) as number));
}
