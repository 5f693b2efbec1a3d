import { createContext, use } from 'react';
import { formatOffset } from '../../../simulator/schema/duration.ts';
import type { NodeStat } from '../../../simulator/schema/playback.ts';
import { describeReason } from '../../../simulator/trace/describeEntry.ts';
import type { NodeRunState } from '../../../simulator/trace/nodeRunStates.ts';

/** What a simulation shows on the steps: the selected contact's run, and every run's counts. */
export interface NodeOverlay {
  readonly states: ReadonlyMap<string, NodeRunState>;
  readonly counts: ReadonlyMap<string, NodeStat>;
}

const NodeOverlayContext = createContext<NodeOverlay | null>(null);
export const NodeOverlayProvider = NodeOverlayContext.Provider;

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function stateText(state: NodeRunState): string {
  switch (state.kind) {
    case 'passed':
      return `Passed at ${formatOffset(state.at)}`;
    case 'active':
      return state.waitingFor === 'timer' && state.due !== undefined
        ? `Here now: waits until ${formatOffset(state.due)}`
        : state.waitingFor === 'reply'
          ? 'Here now: waits for a reply'
          : 'Here now';
    case 'stopped':
      return `Stopped here: ${capitalized(describeReason(state.reason))} at ${formatOffset(state.at)}`;
    case 'completed':
      return `Completed here at ${formatOffset(state.at)}`;
    case 'failed':
      return `Failed here at ${formatOffset(state.at)}`;
    case 'cancelled':
      return 'Cancelled: will not run';
  }
}

function countsText(stat: NodeStat): string {
  const parts = [`${stat.passed} passed`];
  if (stat.waiting > 0) parts.push(`${stat.waiting} waiting`);
  if (stat.completed > 0) parts.push(`${stat.completed} completed`);
  if (stat.failed > 0) parts.push(`${stat.failed} failed`);
  for (const [reason, count] of Object.entries(stat.stopped)) parts.push(`${count} stopped: ${describeReason(reason as keyof typeof stat.stopped)}`);
  return parts.join(' · ');
}

/** The simulation's look of one node: a class for its state, and the lines to show under it. Nothing outside a simulation. */
export function useNodeOverlay(id: string): { readonly className: string; readonly lines: readonly string[] } {
  const overlay = use(NodeOverlayContext);
  if (!overlay) return { className: '', lines: [] };
  const state = overlay.states.get(id);
  const stat = overlay.counts.get(id);
  return {
    className: state ? ` flow-node--run-${state.kind}` : overlay.states.size > 0 ? ' flow-node--run-untouched' : '',
    lines: [...(state ? [stateText(state)] : []), ...(stat ? [countsText(stat)] : [])],
  };
}

/** The lines of a node's simulation state, as part of the node (read with it by screen readers). */
export function NodeOverlayLines({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="flow-node__run">
      {lines.map((line) => (
        <div key={line} className="flow-node__run-line">
          {line}
        </div>
      ))}
    </div>
  );
}
