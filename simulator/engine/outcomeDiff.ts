import { formatOffset } from '../schema/duration.ts';
import { LIMITS } from '../schema/limits.ts';
import type {
  Divergence,
  DiffSide,
  OutcomeChange,
  OutcomeDiff,
  OutcomeDiffProblem,
  OutcomeDiffRow,
  OutcomeDifference,
  RunOutcome,
} from '../schema/outcomeDiff.ts';
import type { Script } from '../schema/script.ts';
import type { TraceEntry } from '../schema/trace.ts';
import type { Workflow } from '../schema/workflow.ts';
import { describeEntry, type TraceNames } from '../trace/describeEntry.ts';
import { traceNames } from '../trace/traceNames.ts';
import type { CompiledWorkflow } from './compileWorkflow.ts';
import { describeStoppedShort } from './describeStoppedShort.ts';
import { materializeEntry, runState } from './materialize.ts';
import { prepareSimulation } from './prepareSimulation.ts';
import type { Simulation } from './simulation.ts';
import { K } from './traceLog.ts';
import { formatCount } from '../schema/formatCount.ts';

export interface OutcomeDiffOptions {
  /** The simulation horizon, ms since start (as `prepareSimulation`'s `until`). */
  readonly until?: number;
  /** Trace entries all the simulations together may record (default LIMITS.compareTraceEntries). */
  readonly maxTraceEntries?: number;
  /**
   * Differences listed in all, over every script (default: every one). The counts stay whole, so
   * "3 of 12 runs change" holds even when the list is cut; a population where every run changes
   * would otherwise send a million rows to a table that shows a screenful.
   */
  readonly maxDifferences?: number;
  /**
   * Per script (by its index): the new versions its publishes name, by `file` — the same on both
   * sides, so a script that publishes plays its publishes on the old Workflows and on the new.
   */
  readonly versions?: readonly (Readonly<Record<string, Workflow>> | undefined)[];
}

/**
 * Simulates each script with the Workflows `before` and with the Workflows `after` (the same set
 * with one or more of them in another version) and lists every run whose outcome differs — its
 * status, reason, the step it ended, waits or is paused at, or the texts of the Workflow messages
 * it sent. Runs are matched per contact, Workflow id and their place among that pair's runs (a
 * contact that writes again after its run completed starts a second one), so a run on one side
 * only is a difference too. Each difference says where the contact's two traces first part, so
 * a reader can open the simulator there. Never throws: a side that does not prepare (an invalid
 * Workflow, an unknown Workflow in the script), is cut short, or is past the budget gives its
 * script's row the problems instead.
 *
 * @example diffOutcomes([followUp24h], [followUp2h], [contactReplies]).rows[0]
 *   // { ok: true, runs: 2, changed: 2, differences: [{ contact: { id: 'omar', … }, before: { status: 'stopped', reason: 'incoming_message', atStep: { label: 'Wait 24h' }, … }, after: { status: 'completed', … }, newlySent: ['Just checking in — …'], divergesAt: { t: 0, … } }, …] }
 */
export function diffOutcomes(
  before: readonly Workflow[],
  after: readonly Workflow[],
  scripts: readonly Script[],
  options: OutcomeDiffOptions = {},
): OutcomeDiff {
  // One budget for every simulation: each may record what the ones before it left.
  const total = options.maxTraceEntries ?? LIMITS.compareTraceEntries;
  const budget = { total, left: total };
  const listing = { left: options.maxDifferences ?? Number.POSITIVE_INFINITY };
  // Expectations change nothing a run does, and one naming a Workflow the new version renamed
  // would refuse the whole script: the diff compares outcomes, not expectations.
  const rows = scripts.map((script, index) => diffScript({ before, after }, { ...script, expect: [] }, index, options.versions?.[index], options.until, budget, listing));
  let runs = 0;
  let changed = 0;
  for (const row of rows) {
    if (!row.ok) continue;
    runs += row.runs;
    changed += row.changed;
  }
  return { runs, changed, rows };
}

