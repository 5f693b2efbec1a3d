import { Ban, Check, CircleCheck, CircleStop, CircleX, FastForward, FlaskConical, Hourglass, PauseCircle, Users, type LucideIcon } from 'lucide-react';
import { createContext, use, type ReactNode } from 'react';
import { formatOffset } from '../../../simulator/schema/duration.ts';
import type { NodeStat } from '../../../simulator/schema/playback.ts';
import { describeReason } from '../../../simulator/trace/describeEntry.ts';
import type { NodeRunState } from '../../../simulator/trace/nodeRunStates.ts';
import './nodes.css';
import { capitalise } from '../../../simulator/trace/capitalise.ts';
import type { Step } from '../../../simulator/schema/step.ts';
import { nodeWidth } from './nodeSize.ts';
import { formatSpan } from '../../common/virtualTime.ts';
import { IconButton } from '../../ui/Tooltip.tsx';

/** What a simulation shows on the steps: the selected contact's run, and every run's counts. */
export interface NodeOverlay {
  readonly states: ReadonlyMap<string, NodeRunState>;
  readonly counts: ReadonlyMap<string, NodeStat>;
  /** The debugger's tools on the nodes; absent where the simulation is only shown. */
  readonly debug?: NodeDebug;
}

/** What the simulator's debugger puts on each node: the countdown and Fire now, a test run from it, breakpoints, coverage. */
export interface NodeDebug {
  /** The virtual clock now (ms since the start): a countdown shows `due - now`. */
  readonly now: number;
  /** The nodes' names, for the controls' accessible names ("Fire now: Wait 24h, …"). */
  readonly names: ReadonlyMap<string, string>;
  /** Jumps the clock to the instant a waiting run's timer is due, as Next event does. */
  readonly fireNow: (due: number) => void;
  /** "Start a test run here": the nodes a test run can start at (the engine's rule), and what opens its form. */
  readonly testRun?: { readonly at: ReadonlySet<string>; readonly open: (node: string) => void };
  /** The steps with a breakpoint ("pause when a run enters this step"); absent when breakpoints are not offered. */
  readonly breakpoints?: ReadonlySet<string>;
  readonly toggleBreakpoint?: (node: string) => void;
  /** The nodes no run of any script reaches, as the engine's coverage says; null when not shown. */
  readonly neverReached?: ReadonlySet<string> | null;
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
  readonly id: string;
  /** The selected contact's run waits here for a timer (a Wait's, or a question's timeout) due at `due`. */
  readonly countdown: { readonly due: number; readonly left: number } | null;
  readonly debug: NodeDebug | null;
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
  const debug = overlay.debug ?? null;
  const due = state?.kind === 'active' ? state.due : undefined;
  return {
    state: state ? state.kind : overlay.states.size > 0 ? 'untouched' : null,
    status: state ? stateText(state) : null,
    counts: stat ? countsText(stat) : null,
    id,
    countdown: debug && due !== undefined ? { due, left: Math.max(0, due - debug.now) } : null,
    debug,
  };
}

/** Time left as people read it on a countdown: `23h 12m`, `2d 4h`, `now`. */
export function formatCountdown(ms: number): string {
  return formatSpan(ms).replace(/(\d+(?:ms|[dhms]))(?=\d)/g, '$1 ');
}

/**
 * The virtual time left before the selected contact's waiting run goes on by itself (a Wait's
 * timer, a question's timeout), ticking with the clock, and Fire now, which jumps the clock there.
 */
function Countdown({ name, countdown, fireNow }: { name: string; countdown: NonNullable<NodeSimulation['countdown']>; fireNow: NodeDebug['fireNow'] }) {
  const due = countdown.left >= 1000 ? `due in ${formatCountdown(countdown.left)}` : 'due now';
  return (
    <div className="run-countdown">
      <span className="run-countdown__left">{capitalise(due)}</span>
      <button
        type="button"
        className="ui-button ui-button--small run-countdown__fire nodrag nopan"
        aria-label={`Fire now: ${name}, ${due}`}
        onClick={() => fireNow(countdown.due)}
      >
        <FastForward aria-hidden size={14} /> Fire now
      </button>
    </div>
  );
}

/** A node's debugging controls: the breakpoint in its left margin, and a test run started here. */
function NodeDebugControls({ id, debug }: { id: string; debug: NodeDebug }) {
  const name = debug.names.get(id) ?? id;
  const on = debug.breakpoints?.has(id) ?? false;
  const { toggleBreakpoint, testRun } = debug;
  return (
    <>
      {toggleBreakpoint && (
        <button
          type="button"
          className={`breakpoint-dot nodrag nopan${on ? ' breakpoint-dot--on' : ''}`}
          aria-pressed={on}
          aria-label={`Breakpoint: pause when a run enters ${name}`}
          title={on ? `Remove the breakpoint on ${name}` : `Pause when a run enters ${name}`}
          onClick={() => toggleBreakpoint(id)}
        />
      )}
      {testRun?.at.has(id) && (
        <IconButton label={`Start a test run here: ${name}`} icon={<FlaskConical size={14} />} className="node-test-run nodrag nopan" onClick={() => testRun.open(id)} />
      )}
    </>
  );
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
        {simulation.countdown && simulation.debug && (
          <Countdown name={simulation.debug.names.get(simulation.id) ?? simulation.id} countdown={simulation.countdown} fireNow={simulation.debug.fireNow} />
        )}
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
  const neverReached = simulation.debug?.neverReached?.has(simulation.id) ?? false;
  const classes = ['flow-node-sim', simulation.state ? `flow-node--run-${simulation.state}` : '', neverReached ? 'flow-node--never-reached' : ''];
  return (
    <div className={classes.filter((name) => name !== '').join(' ')} data-testid={testId}>
      <div className={className} style={{ width }}>
        {children}
        {simulation.debug && <NodeDebugControls id={simulation.id} debug={simulation.debug} />}
        {neverReached && <p className="never-reached-note">Never reached</p>}
      </div>
      <RunBadge simulation={simulation} />
    </div>
  );
}
