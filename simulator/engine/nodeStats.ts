import type { NodeStat } from '../schema/playback.ts';
import { stopReasonSchema } from '../schema/script.ts';
import { ACTIVE, COMPLETED, FAILED, PAUSED, STOPPED } from './runTable.ts';
import type { Simulation } from './simulation.ts';
import { K } from './traceLog.ts';

/**
 * How many runs passed each step, counted incrementally from the trace (a population's trace is
 * long; each frame reads only the rows added since the last).
 */
export class StepPassCounter {
  private readonly counts: Int32Array[];
  private upTo = 0;

  constructor(private readonly sim: Simulation) {
    this.counts = sim.workflows.map((workflow) => new Int32Array(workflow.nodes.length));
  }

  /** Counts the rows added since the last call. */
  update(): void {
    const trace = this.sim.trace;
    const step = K.step;
    for (let row = this.upTo; row < trace.length; row++) {
      if (trace.kindAt(row) !== step) continue;
      const counts = this.counts[trace.workflowAt(row)];
      if (counts) counts[trace.nodeAt(row)] = (counts[trace.nodeAt(row)] ?? 0) + 1;
    }
    this.upTo = trace.length;
  }

  passed(workflow: number, node: number): number {
    return this.counts[workflow]?.[node] ?? 0;
  }
}

/**
 * Per step of every Workflow: how many runs passed it, wait there now, are paused there now,
 * completed there, failed there, and stopped there by each reason — the counts the canvas shows for a population.
 */
export function nodeStats(sim: Simulation, passes: StepPassCounter): NodeStat[] {
  passes.update();
  const tallies = sim.workflows.map((workflow) =>
    workflow.nodes.map(() => ({ waiting: 0, paused: 0, completed: 0, failed: 0, stopped: new Int32Array(stopReasonSchema.options.length) })),
  );
  const runs = sim.runs;
  for (let run = 0; run < runs.length; run++) {
    const tally = tallies[runs.workflow(run)]?.[runs.node(run)];
    if (!tally) continue;
    const status = runs.status(run);
    if (status === ACTIVE) tally.waiting++;
    else if (status === PAUSED) tally.paused++;
    else if (status === COMPLETED) tally.completed++;
    else if (status === FAILED) tally.failed++;
    else if (status === STOPPED) tally.stopped[runs.reason(run)] = (tally.stopped[runs.reason(run)] ?? 0) + 1;
  }
  // Versions a publish brought in count with the Workflow they are of, at the step of the same id:
  // one entry per Workflow and step, as the canvas draws them.
  const byStep = new Map<string, NodeStat>();
  sim.workflows.forEach((workflow, w) =>
    workflow.nodes.forEach((node, n) => {
      const tally = tallies[w]?.[n];
      if (!tally) return;
      const passed = passes.passed(w, n);
      if (passed + tally.waiting + tally.paused + tally.completed + tally.failed === 0 && tally.stopped.every((count) => count === 0)) return;
      const key = `${workflow.id}\u0000${node.id}`;
      const stat = byStep.get(key) ?? { workflow: workflow.id, step: node.id, passed: 0, waiting: 0, paused: 0, completed: 0, failed: 0, stopped: {} };
      const stopped: NodeStat['stopped'] = { ...stat.stopped };
      stopReasonSchema.options.forEach((reason, r) => {
        const count = tally.stopped[r] ?? 0;
        if (count > 0) stopped[reason] = (stopped[reason] ?? 0) + count;
      });
      byStep.set(key, {
        ...stat,
        passed: stat.passed + passed,
        waiting: stat.waiting + tally.waiting,
        paused: stat.paused + tally.paused,
        completed: stat.completed + tally.completed,
        failed: stat.failed + tally.failed,
        stopped,
      });
    }),
  );
  const stats = [...byStep.values()];
  return stats;
}
