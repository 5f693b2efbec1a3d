import type { StoppedShort } from './simulation.ts';
import { formatOffset } from '../schema/duration.ts';
import { formatCount } from '../schema/formatCount.ts';

/**
 * The sentence a person reads when a simulation stopped at its work cap, e.g. "The simulation
 * stopped after 10,000,000 trace entries at +12d3h — narrow the script or the horizon".
 */
export function describeStoppedShort(stopped: StoppedShort): string {
  return `The simulation stopped after ${formatCount(stopped.entries)} trace entries at ${formatOffset(stopped.at)}, the most one simulation records — narrow the script or the horizon`;
}
