import type { BreakpointHit } from '../../../../simulator/schema/breakpoints.ts';
import { formatOffset } from '../../../../simulator/schema/duration.ts';
import { describeReason } from '../../../../simulator/trace/describeEntry.ts';

interface Names {
  readonly step: (workflow: string, step: string) => string;
  readonly contact: (id: string) => string;
}

/**
 * The line that says where playback paused, from the engine's report of the entry:
 * "Paused at the breakpoint on Wait 24h (Dana, +1h)", or for a stop
 * "Paused: Dana's run stopped at Wait 24h (contact replied, +3h)".
 */
export function describeHit(hit: BreakpointHit, names: Names): string {
  const step = names.step(hit.workflow, hit.step);
  const contact = names.contact(hit.contact);
  const at = formatOffset(hit.t);
  if (hit.by === 'step') return `Paused at the breakpoint on ${step} (${contact}, ${at})`;
  const reason = hit.reason === undefined ? '' : `${describeReason(hit.reason)}, `;
  return `Paused: ${contact}’s run stopped at ${step} (${reason}${at})`;
}
