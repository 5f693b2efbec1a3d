import { Simulation, type SimulationInput } from '../simulation.ts';
import { canSplit, mergeParts } from './mergeParts.ts';
import { playPart } from './poolPart.ts';

/**
 * Plays the script's contacts share by share in this thread and merges the parts (see
 * mergeParts): what a pool of workers computes, without threads. A script that cannot be split,
 * or whose whole reaches the trace cap, is played as one simulation.
 */
export function playSplit(input: SimulationInput, shares: readonly Uint8Array[]): Simulation {
  if (shares.length > 1 && canSplit(input)) {
    const merged = mergeParts(input, shares.map((plays) => playPart(input, plays)));
    if (merged !== null) return merged;
  }
  return new Simulation(input).runToEnd();
}