interface Budget {
  readonly total: number;
  left: number;
}

type Sides<T> = Record<DiffSide, T>;

type Simulated = { readonly ok: true; readonly sim: Simulation } | { readonly ok: false; readonly problems: OutcomeDiffProblem[] };

function diffScript(
  workflows: Sides<readonly Workflow[]>,
  script: Script,
  scriptIndex: number,
  versions: Readonly<Record<string, Workflow>> | undefined,
  until: number | undefined,
  budget: Budget,
  listing: { left: number },
): OutcomeDiffRow {
  const refused = (problems: OutcomeDiffProblem[]): OutcomeDiffRow => ({ ok: false, script: scriptIndex, name: script.name, problems });
  const problem = (side: DiffSide, message: string): OutcomeDiffProblem => ({ side, source: 'script', index: scriptIndex, path: '$', message });
  try {
    if (budget.left < 2)
      return refused([problem('before', `Not simulated: this diff has recorded its ${formatCount(budget.total)} trace entries — diff fewer scripts, or a shorter one`)]);
    // Each side may record half of what the scripts before left, so the two together stay within it.
    const maxTraceEntries = Math.min(Math.floor(budget.left / 2), LIMITS.traceEntries);
    const prepared = (side: DiffSide) => prepareSimulation({ workflows: workflows[side], script, maxTraceEntries, ...(versions === undefined ? {} : { versions }), ...(until === undefined ? {} : { until }) });
    // Both sides checked before either runs: a broken new version is said at once, at no cost.
    const old = prepared('before');
    const young = prepared('after');
    if (!old.ok || !young.ok) {
      const problems = (side: DiffSide, result: typeof old) =>
        result.ok ? [] : result.problems.map((p): OutcomeDiffProblem => ({ ...p, side, ...(p.source === 'script' ? { index: scriptIndex } : {}) }));
      return refused([...problems('before', old), ...problems('after', young)]);
    }
    const run = (side: DiffSide, sim: Simulation): Simulated => {
      sim.runToEnd();
      budget.left -= sim.trace.length;
      // A run cut short would be compared with a whole one: say so instead, and whose cap it met.
      const short = sim.stoppedShort;
      if (short === null) return { ok: true, sim };
      const message =
        maxTraceEntries < LIMITS.traceEntries && short.entries >= maxTraceEntries
          ? `Not simulated to the end: this diff's ${formatCount(budget.total)} trace entries ran out at ${formatOffset(short.at)} — diff fewer scripts, or a shorter one`
          : describeStoppedShort(short);
      return { ok: false, problems: [problem(side, message)] };
    };
    const sims = { before: run('before', old.simulation), after: run('after', young.simulation) };
    if (!sims.before.ok || !sims.after.ok) return refused([...(sims.before.ok ? [] : sims.before.problems), ...(sims.after.ok ? [] : sims.after.problems)]);
    return { ok: true, script: scriptIndex, name: script.name, ...differences({ before: sims.before.sim, after: sims.after.sim }, scriptIndex, listing) };
  } catch (error) {
    // The engine is not expected to throw on prepared inputs; if it does, the row says so.
    const message = error instanceof Error ? error.message : String(error);
    return refused([problem('after', `The simulation failed: ${message}`)]);
  }
}

/** One side's runs, keyed by contact, place among the pair's runs and Workflow id. */
interface SideRuns {
  readonly byKey: Map<string, number>;
  /** Keys in the order the runs started. */
  readonly keys: string[];
}

/** `contact index NUL occurrence NUL workflow id`: the two numbers first, so any id splits back. */
const runKey = (contact: number, occurrence: number, workflow: string) => `${contact}\u0000${occurrence}\u0000${workflow}`;

