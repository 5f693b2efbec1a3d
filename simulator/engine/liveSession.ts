import { formatOffset } from '../schema/duration.ts';
import type { LiveHalt, PublishedVersion } from '../schema/live.ts';
import { LIMITS } from '../schema/limits.ts';
import { formatJsonPath } from '../schema/parseDocument.ts';
import type { InputProblem } from '../schema/result.ts';
import type { ContactState, RunState } from '../schema/run.ts';
import { scriptSchema, type Script, type ScriptEvent } from '../schema/script.ts';
import type { TraceEntry } from '../schema/trace.ts';
import type { Workflow } from '../schema/workflow.ts';
import { contactStates, materializeEntry, runStates, traceEntries } from './materialize.ts';
import { prepareSimulation } from './prepareSimulation.ts';
import type { Simulation } from './simulation.ts';
import { K } from './traceLog.ts';
import { formatCount } from '../schema/formatCount.ts';

/** What a person does in the live Messages view: a script event that happens now (it has no `at`). */
export type LiveCommand = ScriptEvent extends infer E ? (E extends ScriptEvent ? Omit<E, 'at'> : never) : never;

export type LiveOutcome =
  | { readonly ok: true; readonly entries: readonly TraceEntry[] }
  /** The command itself is malformed (an unknown contact or user, a bad field): nothing happened. */
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/**
 * A conversation played live, in virtual time, on the same engine: every command is recorded as a
 * script event at the current instant (whole seconds), and the session is the simulation of the
 * base script plus what was recorded, up to now. So a session can be saved as a script and replays
 * exactly; and whatever a person tries, the engine decides — a refused stop is refused here as in
 * any script, with its reason in the trace.
 */
export class LiveSession {
  private recorded: ScriptEvent[] = [];
  private simulation: Simulation;
  /** Virtual time, ms since the script's start. */
  private now = 0;
  /** Why the clock last stopped short of where it was sent (or null: it got there). */
  private halt: LiveHalt | null = null;
  /** The versions published so far in `simulation`, read up to trace row `rows`. */
  private publishedSeen: { simulation: Simulation | null; rows: number; versions: PublishedVersion[] } = { simulation: null, rows: 0, versions: [] };

  private constructor(
    private readonly workflows: readonly Workflow[],
    private readonly base: Script,
    /** The new versions the session's publishes name, by their `file`: the base script's and those published live. */
    private versionsByFile: Readonly<Record<string, Workflow>>,
    simulation: Simulation,
  ) {
    this.simulation = simulation;
  }

  /**
   * A session on valid Workflows and a base script (its users, contacts, start; its events play
   * too), with the new versions its publishes name — so a session kept with its versions resumes
   * exactly, publishes and all.
   */
  static start(
    workflows: readonly Workflow[],
    base: Script,
    versions: Readonly<Record<string, Workflow>> = {},
  ): { readonly ok: true; readonly session: LiveSession } | { readonly ok: false; readonly problems: InputProblem[] } {
    // A population's events are each contact's own, shifted by jitter: a command "now" would not be.
    if (base.population)
      return { ok: false, problems: [{ source: 'script', index: 0, path: '$.population', message: 'A live session plays the listed contacts; play a population in the simulator' }] };
    const prepared = prepareSimulation({ workflows, script: base, versions, maxTraceEntries: LIMITS.liveEntries });
    if (!prepared.ok) return prepared;
    prepared.simulation.runUntil(0);
    if (prepared.simulation.stoppedShort !== null) return { ok: false, problems: [tooLong()] };
    return { ok: true, session: new LiveSession(workflows, base, { ...versions }, prepared.simulation) };
  }

  get time(): number {
    return this.now;
  }

  /** Why the clock stopped short of where the last advance sent it; null when it got there. */
  get halted(): LiveHalt | null {
    return this.halt;
  }

  /** The last instant the session plays: commands after it would never be replayed. */
  get horizon(): number {
    return this.simulation.until;
  }

  /** The base script with every recorded command: save it, with `versions()`, and it replays this session. */
  script(): Script {
    return { ...this.base, events: [...this.base.events, ...this.recorded] };
  }

  /** The new versions the script's publishes name, by their `file`. */
  versions(): Record<string, Workflow> {
    return { ...this.versionsByFile };
  }

  /**
   * Each version a publish made live, in the order they went live: its Workflow, its number as run
   * states give it (2 for a Workflow's first publish) and the file it came from.
   */
  published(): PublishedVersion[] {
    const sim = this.simulation;
    if (this.publishedSeen.simulation !== sim) this.publishedSeen = { simulation: sim, rows: 0, versions: [] };
    const seen = this.publishedSeen;
    const trace = sim.trace;
    // Read from the trace as it grows, not from the start on every tick of the clock.
    for (; seen.rows < trace.length; seen.rows++) {
      if (trace.kindAt(seen.rows) !== K['workflow.published']) continue;
      const version = sim.workflows[trace.workflowAt(seen.rows)];
      if (version) seen.versions.push({ workflow: version.id, version: version.version + 1, file: trace.text(trace.aAt(seen.rows)) ?? '' });
    }
    return [...seen.versions];
  }

  /**
   * Publishes a new version of a Workflow now, with what becomes of its runs in flight (`policy`),
   * as a script's `workflow.publish` does — the command is recorded like any other, and the
   * version kept under `file` for the replays. A file already published in this session is
   * refused: the same publish applied twice would make a third version.
   */
  publish(command: Omit<Extract<ScriptEvent, { type: 'workflow.publish' }>, 'at' | 'type'>, version: Workflow): LiveOutcome {
    if (Object.hasOwn(this.versionsByFile, command.file))
      return { ok: false, problems: [{ source: 'script', index: 0, path: '$.file', message: `"${command.file}" was already published in this session` }] };
    const before = this.versionsByFile;
    this.versionsByFile = { ...before, [command.file]: version };
    const outcome = this.record({ type: 'workflow.publish', ...command });
    if (!outcome.ok) this.versionsByFile = before;
    return outcome;
  }

