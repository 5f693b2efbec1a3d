import { BreakpointMatcher } from '../engine/breakpointMatcher.ts';
import { checkExpectations } from '../engine/expectations.ts';
import { materializeEntry, runState } from '../engine/materialize.ts';
import { nodeStats, StepPassCounter } from '../engine/nodeStats.ts';
import { pausedAtSteps, pausesOverTime, stepFunnel, stopsOverTime } from '../engine/populationSeries.ts';
import { prepareSimulation } from '../engine/prepareSimulation.ts';
import { describeStoppedShort } from '../engine/describeStoppedShort.ts';
import type { Simulation } from '../engine/simulation.ts';
import { K } from '../engine/traceLog.ts';
import { breakpointsSchema, type BreakpointHit, type Breakpoints, type SetBreakpointsResult } from '../schema/breakpoints.ts';
import { formatJsonPath } from '../schema/parseDocument.ts';
import {
  playbackLoadSchema,
  seekOptionsSchema,
  type PlaybackFrame,
  type PlaybackInfo,
  type PlaybackLoad,
  type PlaybackLoadResult,
  type PlaybackResult,
  type PopulationChartsResult,
  type TimelineMark,
} from '../schema/playback.ts';
import { reportRowsRequestSchema, type ReportRows, type SimulationReportOutcome } from '../schema/report.ts';
import type { InputProblem } from '../schema/result.ts';
import type { TraceEntry } from '../schema/trace.ts';
import { reportRunRows, reportTraceRows, simulationReport } from '../trace/simulationReport.ts';

/** At most this many marks on the timeline: more would not fit the scrubber, and cost a population's frame. */
export const MAX_MARKS = 400;
/** How many bars the stops-over-time chart has at most. */
export const CHART_BUCKETS = 48;
/** At most this many contacts listed to pick from. */
export const MAX_LISTED_CONTACTS = 200;
/** The most trace entries of the selected contact the page holds; a frame never sends more. */
export const CONTACT_TRACE_WINDOW = 5_000;

const refused = (message: string): PlaybackResult => ({ ok: false, problems: [{ source: 'script', index: 0, path: '$', message }] });

/**
 * The simulator workspace's playback, as the worker serves it: a simulation that moves forward by
 * time (play), by one event (step) or to the next instant with something in it, and goes back by
 * re-simulating from the start (seek) — deterministic, so the same instant shows the same state.
 * Each answer is one small frame: per-step counts and the selected contact's runs and new trace
 * entries, never a population's whole trace. The one exception is asked for separately: `report`,
 * the end-of-run report with the whole trace. Arguments are untrusted and parsed.
 */
export class PlaybackService {
  private input: PlaybackLoad | null = null;
  private sim: Simulation | null = null;
  private passes: StepPassCounter | null = null;
  private time = 0;
  private end = 0;
  private contact = -1;
  private contactId = '';
  /** The trace rows of the selected contact scanned so far, and how many of its entries were sent. */
  private scanned = 0;
  private contactRows: number[] = [];
  /** The first of `contactRows` the page holds: the ones before it were left out (see `contactFrame`). */
  private windowStart = 0;
  private sent = 0;
  /** What is loaded, run to the end (for the timeline at load): the end-of-run report reads it. */
  private finished: Simulation | null = null;
  /** The end-of-run report of what is loaded, once asked for; a load or reload drops it. */
  private reported: SimulationReportOutcome | null = null;
  /** Where playback pauses by itself; kept across loads (the UI keeps them with the workspace). */
  private breakpoints: Breakpoints = { steps: [], anyStop: false, stopReasons: [] };
  private matcher: BreakpointMatcher | null = null;
  /** The trace rows checked against the breakpoints: a row is checked once, so playing on after a pause never pauses at it again. */
  private checked = 0;