function sideRuns(sim: Simulation): SideRuns {
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const seen = new Map<string, number>();
  for (let run = 0; run < sim.runs.length; run++) {
    const contact = sim.runs.contact(run);
    const workflow = (sim.workflows[sim.runs.workflow(run)] as CompiledWorkflow).id;
    const pair = `${contact}\u0000${workflow}`;
    const occurrence = seen.get(pair) ?? 0;
    seen.set(pair, occurrence + 1);
    const key = runKey(contact, occurrence, workflow);
    byKey.set(key, run);
    keys.push(key);
  }
  return { byKey, keys };
}

/** The texts each run sent, by run number (runs that sent nothing are absent). */
function sentPerRun(sim: Simulation): Map<number, string[]> {
  const log = sim.trace;
  const sentKind = K['message.sent'];
  const sent = new Map<number, string[]>();
  for (let i = 0; i < log.length; i++) {
    if (log.kindAt(i) !== sentKind) continue;
    const run = log.runAt(i);
    const texts = sent.get(run);
    const text = sim.textAt(i) ?? '';
    if (texts) texts.push(text);
    else sent.set(run, [text]);
  }
  return sent;
}

function runOutcome(sim: Simulation, run: number, sent: ReadonlyMap<number, string[]>, names: TraceNames): RunOutcome {
  const state = runState(sim, run);
  const workflow = sim.workflows[sim.runs.workflow(run)] as CompiledWorkflow;
  const outcome: RunOutcome = { run, status: state.status, startedAt: state.startedAt, sent: sent.get(run) ?? [] };
  if (state.reason !== undefined) outcome.reason = state.reason;
  if (state.stoppedBy !== undefined) outcome.stoppedBy = { id: state.stoppedBy, name: names.user(state.stoppedBy) };
  if (state.atStep !== undefined) {
    const node = workflow.nodes[workflow.nodeIndex.get(state.atStep) ?? -1];
    outcome.atStep = { id: state.atStep, label: node?.label || state.atStep };
  }
  if (state.endedAt !== undefined) outcome.at = state.endedAt;
  if (state.pausedAt !== undefined) outcome.at = state.pausedAt;
  if (state.due !== undefined) outcome.due = state.due;
  return outcome;
}

/** What differs between two outcomes of one run; empty when nothing does. */
function changesOf(before: RunOutcome | null, after: RunOutcome | null): OutcomeChange[] {
  if (before === null || after === null) return ['run'];
  const changes: OutcomeChange[] = [];
  if (before.status !== after.status) changes.push('status');
  if (before.reason !== after.reason) changes.push('reason');
  if (before.atStep?.id !== after.atStep?.id) changes.push('step');
  if (before.sent.length !== after.sent.length || before.sent.some((text, i) => text !== after.sent[i])) changes.push('messages');
  return changes;
}

/** The texts of `from` that `other` lacks, as a multiset: a text sent twice and then once is missing once. */
function missingFrom(from: readonly string[], other: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const text of other) left.set(text, (left.get(text) ?? 0) + 1);
  const missing: string[] = [];
  for (const text of from) {
    const count = left.get(text) ?? 0;
    if (count > 0) left.set(text, count - 1);
    else missing.push(text);
  }
  return missing;
}

