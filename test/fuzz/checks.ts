import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE } from '../../simulator/cli/parseArgs.ts';
import { runSimulate } from '../../simulator/cli/runSimulate.ts';
import { checkExpectations } from '../../simulator/engine/expectations.ts';
import { materializeEntry, runStates } from '../../simulator/engine/materialize.ts';
import { prepareSimulation, type PrepareInput } from '../../simulator/engine/prepareSimulation.ts';
import { hashTrace } from '../../simulator/engine/traceHash.ts';
import { LIMITS } from '../../simulator/schema/limits.ts';
import { parseScriptDocument, parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';
import type { RunState } from '../../simulator/schema/run.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { CompareService } from '../../simulator/service/compareService.ts';
import { LiveSessionService } from '../../simulator/service/liveSessionService.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { buildCompareRequest, buildWorld, expand, type CliCase, type CompareCase, type EngineCase, type Json, type LiveCase, type Loadable, type PlaybackCase } from './arbitraries.ts';
import { buildCliArgs } from './cliArgs.ts';
import { ENGINE_TRACE_CAP } from './profile.ts';

/**
 * The invariants, checked inside the sandbox (a worker thread the test can terminate). Each check
 * takes one generated case and answers with what happened, or with the first invariant it broke.
 * Nothing here throws: an exception from the code under test is itself a broken invariant.
 */

export type Outcome = 'refused' | 'finished' | 'stopped_short';
export type Verdict =
  | { readonly ok: true; readonly outcome: Outcome; readonly note?: string }
  | { readonly ok: false; readonly invariant: string; readonly detail: string };

class Broken extends Error {
  constructor(
    readonly invariant: string,
    readonly detail: string,
  ) {
    super(`${invariant}: ${detail}`);
  }
}

function check(condition: unknown, invariant: string, detail: () => string): asserts condition {
  if (!condition) throw new Broken(invariant, detail());
}

const clip = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
const show = (value: unknown) => {
  try {
    return clip(JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
};

/** Runs a check; any exception from the code under test becomes "no exception escapes". */
export async function guarded(body: () => Outcome | Promise<Outcome>): Promise<Verdict> {
  try {
    return { ok: true, outcome: await body() };
  } catch (error) {
    if (error instanceof Broken) return { ok: false, invariant: error.invariant, detail: error.detail };
    const e = error as Error;
    return { ok: false, invariant: 'no exception escapes', detail: clip(`${e?.name ?? 'Error'}: ${e?.message ?? String(error)}\n${e?.stack ?? ''}`, 1500) };
  }
}

/** A refusal names where: every problem has a JSON path starting at `$` and a message. */
function checkProblems(problems: readonly { path: unknown; message: unknown }[] | undefined, where: string): void {
  check(Array.isArray(problems) && problems.length > 0, 'a refusal lists its problems', () => `${where}: ${show(problems)}`);
  for (const problem of problems) {
    check(typeof problem.path === 'string' && problem.path.startsWith('$'), 'a refusal has a JSON path', () => `${where}: ${show(problem)}`);
    check(typeof problem.message === 'string' && problem.message.length > 0, 'a refusal has a message', () => `${where}: ${show(problem)}`);
  }
}

const isFiniteTime = (t: unknown) => typeof t === 'number' && Number.isFinite(t) && t >= 0;

/** Runs stopped by hand: each by a user who may stop (not restricted). */
function checkManualStops(runs: readonly RunState[], restricted: ReadonlySet<string>, where: string): void {
  for (const run of runs) {
    if (run.status !== 'stopped' || run.reason !== 'manual') continue;
    check(run.stoppedBy !== undefined && run.stoppedBy !== '', 'a restricted user never stops anything', () => `${where}: run ${run.run} of ${run.workflow} stopped by hand by no user: ${show(run)}`);
    check(!restricted.has(run.stoppedBy), 'a restricted user never stops anything', () => `${where}: run ${run.run} of ${run.workflow} stopped by restricted ${run.stoppedBy}`);
  }
}

function restrictedUsers(script: { users: readonly { id: string; restricted: boolean }[] }): Set<string> {
  return new Set(script.users.filter((user) => user.restricted).map((user) => user.id));
}

/** Every stop of the script is by a restricted user: then nothing may end `stopped (manual)`. */
function onlyRestrictedStop(script: Script): boolean {
  const restricted = restrictedUsers(script);
  return script.events.every((event) => event.type !== 'workflow.stop' || restricted.has(event.user));
}

/** Trace entries of a run name the run's own Workflow (the trace's Workflow column is wide enough). */
function checkAttribution(trace: readonly TraceEntry[], runs: readonly RunState[], where: string): void {
  const byRun = new Map(runs.map((run) => [run.run, run.workflow]));
  for (const entry of trace) {
    if (entry.run === undefined || entry.workflow === undefined) continue;
    const workflow = byRun.get(entry.run);
    check(workflow === undefined || workflow === entry.workflow, 'the trace names the Workflow of its run', () => `${where}: entry ${entry.seq} (${entry.kind}) says ${entry.workflow}, run ${entry.run} is of ${workflow}`);
  }
}

// ── (1) the engine: parse, prepare, run to the end ──────────────────────────────────────────

export function checkEngine(input: EngineCase): Outcome {
  const world = buildWorld(input.world);
  const until = decodeNumber(input.until);
  const workflows: Workflow[] = [];
  let refused = false;
  world.workflows.forEach((raw, i) => {
    const parsed = parseWorkflowDocument(raw);
    if (parsed.ok) workflows.push(parsed.value);
    else {
      checkProblems(parsed.issues, `workflow ${i}`);
      refused = true;
    }
  });
  const script = parseScriptDocument(world.script);
  if (!script.ok) checkProblems(script.issues, 'script');
  if (refused || !script.ok) return 'refused';

  // `maxTraceEntries` is the work cap of SimulationInput (issue 13, Build 2): a small one keeps a case quick.
  const prepareInput = { workflows, script: script.value, maxTraceEntries: ENGINE_TRACE_CAP, ...(until === null ? {} : { until }) };
  const prepared = prepareSimulation(prepareInput as PrepareInput);
  if (!prepared.ok) {
    checkProblems(prepared.problems, 'prepareSimulation');
    for (const problem of prepared.problems) check(problem.source === 'workflow' || problem.source === 'script', 'a refusal names its document', () => show(problem));
    return 'refused';
  }
  const sim = prepared.simulation.runToEnd();
  // One event may add a burst of entries after the cap is reached (at most the runaway guard's steps).
  check(sim.trace.length <= ENGINE_TRACE_CAP + 10_000, 'the trace stays within the work cap', () => `${sim.trace.length} entries with maxTraceEntries ${ENGINE_TRACE_CAP}`);
  check(Number.isFinite(sim.now) && sim.now >= 0, 'the clock stays finite', () => `now = ${sim.now}`);
  const runs = runStates(sim);
  const trace: TraceEntry[] = [];
  for (let i = 0; i < sim.trace.length; i++) {
    const entry = materializeEntry(sim, i);
    check(isFiniteTime(entry.t), 'trace times are finite', () => show(entry));
    JSON.stringify(entry);
    trace.push(entry);
  }
  for (const run of runs) {
    check(isFiniteTime(run.startedAt) && (run.endedAt === undefined || isFiniteTime(run.endedAt)), 'run times are finite', () => show(run));
    // What the command line prints: an ISO date for each instant.
    if (run.endedAt !== undefined) new Date(sim.startEpochMs + run.endedAt).toISOString();
  }
  checkManualStops(runs, restrictedUsers(script.value), 'engine');
  if (onlyRestrictedStop(script.value))
    check(!trace.some((e) => e.kind === 'run.stopped' && e.reason === 'manual'), 'a restricted user never stops anything', () => `only restricted users stop, yet: ${show(trace.find((e) => e.kind === 'run.stopped' && e.reason === 'manual'))}`);
  checkAttribution(trace, runs, 'engine');
  checkExpectations(sim, script.value);
  hashTrace(sim);
  return sim.stoppedShort ? 'stopped_short' : 'finished';
}

// ── (2) the live session ────────────────────────────────────────────────────────────────────

/** `'NaN'`, `'Infinity'`, `'-Infinity'` and `'undefined'` stand for values JSON cannot carry. */
export function decodeNumber(value: Json): unknown {
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (value === 'undefined') return undefined;
  return value;
}

interface LiveSnapshot {
  readonly time: number;
  readonly runs: string;
  readonly contacts: string;
  readonly trace: number;
  readonly traceHash: string;
  readonly script: string;
}

type SessionLike = { time: number; runs(): RunState[]; contacts(): unknown[]; trace(): TraceEntry[] };

/** What the session holds now, read without changing it. */
function snapshot(service: LiveSessionService): LiveSnapshot | null {
  const session = (service as unknown as { session?: SessionLike | null }).session;
  if (!session || typeof session.runs !== 'function') return null;
  const trace = session.trace();
  return {
    time: session.time,
    runs: JSON.stringify(session.runs()),
    contacts: JSON.stringify(session.contacts()),
    trace: trace.length,
    traceHash: JSON.stringify(trace.slice(-50)),
    script: JSON.stringify(service.script()),
  };
}

/** Entries one answer of the live session may carry (`LIMITS.liveEntries`), with a burst's slack. */
const LIVE_TRACE_MAX = LIMITS.liveEntries + 10_000;

/** The value a service is given: a built world, in the service's own shape, or the raw value. */
function loadValue(load: Loadable, scriptKey: 'base' | 'script'): Json {
  if ('raw' in load) return expand(load.raw);
  const world = buildWorld(load.world);
  return { workflows: world.workflows, [scriptKey]: world.script };
}

/** A command with its hostile values made whole (a deep value travels as a marker). */
function expandCommand(input: Json): Json {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return expand(input);
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(input)) Object.defineProperty(out, key, { value: expand(value), enumerable: true, writable: true, configurable: true });
  return out;
}

export function checkLive(input: LiveCase): Outcome {
  const service = new LiveSessionService();
  const startValue = loadValue(input.start, 'base');
  const started = service.start(startValue);
  if (!started.ok) {
    checkProblems(started.problems, 'start');
    check(service.script() === null, 'a refused start starts nothing', () => 'a session exists after a refused start');
  }
  const base = started.ok ? (startValue as { base: { users?: { id: string; restricted?: boolean }[] } }).base : null;
  const restricted = new Set((base?.users ?? []).filter((u) => u.restricted === true).map((u) => u.id));
  let lastTime = started.ok ? started.update.time : 0;
  let traceLength = started.ok ? started.update.trace.entries.length : 0;
  let outcome: Outcome = started.ok ? 'finished' : 'refused';

  input.ops.forEach((op, i) => {
    const where = `op ${i} (${op.op})`;
    const before = snapshot(service);
    const result =
      op.op === 'command' ? service.command(expandCommand(op.input)) : op.op === 'advance' ? service.advance(decodeNumber(op.ms)) : op.op === 'jumpToNext' ? service.jumpToNext() : service.start(op.input);
    check(result !== null && typeof result === 'object' && typeof result.ok === 'boolean', 'every answer is ok or a refusal', () => `${where}: ${show(result)}`);
    if (!result.ok) {
      checkProblems(result.problems, where);
      const after = snapshot(service);
      check(JSON.stringify(after) === JSON.stringify(before), 'refused commands change nothing', () => `${where} with ${show(op)}: before ${show(before)}, after ${show(after)}`);
      return;
    }
    const update = result.update;
    check(isFiniteTime(update.time), 'the clock stays finite', () => `${where}: time = ${update.time}`);
    check(update.time >= lastTime, 'the clock never goes back', () => `${where}: ${lastTime} → ${update.time}`);
    check(update.nextDue === null || isFiniteTime(update.nextDue), 'the next timer is a finite time', () => `${where}: nextDue = ${update.nextDue}`);
    lastTime = update.time;
    traceLength = update.trace.from + update.trace.entries.length;
    check(update.trace.entries.length <= LIMITS.liveEntriesPerAdvance + 10_000 || op.op === 'command', 'one step of the live clock is bounded', () => `${where}: ${update.trace.entries.length} new entries`);
    check(traceLength <= LIVE_TRACE_MAX, "a live session's trace is bounded", () => `${where}: ${traceLength} entries`);
    checkManualStops(update.runs, restricted, where);
    if (op.op === 'command' && before) {
      const command = (op.input ?? {}) as { type?: unknown; user?: unknown };
      if (command.type === 'workflow.stop' && typeof command.user === 'string' && restricted.has(command.user)) {
        const manual = (runs: string) => (JSON.parse(runs) as RunState[]).filter((r) => r.status === 'stopped' && r.reason === 'manual').length;
        const after = snapshot(service);
        check(after !== null && manual(after.runs) <= manual(before.runs), 'a restricted user never stops anything', () => `${where}: ${command.user}'s stop stopped a run`);
      }
      // An accepted command is carried out: the session's trace records it as an event.
      const after = snapshot(service);
      if (after) check(after.trace > before.trace, 'an accepted command is applied', () => `${where}: ${show(op.input)} accepted at ${update.time} ms, trace still ${after.trace} entries`);
    }
    JSON.stringify(update);
    outcome = 'finished';
  });
  return outcome;
}

// ── (3) playback and compare ────────────────────────────────────────────────────────────────

export function checkPlayback(input: PlaybackCase): Outcome {
  const service = new PlaybackService();
  const loadInput = loadValue(input.load, 'script');
  const loaded = service.load(loadInput);
  if (!loaded.ok) checkProblems(loaded.problems, 'load');
  else {
    check(isFiniteTime(loaded.info.end), 'the timeline ends at a finite time', () => `end = ${loaded.info.end}`);
    JSON.stringify(loaded);
  }
  input.ops.forEach((op, i) => {
    const where = `op ${i} (${op.op})`;
    const arg = 'arg' in op ? decodeNumber(expand(op.arg)) : undefined;
    const result = (() => {
      switch (op.op) {
        case 'advance': return service.advance(arg);
        case 'seek': return service.seek(arg);
        case 'step': return service.step();
        case 'nextEvent': return service.nextEvent();
        case 'runToEnd': return service.runToEnd();
        case 'report': return service.report();
        case 'selectContact': return service.selectContact(arg);
        case 'populationCharts': return service.populationCharts(arg);
        case 'reportRows': return service.reportRows(arg);
      }
    })();
    check(result !== null && typeof result === 'object' && typeof result.ok === 'boolean', 'every answer is ok or a refusal', () => `${where}: ${show(result)}`);
    if (!result.ok) {
      checkProblems(result.problems, where);
      return;
    }
    if ('frame' in result) {
      const frame = result.frame;
      check(isFiniteTime(frame.time), 'playback time is finite', () => `${where}: ${frame.time}`);
      check(frame.nextEventTime === null || isFiniteTime(frame.nextEventTime), 'the next event time is finite', () => `${where}: ${frame.nextEventTime}`);
    }
    JSON.stringify(result);
  });
  if (loaded.ok) {
    const script = (loadInput as { script: unknown }).script;
    const parsed = parseScriptDocument(script);
    const report = service.report();
    if (report.ok && parsed.ok) {
      const runs = report.report.runs.map((row) => row.state);
      checkManualStops(runs, restrictedUsers(parsed.value), 'report');
      if (onlyRestrictedStop(parsed.value))
        check(!runs.some((r) => r.status === 'stopped' && r.reason === 'manual'), 'a restricted user never stops anything', () => `report: ${show(runs.find((r) => r.reason === 'manual'))}`);
    }
  }
  return loaded.ok ? 'finished' : 'refused';
}

export function checkCompare(input: CompareCase): Outcome {
  const result = new CompareService().compare(buildCompareRequest(input));
  check(result !== null && typeof result === 'object' && typeof result.ok === 'boolean', 'every answer is ok or a refusal', () => show(result));
  if (!result.ok) {
    checkProblems(result.problems, 'compare');
    return 'refused';
  }
  for (const row of result.result.rows)
    for (const cell of row.cells) {
      if (!cell.ok) {
        checkProblems(cell.problems, `script ${row.script} ${cell.configuration}`);
        continue;
      }
      for (const run of cell.runs) {
        check(isFiniteTime(run.startedAt) && (run.at === undefined || isFiniteTime(run.at)), 'run times are finite', () => show(run));
        if (run.status === 'stopped' && run.reason === 'manual') check(run.stoppedBy !== undefined && run.stoppedBy.id !== '', 'a restricted user never stops anything', () => `compare: ${show(run)}`);
      }
    }
  JSON.stringify(result);
  return 'finished';
}

// ── (4) the command line ────────────────────────────────────────────────────────────────────

/** A line of a stack trace, or the name of an error printed by Node. */
const STACK = /^\s+at .+[(:]\d+|(?:TypeError|RangeError|ReferenceError|SyntaxError|Error)(?:\s\[\w+\])?: |node:internal/m;

/**
 * What the command line printed. stdout is checked as it comes and not kept (a 10,000,000-entry
 * trace printed with --json is gigabytes): a stack-trace line, and `--json` run lines that show a
 * manual stop by a restricted user, are noted.
 */
interface Io {
  err: string[];
  stackLine: string | null;
  restrictedStop: string | null;
}

/** `runSimulate(argv, io) → exit code` (simulator/cli/runSimulate.ts): `io` takes whole lines of stdout and stderr. */
function makeIo(io: Io, restricted: ReadonlySet<string>): { stdout(text: string): void; stderr(text: string): void } {
  return {
    stdout: (text) => {
      if (io.stackLine === null && STACK.test(text)) io.stackLine = clip(text, 1500);
      if (io.restrictedStop !== null || !text.includes('"kind":"run"')) return;
      for (const line of text.split('\n')) {
        if (!line.startsWith('{"kind":"run"')) continue;
        const record = JSON.parse(line) as { status?: string; reason?: string; stoppedBy?: string };
        if (record.status === 'stopped' && record.reason === 'manual' && (typeof record.stoppedBy !== 'string' || record.stoppedBy === '' || restricted.has(record.stoppedBy))) io.restrictedStop = line;
      }
    },
    stderr: (text) => void io.err.push(text),
  };
}

/** The ids of restricted users in a script that mutations may have broken anywhere (users can be a number). */
function restrictedUserIds(script: unknown): Set<string> {
  const users = typeof script === 'object' && script !== null ? (script as { users?: unknown }).users : undefined;
  if (!Array.isArray(users)) return new Set();
  return new Set(users.filter((u): u is { id: string; restricted: true } => typeof u === 'object' && u !== null && (u as { restricted?: unknown }).restricted === true && typeof (u as { id?: unknown }).id === 'string').map((u) => u.id));
}

export async function checkCli(input: CliCase): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'exitflow-fuzz-'));
  try {
    mkdirSync(join(dir, 'DIR'));
    const world = buildWorld(input.world);
    const files = world.workflows.map((doc, i) => {
      const file = join(dir, `w${i}.workflow.json`);
      writeFileSync(file, JSON.stringify(doc));
      return file;
    });
    const scriptFile = join(dir, 'script.json');
    writeFileSync(scriptFile, input.scriptText ?? JSON.stringify(world.script));
    const argv = buildCliArgs(input, files, scriptFile, dir);
    const restricted = restrictedUserIds(world.script);
    const io: Io = { err: [], stackLine: null, restrictedStop: null };
    const code = runSimulate(argv, makeIo(io, restricted));
    const stderr = io.err.join('');
    check(code === 0 || code === 1 || code === 2, 'the exit code is 0, 1 or 2', () => `exit ${String(code)} for ${show(argv)}; stderr ${clip(stderr)}`);
    check(!STACK.test(stderr) && io.stackLine === null, 'no stack trace is printed', () => `exit ${code}; ${clip(stderr, 1500) || io.stackLine}`);
    check(io.restrictedStop === null, 'a restricted user never stops anything', () => `cli: ${io.restrictedStop}`);
    if (code === 2) {
      const lines = stderr.split('\n').filter((line) => line !== '');
      check(lines.length > 0, 'exit 2 says why', () => `no stderr for ${show(argv)}`);
      // Exit 2 is one of: a bad command line (its message, then the usage, word for word); problems in files, one
      // `file: $…: message` line each, then `N problem(s): nothing was simulated.`; or a simulation
      // stopped short at the work cap (`stopped after … trace entries …`, after its output).
      const usageLines = USAGE.split('\n').length;
      const usage = lines.length === 1 + usageLines && lines.slice(1).join('\n') === USAGE;
      const stopped = lines.length === 1 && /stopped after [\d,]+ trace entries at \+\S+\b.* — narrow /i.test(lines[0] ?? '');
      if (!usage && !stopped) {
        const problems = lines.slice(0, -1);
        const summary = lines[lines.length - 1] ?? '';
        check(summary === `${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing was simulated.`, 'a refusal is `file: $…: message` lines and their count', () => `last line ${show(summary)} of ${clip(stderr)}`);
        check(problems.length > 0, 'a refusal lists its problems', () => clip(stderr));
        for (const line of problems) check(/^[^\n]+?: \$[^\n]*?: ./.test(line), 'a refusal is `file: $…: message` lines and their count', () => `line ${show(line)} of ${clip(stderr)}`);
      }
    } else check(!/^\d+ problems?: nothing was simulated\.$/m.test(stderr), 'only exit 2 refuses', () => `exit ${code} with ${clip(stderr)}`);
    return code === 2 ? 'refused' : 'finished';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
