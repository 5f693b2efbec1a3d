import { Ban, Check, CircleCheck, CircleStop, CircleX, Hourglass, PauseCircle, Users, type LucideIcon } from 'lucide-react';
import { createContext, use, type ReactNode } from 'react';
import { formatOffset } from '../../../simulator/schema/duration.ts';
import type { NodeStat } from '../../../simulator/schema/playback.ts';
import { describeReason } from '../../../simulator/trace/describeEntry.ts';
import type { NodeRunState } from '../../../simulator/trace/nodeRunStates.ts';
import './nodes.css';
import { capitalise } from '../../../simulator/trace/capitalise.ts';
import type { Step } from '../../../simulator/schema/step.ts';
import { nodeWidth } from './nodeSize.ts';

/** What a simulation shows on the steps: the selected contact's run, and every run's counts. */
export interface NodeOverlay {
  readonly states: ReadonlyMap<string, NodeRunState>;
  readonly counts: ReadonlyMap<string, NodeStat>;
}

const NodeOverlayContext = createContext<NodeOverlay | null>(null);
export const NodeOverlayProvider = NodeOverlayContext.Provider;

/** The gap and the badge lane beside a card while simulating (`.flow-node-sim` in nodes.css). */
const BADGE_GAP = 14;
const BADGE_LANE = 240;

/**
 * How wide a node is drawn while simulating: its card (`nodeWidth`), the gap and the badge lane
 * beside it. The canvas lays nodes out with it before the browser has measured them; an entry
 * (the trigger, When stopped) is asked with no step.
 */
export function simulatedNodeWidth(step?: Step): number {
  return nodeWidth(step) + BADGE_GAP + BADGE_LANE;
}

/** A node of NODE_SIZE while simulating; a step's own is `simulatedNodeWidth(step)`. */
export const SIMULATED_NODE_WIDTH = simulatedNodeWidth();

/** One node during a simulation: the selected contact's run at it (when its run touched it), and every run's counts. */
export interface NodeSimulation {
  /** `untouched`: the contact's run never came here; null: the contact has no run of this Workflow. */
  readonly state: NodeRunState['kind'] | 'untouched' | null;
  /** Where the contact's run is at this node, in words. */
  readonly status: string | null;
  /** Every run's counts at this node, in words. */
  readonly counts: string | null;
}


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
      return `Stopped here: ${capitalise(describeReason(state.reason))} at ${formatOffset(state.at)}`;
    case 'paused':
      return pausedText(state);
    case 'completed':
      return `Completed here at ${formatOffset(state.at)}`;
    case 'failed':
      return `Failed here at ${formatOffset(state.at)}`;
    case 'cancelled':
      return 'Cancelled: will not run';
  }
}

/** "Paused: Outgoing message at +1h · resumes +3h · 23h left": where it is held, when it goes on, what its timer keeps. */
function pausedText(state: Extract<NodeRunState, { kind: 'paused' }>): string {
  const resumes = state.resumesAt === undefined ? 'resumes when the conversation is closed' : `resumes ${formatOffset(state.resumesAt)}`;
  const left = state.remaining === undefined ? [] : [`${formatOffset(state.remaining).slice(1)} left`];
  return [`Paused: ${capitalise(describeReason(state.reason))} at ${formatOffset(state.since)}`, resumes, ...left].join(' · ');
}

const STATE_ICONS: Record<NodeRunState['kind'], LucideIcon> = {
  passed: Check,
  active: Hourglass,
  stopped: CircleStop,
  paused: PauseCircle,
  completed: CircleCheck,
  failed: CircleX,
  cancelled: Ban,
};

function countsText(stat: NodeStat): string {
  const parts = [`${stat.passed} passed`];
  if (stat.waiting > 0) parts.push(`${stat.waiting} waiting`);
  if (stat.paused > 0) parts.push(`${stat.paused} paused`);
  if (stat.completed > 0) parts.push(`${stat.completed} completed`);
  if (stat.failed > 0) parts.push(`${stat.failed} failed`);
  for (const [reason, count] of Object.entries(stat.stopped)) parts.push(`${count} stopped: ${describeReason(reason as keyof typeof stat.stopped)}`);
  return parts.join(' · ');
}

/** The simulation at one node; null outside a simulation (the builder). */
export function useNodeSimulation(id: string): NodeSimulation | null {
  const overlay = use(NodeOverlayContext);
  if (!overlay) return null;
  const state = overlay.states.get(id);
  const stat = overlay.counts.get(id);
  return {
    state: state ? state.kind : overlay.states.size > 0 ? 'untouched' : null,
    status: state ? stateText(state) : null,
    counts: stat ? countsText(stat) : null,
  };
}

/**
 * A badge hanging beside its node, as a tag: where the contact's run is at the node and every
 * run's counts. Part of the node's box (React Flow measures it, fit view includes it), in a lane of
 * its own to the node's right, so it never covers the nodes above and below.
 */
function RunBadge({ simulation }: { simulation: NodeSimulation }) {
  const { state, status, counts } = simulation;
  if (status === null && counts === null) return null;
  const Icon = state && state !== 'untouched' ? STATE_ICONS[state] : Users;
  return (
    <div className={`run-badge${state ? ` run-badge--${state}` : ''}`}>
      <Icon aria-hidden size={16} className="run-badge__icon" />
      <div className="run-badge__text">
        {status !== null && <p className="run-badge__status">{status}</p>}
        {counts !== null && <p className="run-badge__counts">{counts}</p>}
      </div>
    </div>
  );
}

interface NodeFrameProps {
  readonly testId: string;
  /** The card's width, from `nodeWidth`. */
  readonly width: number;
  /** The card's classes: kind, problems, selection. */
  readonly className: string;
  readonly simulation: NodeSimulation | null;
  readonly children: ReactNode;
}

/**
 * A node's card; while simulating, the card and its badge side by side, the node's test id and run
 * state on both (read together by screen readers).
 */
export function NodeFrame({ testId, width, className, simulation, children }: NodeFrameProps) {
  if (!simulation)
    return (
      <div className={className} style={{ width }} data-testid={testId}>
        {children}
      </div>
    );
  return (
    <div className={`flow-node-sim${simulation.state ? ` flow-node--run-${simulation.state}` : ''}`} data-testid={testId}>
      <div className={className} style={{ width }}>
        {children}
      </div>
      <RunBadge simulation={simulation} />
    </div>
  );
}