  load(raw: unknown): PlaybackLoadResult {
    const parsed = playbackLoadSchema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        problems: parsed.error.issues.map((issue): InputProblem => {
          const [document, index, ...rest] = issue.path;
          if (document === 'script') return { source: 'script', index: 0, path: formatJsonPath(issue.path.slice(1)), message: issue.message };
          if (document === 'workflows' && typeof index === 'number') return { source: 'workflow', index, path: formatJsonPath(rest), message: issue.message };
          // A new version a publish names: the script's problem, at the version's place.
          if (document === 'versions') return { source: 'script', index: 0, path: formatJsonPath(issue.path), message: issue.message };
          return { source: 'workflow', index: 0, path: formatJsonPath(issue.path), message: issue.message };
        }),
      };
    const whole = prepareSimulation(parsed.data);
    if (!whole.ok) return { ok: false, problems: whole.problems };
    const info = this.timeline(whole.simulation.runToEnd(), parsed.data);
    this.input = parsed.data;
    this.finished = whole.simulation;
    this.reported = null;
    this.end = info.end;
    this.restart();
    this.select(info.contacts[0]?.id ?? '');
    return { ok: true, info, frame: this.frame() };
  }

  /** Plays `ms` of virtual time (a tick of play at some speed); stops at the end, or at a breakpoint. */
  advance(ms: unknown): PlaybackResult {
    if (!this.sim) return refused('Nothing is loaded');
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return refused('Time can only move forward by a finite number of milliseconds');
    return this.seek(Math.min(this.end, this.time + ms));
  }

  /**
   * Goes to any instant: forward by playing on (pausing at a breakpoint on the way, unless
   * `{ breakpoints: 'pass' }`), back by re-simulating from the start.
   */
  seek(to: unknown, options?: unknown): PlaybackResult {
    if (!this.sim) return refused('Nothing is loaded');
    if (typeof to !== 'number' || !Number.isFinite(to)) return refused('Seek to a number of milliseconds since the start');
    const parsed = seekOptionsSchema.safeParse(options);
    if (!parsed.success) return refused(`Not a seek's options: ${parsed.error.issues[0]?.message ?? ''}`);
    const target = Math.max(0, Math.min(this.end, to));
    if (target < this.time) {
      this.restart();
      this.sim.runUntil(target);
      this.time = target;
      this.checked = this.sim.trace.length;
      return { ok: true, frame: this.frame() };
    }
    return { ok: true, frame: this.frame(this.playTo(target, parsed.data?.breakpoints !== 'pass')) };
  }

  /** Processes exactly one queued entry (an event or a timer) and moves the clock to it. */
  step(): PlaybackResult {
    const sim = this.sim;
    if (!sim) return refused('Nothing is loaded');
    const pending = this.nextHit();
    if (pending) return { ok: true, frame: this.frame(pending) };
    if (sim.step()) this.time = Math.max(this.time, sim.now);
    return { ok: true, frame: this.frame(this.nextHit()) };
  }

  /** Moves to the next instant at which something happens, and processes all of it (up to a breakpoint). */
  nextEvent(): PlaybackResult {
    const sim = this.sim;
    if (!sim) return refused('Nothing is loaded');
    const before = sim.trace.length;
    // A cancelled timer is queued but does nothing: keep going until something happens.
    while (sim.trace.length === before && sim.hasPending() && sim.nextEventTime() <= this.end) {
      const hit = this.playTo(sim.nextEventTime(), true);
      if (hit) return { ok: true, frame: this.frame(hit) };
    }
    return { ok: true, frame: this.frame(this.nextHit()) };
  }

  /** To the end of the run, or to the first breakpoint on the way. */
  runToEnd(): PlaybackResult {
    return this.seek(this.end);
  }

  /**
   * Sets where playback pauses by itself. Refused, with JSON paths, when not a list of
   * breakpoints; a step breakpoint naming no step of what is loaded is kept but listed in
   * `ignored`, with why. Rows already played are not checked again: a new breakpoint pauses at
   * what comes next.
   */
  setBreakpoints(raw: unknown): SetBreakpointsResult {
    const parsed = breakpointsSchema.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        problems: parsed.error.issues.map((issue): InputProblem => ({ source: 'script', index: 0, path: formatJsonPath(issue.path), message: `Breakpoints: ${issue.message}` })),
      };
    this.breakpoints = parsed.data;
    this.matcher = this.sim ? new BreakpointMatcher(this.sim, this.breakpoints) : null;
    return { ok: true, breakpoints: parsed.data, ignored: this.unknownBreakpoints() };
  }

  /** The population charts at the current instant, for one Workflow's funnel. */
  populationCharts(workflowId: unknown): PopulationChartsResult {
    const sim = this.sim;
    if (!sim) return { ok: false, problems: [{ source: 'script', index: 0, path: '$', message: 'Nothing is loaded' }] };
    if (typeof workflowId !== 'string' || sim.resolveWorkflow(workflowId) < 0)
      return { ok: false, problems: [{ source: 'workflow', index: 0, path: '$', message: `No Workflow "${String(workflowId)}" is loaded` }] };
    const id = sim.workflows[sim.resolveWorkflow(workflowId)]?.id as string;
    return {
      ok: true,
      stops: stopsOverTime(sim, CHART_BUCKETS, { end: this.end, workflow: id }),
      funnel: stepFunnel(sim, id),
      pauses: pausesOverTime(sim, CHART_BUCKETS, { end: this.end, workflow: id }),
      pausedAtSteps: pausedAtSteps(sim, id),
    };
  }

  /** Follows another contact: the next frame carries its whole trace so far. */
  selectContact(id: unknown): PlaybackResult {
    if (!this.sim) return refused('Nothing is loaded');
    if (typeof id !== 'string' || this.sim.feed.contactOf(id) < 0) return refused(`No contact "${String(id)}" in this script`);
    this.select(id);
    return { ok: true, frame: this.frame() };
  }

  /**
   * New Workflows (an edit) or a new script: re-simulates from the start to the same instant, so an
   * edit shows its effect where the person is looking.
   */
  reload(raw: unknown): PlaybackLoadResult {
    const at = this.time;
    const contact = this.contactId;
    const loaded = this.load(raw);
    if (!loaded.ok || !this.sim) return loaded;
    if (this.sim.feed.contactOf(contact) >= 0) this.select(contact);
    // Back where the person was, not at a breakpoint on the way.
    const frame = this.seek(at, { breakpoints: 'pass' });
    return frame.ok ? { ok: true, info: loaded.info, frame: frame.frame } : loaded;
  }

  /**
   * The end-of-run report of what is loaded now (after a reload, the edited Workflows): the
   * verdict, the expectations, and the first page of runs and trace entries with the engine's
   * names and sentences. It reads the run to the end made at load, so the playback stays where it
   * is; asked again before the next load, the same answer.
   *
   * @example service.reload(edited); service.report() // the report with the edited settings
   */
  report(): SimulationReportOutcome {
    const sim = this.finished;
    if (!sim || !this.input) return { ok: false, problems: [{ source: 'script', index: 0, path: '$', message: 'Nothing is loaded' }] };
    this.reported ??= { ok: true, report: simulationReport(sim, this.input.script) };
    return this.reported;
  }

  /** More rows of the report of what is loaded: `{ kind: 'runs' | 'trace', from, count }`. */
  reportRows(raw: unknown): ReportRows {
    const sim = this.finished;
    const report = this.report();
    if (!sim || !report.ok) return { ok: false, problems: report.ok ? [{ source: 'script', index: 0, path: '$', message: 'Nothing is loaded' }] : report.problems };
    const request = reportRowsRequestSchema.safeParse(raw);
    if (!request.success) return { ok: false, problems: [{ source: 'script', index: 0, path: '$', message: `Not a page of the report: ${request.error.issues[0]?.message ?? ''}` }] };
    const { kind, from, count } = request.data;
    const traceHash = report.report.traceHash;
    return kind === 'runs'
      ? { ok: true, kind, traceHash, from, rows: reportRunRows(sim, from, count) }
      : { ok: true, kind, traceHash, from, rows: reportTraceRows(sim, from, count) };
  }

  private restart(): void {
    // The run to the end made at load holds the trace: playing again replays it rather than keep a second copy.
    const prepared = prepareSimulation({ ...(this.input as PlaybackLoad), replays: (this.finished as Simulation).trace });
    if (!prepared.ok) throw new Error('inputs that prepared once prepare again');
    this.sim = prepared.simulation;
    this.passes = new StepPassCounter(this.sim);
    this.matcher = new BreakpointMatcher(this.sim, this.breakpoints);
    this.checked = 0;
    this.time = 0;
    this.forgetContactTrace();
  }

  /**
   * Plays forward to `target`. With breakpoints, one queued entry at a time: after each, its new
   * rows are checked, and at the first that meets a breakpoint playback stays there — the clock at
   * that entry's instant, the rest of the instant still queued.
   */
  private playTo(target: number, stopAtBreakpoints: boolean): BreakpointHit | undefined {
    const sim = this.sim as Simulation;
    const matcher = this.matcher as BreakpointMatcher;
    if (stopAtBreakpoints && matcher.armed) {
      const pending = this.nextHit();
      if (pending) return pending;
      while (sim.stepUntil(target)) {
        this.time = Math.max(this.time, sim.now);
        const hit = this.nextHit();
        if (hit) return hit;
      }
    }
    sim.runUntil(target);
    this.time = Math.max(this.time, target);
    this.checked = sim.trace.length;
    return undefined;
  }

  /**
   * The first unchecked row that meets a breakpoint, checked from now on; or none, every row checked.
   * One queued entry can write several (two runs stopped by one message): each pauses in turn,
   * without the clock moving.
   */
  private nextHit(): BreakpointHit | undefined {
    const sim = this.sim as Simulation;
    const matcher = this.matcher as BreakpointMatcher;
    const row = matcher.firstHit(this.checked, sim.trace.length);
    if (row < 0) {
      this.checked = sim.trace.length;
      return undefined;
    }
    this.checked = row + 1;
    return matcher.describe(row);
  }

  /** The step breakpoints that name no Workflow or step loaded now, each with why. */
  private unknownBreakpoints(): { path: string; message: string }[] {
    const sim = this.sim;
    if (!sim) return [];
    const ignored: { path: string; message: string }[] = [];
    this.breakpoints.steps.forEach(({ workflow, step }, i) => {
      const versions = sim.workflows.filter((compiled) => compiled.id === workflow);
      if (versions.length === 0) ignored.push({ path: `$.steps[${i}]`, message: `No Workflow "${workflow}" is loaded: this breakpoint pauses nothing` });
      else if (!versions.some((compiled) => compiled.nodeIndex.has(step)))
        ignored.push({ path: `$.steps[${i}].step`, message: `"${versions[0]?.name ?? workflow}" has no step "${step}": this breakpoint pauses nothing` });
    });
    return ignored;
  }

  /** The selected contact's trace starts over: the next frame sends it from the beginning. */
  private forgetContactTrace(): void {
    this.scanned = 0;
    this.contactRows = [];
    this.sent = 0;
    this.windowStart = 0;
  }

  private select(id: string): void {
    this.contactId = id;
    this.contact = this.sim?.feed.contactOf(id) ?? -1;
    this.forgetContactTrace();
  }

  private frame(hit?: BreakpointHit): PlaybackFrame {
    const sim = this.sim as Simulation;
    // Nothing real is due after `end` (the last entry of the whole run): what is queued later is a
    // cancelled timer of a run that stopped.
    const due = sim.hasPending() ? sim.nextEventTime() : Infinity;
    const next = due <= this.end ? due : null;
    return {
      time: this.time,
      nextEventTime: next,
      done: next === null,
      stats: nodeStats(sim, this.passes as StepPassCounter),
      runCount: sim.runs.length,
      eventsProcessed: sim.eventsProcessed,
      ...(hit === undefined ? {} : { hit }),
      contact: this.contact < 0 ? null : this.contactFrame(sim),
    };
  }

  private contactFrame(sim: Simulation): NonNullable<PlaybackFrame['contact']> {
    const trace = sim.trace;
    for (let row = this.scanned; row < trace.length; row++) if (trace.contactAt(row) === this.contact) this.contactRows.push(row);
    this.scanned = trace.length;
    const rows = this.contactRows;
    // When more is new than the window, or the page would hold four windows, its list starts over
    // with the latest entries: a seek across a year of a loop every second sends
    // CONTACT_TRACE_WINDOW entries, not millions, and playing on appends.
    const restart = rows.length - this.sent > CONTACT_TRACE_WINDOW || rows.length - this.windowStart > 4 * CONTACT_TRACE_WINDOW;
    if (restart) this.windowStart = rows.length - CONTACT_TRACE_WINDOW;
    const from = restart ? 0 : this.sent - this.windowStart;
    const entries: TraceEntry[] = rows.slice(this.windowStart + from).map((row) => materializeEntry(sim, row));
    this.sent = rows.length;
    const runs = [];
    for (let run = 0; run < sim.runs.length; run++) if (sim.runs.contact(run) === this.contact) runs.push(runState(sim, run));
    return { id: this.contactId, runs, trace: { from, entries, ...(this.windowStart > 0 ? { omitted: this.windowStart } : {}) } };
  }

  /** The whole run's timeline, from a simulation run to the end: its end and its marks. */
  private timeline(whole: Simulation, input: PlaybackLoad): PlaybackInfo {
    const trace = whole.trace;
    const end = trace.length > 0 ? trace.tAt(trace.length - 1) : 0;
    // Two kinds of mark per bucket: half as many buckets keeps the marks within MAX_MARKS.
    const bucket = Math.max(1, Math.ceil((end + 1) / (MAX_MARKS / 2)));
    const marks = new Map<string, TimelineMark>();
    for (let row = 0; row < trace.length; row++) {
      const kind = trace.kindAt(row) === K.event ? 'event' : trace.kindAt(row) === K['run.stopped'] ? 'stop' : null;
      if (!kind) continue;
      const t = Math.floor(trace.tAt(row) / bucket) * bucket;
      const key = `${kind}@${t}`;
      const mark = marks.get(key);
      marks.set(key, { t: mark?.t ?? trace.tAt(row), kind, count: (mark?.count ?? 0) + 1 });
    }
    const listed = Math.min(whole.feed.contactCount, MAX_LISTED_CONTACTS);
    return {
      startEpochMs: whole.startEpochMs,
      timeZone: input.script.timezone,
      end,
      marks: [...marks.values()].sort((a, b) => a.t - b.t),
      contacts: Array.from({ length: listed }, (_, i) => ({ id: whole.feed.contactId(i), name: whole.feed.contactName(i) })),
      contactCount: whole.feed.contactCount,
      ...(whole.stoppedShort && { stoppedShort: { entries: whole.stoppedShort.entries, at: whole.stoppedShort.at, message: describeStoppedShort(whole.stoppedShort) } }),
      expectations: checkExpectations(whole, input.script).map((result) =>
        result.traceSeq === undefined || result.traceSeq >= trace.length ? result : { ...result, at: trace.tAt(result.traceSeq) },
      ),
    };
  }
}
