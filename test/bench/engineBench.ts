import { prepareSimulation } from '../../simulator/engine/prepareSimulation.ts';
import type { Simulation } from '../../simulator/engine/simulation.ts';
import { collectGarbage, heapBytes, keepAlive, nowMs, type BenchFigures } from './measure.ts';
import type { Workload } from './workload.ts';

export interface EngineFigures extends BenchFigures {
  readonly prepareMs: number;
  readonly runMs: number;
  /** Events per second of `runToEnd()` alone, without `prepareSimulation`. */
  readonly runEventsPerSec: number;
  /**
   * Events per second of this process's CPU time over the same span (prepare and run): unlike the
   * wall clock, it does not count time the machine gave to other processes, so comparisons made on
   * a busy machine stay fair.
   */
  readonly cpuEventsPerSec: number;
}

export function prepareEngine(workload: Workload): Simulation {
  const prepared = prepareSimulation({ workflows: [workload.workflow], script: workload.script, until: workload.until });
  if (!prepared.ok) throw new Error(`prepareSimulation: ${JSON.stringify(prepared.problems)}`);
  return prepared.simulation;
}

/**
 * The real engine on the workload: `prepareSimulation` then `runToEnd()`, timed together; the
 * simulation records its full trace, as it always does. `keep` receives the finished simulation
 * (after the memory reading) for callers that want to look at it.
 */
export function benchEngine(workload: Workload, keep?: (simulation: Simulation) => void): EngineFigures {
  collectGarbage();
  const before = heapBytes();
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  const simulation = prepareEngine(workload);
  const t1 = nowMs();
  simulation.runToEnd();
  const t2 = nowMs();
  const cpu = process.cpuUsage(cpu0);
  collectGarbage();
  const held = heapBytes() - before;

  const trace = simulation.trace;
  const ms = t2 - t0;
  const events = simulation.eventsProcessed;
  const figures: EngineFigures = {
    contacts: workload.contacts,
    events,
    traceEntries: trace.length,
    ms,
    eventsPerSec: (events / ms) * 1000,
    traceEntriesPerSec: (trace.length / ms) * 1000,
    bytesPerContact: held / workload.contacts,
    traceBytesPerContact: trace.byteSize() / workload.contacts,
    prepareMs: t1 - t0,
    runMs: t2 - t1,
    runEventsPerSec: (events / (t2 - t1)) * 1000,
    cpuEventsPerSec: (events / ((cpu.user + cpu.system) / 1000)) * 1000,
  };
  keep?.(simulation);
  keepAlive('engine', simulation);
  return figures;
}
