import { playInThreads } from './threadPool.ts';
import type { Simulation, SimulationInput } from '../engine/simulation.ts';
import { escapeText } from '../trace/escapeText.ts';
import type { CommandIo } from './output.ts';

/**
 * Runs a prepared simulation to the end: on this thread, or with `workers` above 1 split by
 * contact over that many worker threads (see playInThreads), which prints the same results. A
 * script with a publish plays on one thread, and a line on stderr says so.
 */
export function playToEnd(simulation: Simulation, input: SimulationInput, workers: number, file: string, io: CommandIo): Simulation {
  if (workers <= 1) return simulation.runToEnd();
  const { simulation: played, play } = playInThreads(input, workers);
  if ('whole' in play && play.whole === 'publish')
    io.stderr(`${escapeText(`${file}: played on one thread, not ${workers}: a publish acts on every contact at once`)}\n`);
  return played;
}