function differences(
  sims: Sides<Simulation>,
  scriptIndex: number,
  listing: { left: number },
): { runs: number; changed: number; differences: OutcomeDifference[] } {
  const runs = { before: sideRuns(sims.before), after: sideRuns(sims.after) };
  const sent = { before: sentPerRun(sims.before), after: sentPerRun(sims.after) };
  const names = { before: traceNames(sims.before), after: traceNames(sims.after) };
  // Every key once: the old side's runs in the order they started, then runs only the new side has.
  const keys = [...runs.before.keys, ...runs.after.keys.filter((key) => !runs.before.byKey.has(key))];
  const found: { contact: number; occurrence: number; workflow: string; before: RunOutcome | null; after: RunOutcome | null; changes: OutcomeChange[] }[] = [];
  for (const key of keys) {
    const outcome = (side: DiffSide) => {
      const run = runs[side].byKey.get(key);
      return run === undefined ? null : runOutcome(sims[side], run, sent[side], names[side]);
    };
    const before = outcome('before');
    const after = outcome('after');
    const changes = changesOf(before, after);
    if (changes.length === 0) continue;
    const [contact, occurrence] = key.split('\u0000', 2) as [string, string];
    found.push({ contact: Number(contact), occurrence: Number(occurrence), workflow: key.slice(contact.length + occurrence.length + 2), before, after, changes });
  }
  // A contact's runs together, in the order the script lists (or a population numbers) contacts.
  found.sort((a, b) => a.contact - b.contact);
  const listed = found.slice(0, Math.max(0, Math.min(found.length, listing.left)));
  listing.left -= listed.length;
  const divergences = divergencesOf(sims, names, new Set(listed.map((difference) => difference.contact)));
  const workflowName = (id: string) => {
    const named = sims.after.workflows.find((workflow) => workflow.id === id) ?? sims.before.workflows.find((workflow) => workflow.id === id);
    return named?.name ?? id;
  };
  return {
    runs: keys.length,
    changed: found.length,
    differences: listed.map(({ contact, occurrence, workflow, before, after, changes }) => ({
      script: scriptIndex,
      contact: { id: sims.before.feed.contactId(contact), name: sims.before.feed.contactName(contact) },
      workflow: { id: workflow, name: workflowName(workflow) },
      occurrence,
      before,
      after,
      changes,
      noLongerSent: missingFrom(before?.sent ?? [], after?.sent ?? []),
      newlySent: missingFrom(after?.sent ?? [], before?.sent ?? []),
      divergesAt: divergences.get(contact) ?? null,
    })),
  };
}

/** The trace rows of each contact in `contacts`, in order, from one pass over the trace. */
function rowsOfContacts(sim: Simulation, contacts: ReadonlySet<number>): Map<number, number[]> {
  const rows = new Map<number, number[]>();
  for (const contact of contacts) rows.set(contact, []);
  const log = sim.trace;
  for (let i = 0; i < log.length; i++) rows.get(log.contactAt(i))?.push(i);
  return rows;
}

/**
 * Two entries mean the same thing on their sides: every field but their place in the trace and
 * their run's number (a run started or not on one side renumbers every later run on it).
 */
function sameEntry(a: TraceEntry, b: TraceEntry): boolean {
  const fields = (entry: TraceEntry) => (Object.keys(entry) as (keyof TraceEntry)[]).filter((key) => key !== 'seq' && key !== 'run' && entry[key] !== undefined);
  const mine = fields(a);
  return mine.length === fields(b).length && mine.every((key) => a[key] === b[key]);
}

/** For each contact, the first of its trace entries where the two sides differ (absent: none does). */
function divergencesOf(sims: Sides<Simulation>, names: Sides<TraceNames>, contacts: ReadonlySet<number>): Map<number, Divergence> {
  const rows = { before: rowsOfContacts(sims.before, contacts), after: rowsOfContacts(sims.after, contacts) };
  const divergences = new Map<number, Divergence>();
  for (const contact of contacts) {
    const mine = { before: rows.before.get(contact) ?? [], after: rows.after.get(contact) ?? [] };
    const length = Math.max(mine.before.length, mine.after.length);
    for (let j = 0; j < length; j++) {
      const entry = (side: DiffSide) => {
        const row = mine[side][j];
        return row === undefined ? null : materializeEntry(sims[side], row);
      };
      const before = entry('before');
      const after = entry('after');
      if (before !== null && after !== null && sameEntry(before, after)) continue;
      const described = (side: DiffSide, at: TraceEntry | null) => (at === null ? null : { seq: at.seq, t: at.t, description: describeEntry(at, names[side]) });
      divergences.set(contact, {
        t: Math.min(before?.t ?? Number.POSITIVE_INFINITY, after?.t ?? Number.POSITIVE_INFINITY),
        before: described('before', before),
        after: described('after', after),
      });
      break;
    }
  }
  return divergences;
}