  /**
   * Carries out a command now — at the next whole second that nothing has happened in yet. Script
   * offsets are whole seconds, and at one instant external events go before timers (rule 4 of a stop,
   * SEMANTICS.md); recording at an instant whose timers already fired would rewrite what the person just saw.
   */
  command(command: LiveCommand): LiveOutcome {
    // A publish comes with its new version (see `publish`): one named by its file alone could play a version twice.
    if (command.type === 'workflow.publish')
      return { ok: false, problems: [{ source: 'script', index: 0, path: '$.type', message: 'A new version is published with its Workflow document (publish), not as a command' }] };
    return this.record(command);
  }

  private record(command: LiveCommand): LiveOutcome {
    const at = this.commandInstant();
    if (at > this.horizon)
      return {
        ok: false,
        problems: [
          {
            source: 'script',
            index: 0,
            path: '$',
            message: `The session's clock is at its end (${formatOffset(this.horizon)}): a command now would never play. Save the session as a script, or restart it.`,
          },
        ],
      };
    const event = { ...command, at: formatOffset(at) } as ScriptEvent;
    const candidate = scriptSchema.safeParse({ ...this.script(), events: [...this.script().events, event] });
    if (!candidate.success)
      return { ok: false, problems: candidate.error.issues.map((issue) => ({ source: 'script', index: 0, path: formatJsonPath(issue.path), message: issue.message })) };
    const prepared = prepareSimulation({ workflows: this.workflows, script: candidate.data, versions: this.versionsByFile, maxTraceEntries: LIMITS.liveEntries });
    if (!prepared.ok) return prepared;
    prepared.simulation.runUntil(at);
    // Refused whole: the session stays as it was.
    if (prepared.simulation.stoppedShort !== null) return { ok: false, problems: [tooLong()] };
    const before = this.simulation.trace.length;
    this.recorded = [...this.recorded, event];
    this.simulation = prepared.simulation;
    this.now = at;
    this.halt = null;
    return { ok: true, entries: [...traceEntries(this.simulation, Math.min(before, this.simulation.trace.length))] };
  }

  private commandInstant(): number {
    const trace = this.simulation.trace;
    const last = trace.length > 0 ? materializeEntry(this.simulation, trace.length - 1).t : -1;
    return Math.max(Math.ceil(this.now / 1000) * 1000, (Math.floor(last / 1000) + 1) * 1000);
  }

  /**
   * When the next thing time alone brings about is due (ms since start): the timer of an active run,
   * or the resume of a paused one whose team stays quiet — or `null` when there is none. Read from
   * the runs, not the queue: a stopped run's timer stays queued until skipped, and a resume a
   * person's message pushed back stays queued at its old instant; jumping to either would show
   * nothing happening.
   */
  nextDue(): number | null {
    let next = Infinity;
    for (const run of runStates(this.simulation)) {
      const due = run.status === 'active' ? run.due : run.status === 'paused' ? run.resumesAt : undefined;
      if (due !== undefined && due < next) next = due;
    }
    return Number.isFinite(next) ? next : null;
  }

  /**
   * Lets virtual time pass (time warp): timers due meanwhile fire. The clock stops short — at the
   * last instant played, with the reason in `halted` — at the session's horizon, after
   * LIMITS.liveEntriesPerAdvance new trace entries (a Workflow that loops every second), or when
   * the session's trace is full; it never runs away, and never passes what it played.
   */
  advance(ms: number): readonly TraceEntry[] {
    const sim = this.simulation;
    const before = sim.trace.length;
    // Whole milliseconds: a sliver of one (5e-324) would put the clock past the instant a command is recorded at.
    const wanted = this.now + Math.max(0, Math.floor(ms));
    const target = Math.min(wanted, this.horizon);
    const reached = sim.runUntil(target, LIMITS.liveEntriesPerAdvance);
    this.now = reached ? target : Math.max(this.now, sim.now);
    this.halt = reached
      ? wanted > this.horizon
        ? { reason: 'horizon', at: this.now, message: `The session's clock stops at ${formatOffset(this.horizon)}, the end of what it plays.` }
        : null
      : sim.stoppedShort !== null
        ? { reason: 'session_full', at: this.now, message: tooLong().message }
        : {
            reason: 'advance_limit',
            at: this.now,
            message: `The clock stopped at ${formatOffset(this.now)}: ${formatCount(LIMITS.liveEntriesPerAdvance)} trace entries in one step of time. A Workflow may loop with a short Wait; play on to see more.`,
          };
    return [...traceEntries(sim, before)];
  }

  /** Jumps to the next timer of an active run or resume of a paused one; `null` when there is none. */
  jumpToNext(): readonly TraceEntry[] | null {
    const due = this.nextDue();
    if (due === null) return null;
    return this.advance(due - this.now);
  }

  runs(): RunState[] {
    return runStates(this.simulation);
  }

  contacts(): ContactState[] {
    return contactStates(this.simulation);
  }

  /** The trace from entry `from` on (all of it by default). */
  trace(from = 0): TraceEntry[] {
    return [...traceEntries(this.simulation, from)];
  }

  get traceLength(): number {
    return this.simulation.trace.length;
  }
}

function tooLong(): InputProblem {
  return {
    source: 'script',
    index: 0,
    path: '$',
    message: `This session would record more than ${formatCount(LIMITS.liveEntries)} trace entries, the most a live session holds. Save it as a script and play it in the simulator, or restart it.`,
  };
}
