import {
  pauseColumnId,
  type CompareCell,
  type CompareProblem,
  type CompareResult,
  type CompareRun,
  type ExitConfiguration,
  type NotSentMessage,
} from '../schema/compare.ts';
import { EXIT_CONDITION_CATALOGUE, EXIT_CONDITION_IDS } from '../schema/exitConditions.ts';
import { LIMITS } from '../schema/limits.ts';
import type { Script } from '../schema/script.ts';
import type { ResumeRule } from '../schema/settings.ts';
import type { Workflow } from '../schema/workflow.ts';
import { resolveWorkflowRef } from '../graph/resolveWorkflowRef.ts';
import { capitalise } from '../trace/capitalise.ts';
import type { CompiledWorkflow } from './compileWorkflow.ts';
import { materializeEntry, runStates } from './materialize.ts';
import { prepareSimulation } from './prepareSimulation.ts';
import type { Simulation } from './simulation.ts';
import { K } from './traceLog.ts';
import { describeStoppedShort } from './describeStoppedShort.ts';
import { contactCountOf } from './pool/contactShares.ts';
import { formatCount } from '../schema/formatCount.ts';

/**
 * How a paused run resumes in a Pause column of a Workflow that has no rule of its own: after 2h
 * with no message from the team, the rule the settings panel starts with.
 */
export const COMPARE_DEFAULT_RESUME: ResumeRule = { on: 'silence', after: '2h' };

/**
 * The columns of "Compare" (issue 7, item 6; issue 16, item 7): exit conditions off, each
 * condition alone (as the catalogue names it) stopping the run, then the same condition pausing it
 * instead, and all of them. Each sets only `settings.exitConditions` (and, for a Pause column of a
 * Workflow with no resume rule, `COMPARE_DEFAULT_RESUME`); `manualStop` stays as the Workflow has
 * it, so a scripted manual stop behaves the same in every column. "All conditions" keeps what the
 * Workflow says each condition does. "off" comes first: it is the baseline the other columns' "not
 * sent" messages are measured against.
 */
export const EXIT_CONFIGURATIONS: readonly ExitConfiguration[] = [
  { id: 'off', label: 'Off', exitConditions: { enabled: false, on: [] } },
  ...EXIT_CONDITION_IDS.flatMap((condition): ExitConfiguration[] => {
    const { compareColumn, stopReason } = EXIT_CONDITION_CATALOGUE[condition];
    const label = capitalise(stopReason);
    return [
      { id: compareColumn, label, exitConditions: { enabled: true, on: [condition], actions: { [condition]: 'stop' } } },
      { id: pauseColumnId(compareColumn), label: `${label} (pause)`, exitConditions: { enabled: true, on: [condition], actions: { [condition]: 'pause' } } },
    ];
  }),
  { id: 'all', label: 'All conditions', exitConditions: { enabled: true, on: [...EXIT_CONDITION_IDS] } },
];

export interface CompareOptions {
  /**
   * Apply the configurations to this Workflow only (its id, or its name as scripts name it); the
   * others keep their own settings, and only its runs are reported. Default: every Workflow.
   */
  readonly workflow?: string;
  /** The simulation horizon, ms since start (as `prepareSimulation`'s `until`). */
  readonly until?: number;
  /** Trace entries all the simulations together may record (default LIMITS.compareTraceEntries). */
  readonly maxTraceEntries?: number;
  /** The new versions the scripts' publishes name, by file: each gets the column's exit conditions as its Workflow does. */
  readonly versions?: Readonly<Record<string, Workflow>>;
}

/**
 * The same Workflow with a configuration's exit conditions (`manualStop` untouched). What each
 * condition does (stop or pause) is the configuration's when it says, else the Workflow's own; a
 * Workflow made to pause with no resume rule of its own resumes by `COMPARE_DEFAULT_RESUME`.
 */
export function withExitConfiguration(workflow: Workflow, configuration: ExitConfiguration): Workflow {
  const { enabled, on, actions } = configuration.exitConditions;
  const exitConditions = { ...workflow.settings.exitConditions, enabled, on: [...on], ...(actions === undefined ? {} : { actions: { ...actions } }) };
  const pauses = Object.values(actions ?? {}).includes('pause');
  const resume = workflow.settings.pause?.resume;
  const pause = pauses && resume === undefined ? { pause: { ...workflow.settings.pause, resume: COMPARE_DEFAULT_RESUME } } : {};
  return { ...workflow, settings: { ...workflow.settings, exitConditions, ...pause } };
}

/**
 * Runs every script to the end under each of `EXIT_CONFIGURATIONS` and says, per cell, how each
 * run of the compared Workflow(s) ended — every run, in the order they started, so a contact that
 * re-enters after a stop shows both runs — and which Workflow messages that were sent with exit
 * conditions off were not sent. Never throws: inputs that do not prepare (an invalid Workflow, an
 * unknown Workflow in the script or in `options.workflow`) give a cell with their problems.
 *
 * @example compareConfigurations([followUp], [contactReplies]).rows[0].cells[3]
 *   // { ok: true, configuration: 'incoming', runs: [{ status: 'stopped', reason: 'incoming_message', atStep: { label: 'Wait 24h' }, at: 10_800_000, … }], notSent: [{ text: 'Just checking in — …', … }] }
 */
export function compareConfigurations(
  workflows: readonly Workflow[],
  scripts: readonly Script[],
  options: CompareOptions = {},
): CompareResult {
  const chosen = options.workflow === undefined ? undefined : resolveWorkflowRef(workflows, options.workflow);
  // One budget for the whole grid: each simulation may record what the ones before it left.
  const total = options.maxTraceEntries ?? LIMITS.compareTraceEntries;
  const budget = { total, left: total };
  const rows = scripts.map((script, scriptIndex) => {
    const outcomes = EXIT_CONFIGURATIONS.map((configuration): Outcome => {
      if (options.workflow !== undefined && !chosen) return { ok: false, problems: [unknownChoice(workflows, options.workflow)] };
      const configure = (workflow: Workflow) => (chosen === undefined || workflow.id === chosen.id ? withExitConfiguration(workflow, configuration) : workflow);
      const versions = options.versions === undefined ? undefined : Object.fromEntries(Object.entries(options.versions).map(([file, version]) => [file, configure(version)]));
      return simulate(workflows.map(configure), script, scriptIndex, chosen?.id, options.until, budget, versions);
    });
    const baseline = outcomes[0];
    const cells = outcomes.map((outcome, i): CompareCell => {
      const configuration = (EXIT_CONFIGURATIONS[i] as ExitConfiguration).id;
      if (!outcome.ok) return { ok: false, configuration, problems: outcome.problems };
      const notSent = i === 0 || !baseline?.ok ? [] : messagesMissing(baseline.sent, outcome.sent);
      return { ok: true, configuration, runs: outcome.runs, notSent };
    });
    return { script: scriptIndex, name: script.name, cells };
  });
  return {
    configurations: EXIT_CONFIGURATIONS.map((configuration) => ({
      ...configuration,
      exitConditions: {
        ...configuration.exitConditions,
        on: [...configuration.exitConditions.on],
        ...(configuration.exitConditions.actions === undefined ? {} : { actions: { ...configuration.exitConditions.actions } }),
      },
    })),
    workflow: chosen?.id ?? null,
    rows,
  };
}

type Outcome =
  | { readonly ok: true; readonly runs: CompareRun[]; readonly sent: NotSentMessage[] }
  | { readonly ok: false; readonly problems: CompareProblem[] };

function unknownChoice(workflows: readonly Workflow[], ref: string): CompareProblem {
  const names = workflows.map((workflow) => `"${workflow.name}"`).join(', ') || 'none';
  return { source: 'options', index: 0, path: '$.workflow', message: `No Workflow "${ref}" is loaded (loaded: ${names})` };
}

/** One script under one configuration: its runs (of `only`, or of every Workflow) and the messages sent. */
function simulate(
  workflows: readonly Workflow[],
  script: Script,
  scriptIndex: number,
  only: string | undefined,
  until: number | undefined,
  budget: { readonly total: number; left: number },
  versions: Readonly<Record<string, Workflow>> | undefined,
): Outcome {
  const overBudget = (message: string): Outcome => ({ ok: false, problems: [{ source: 'script', index: scriptIndex, path: '$', message }] });
  const contacts = contactCountOf(script);
  if (contacts > LIMITS.compareContacts) {
    const path = script.population === undefined ? '$.contacts' : '$.population.contacts';
    const message = `Not compared: ${formatCount(contacts)} contacts — Compare lists every run of every contact, for scripts of up to ${formatCount(LIMITS.compareContacts)}; play this one in the simulator instead`;
    return { ok: false, problems: [{ source: 'script', index: scriptIndex, path, message }] };
  }
  if (budget.left <= 0)
    return overBudget(`Not simulated: this comparison has recorded its ${formatCount(budget.total)} trace entries — compare fewer scripts, or a shorter one`);
  try {
    // What is left of the grid's budget, and never more than one simulation may record.
    const maxTraceEntries = Math.min(budget.left, LIMITS.traceEntries);
    const prepared = prepareSimulation({ workflows, script, maxTraceEntries, ...(versions === undefined ? {} : { versions }), ...(until === undefined ? {} : { until }) });
    if (!prepared.ok) {
      return {
        ok: false,
        problems: prepared.problems.map((problem) => (problem.source === 'script' ? { ...problem, index: scriptIndex } : problem)),
      };
    }
    const sim = prepared.simulation.runToEnd();
    budget.left -= sim.trace.length;
    // A cell cut short would compare a part of a run with a whole one: say so instead.
    if (sim.stoppedShort !== null) return overBudget(describeStoppedShort(sim.stoppedShort));
    return { ok: true, runs: compareRuns(sim, script, only), sent: sentMessages(sim) };
  } catch (error) {
    // The engine is not expected to throw on prepared inputs; if it does, the grid shows it in the cell.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ source: 'script', index: scriptIndex, path: '$', message: `The simulation failed: ${message}` }] };
  }
}

function compareRuns(sim: Simulation, script: Script, only: string | undefined): CompareRun[] {
  const users = new Map(script.users.map((user) => [user.id, user.name]));
  const pauses = pausesPerRun(sim);
  const runs: CompareRun[] = [];
  for (const state of runStates(sim)) {
    if (only !== undefined && state.workflow !== only) continue;
    const workflow = sim.workflows[sim.runs.workflow(state.run)] as CompiledWorkflow;
    const run: CompareRun = {
      run: state.run,
      contact: { id: state.contact, name: sim.feed.contactName(sim.runs.contact(state.run)) },
      workflow: { id: workflow.id, name: workflow.name },
      status: state.status,
      startedAt: state.startedAt,
    };
    if (state.reason !== undefined) run.reason = state.reason;
    if (state.stoppedBy !== undefined) run.stoppedBy = { id: state.stoppedBy, name: users.get(state.stoppedBy) ?? state.stoppedBy };
    if (state.atStep !== undefined) {
      const node = workflow.nodes[workflow.nodeIndex.get(state.atStep) ?? -1];
      run.atStep = { id: state.atStep, label: node?.label || state.atStep };
    }
    if (state.endedAt !== undefined) run.at = state.endedAt;
    if (state.pausedAt !== undefined) run.at = state.pausedAt;
    if (state.waitingFor !== undefined) run.waitingFor = state.waitingFor;
    if (state.due !== undefined) run.due = state.due;
    if (state.remaining !== undefined) run.remaining = state.remaining;
    if (state.resumesAt !== undefined) run.resumesAt = state.resumesAt;
    const paused = pauses.get(state.run);
    if (paused !== undefined) run.pauses = paused;
    runs.push(run);
  }
  return runs;
}

/** How many times each run paused, by run number (runs that never paused are absent): a run that paused and went on ends like one that never did. */
function pausesPerRun(sim: Simulation): Map<number, number> {
  const log = sim.trace;
  const pausedKind = K['run.paused'];
  const counts = new Map<number, number>();
  for (let i = 0; i < log.length; i++) if (log.kindAt(i) === pausedKind) counts.set(log.runAt(i), (counts.get(log.runAt(i)) ?? 0) + 1);
  return counts;
}

/** Every Workflow message sent in the simulation, in trace order. */
function sentMessages(sim: Simulation): NotSentMessage[] {
  const log = sim.trace;
  const sentKind = K['message.sent'];
  const messages: NotSentMessage[] = [];
  for (let i = 0; i < log.length; i++) {
    if (log.kindAt(i) !== sentKind) continue;
    const entry = materializeEntry(sim, i);
    const workflow = sim.workflows[log.workflowAt(i)] as CompiledWorkflow;
    const step = entry.step ?? '';
    messages.push({
      contact: { id: entry.contact, name: sim.feed.contactName(log.contactAt(i)) },
      workflow: { id: workflow.id, name: workflow.name },
      step: { id: step, label: workflow.nodes[workflow.nodeIndex.get(step) ?? -1]?.label || step },
      text: entry.text ?? '',
      at: entry.t,
    });
  }
  return messages;
}

/**
 * The baseline's messages this outcome did not send: matched as a multiset per contact, Workflow,
 * step and text, so a follow-up sent twice under "off" and once here is listed once.
 */
function messagesMissing(baseline: readonly NotSentMessage[], sent: readonly NotSentMessage[]): NotSentMessage[] {
  const key = (message: NotSentMessage) => JSON.stringify([message.contact.id, message.workflow.id, message.step.id, message.text]);
  const counts = new Map<string, number>();
  for (const message of sent) counts.set(key(message), (counts.get(key(message)) ?? 0) + 1);
  const missing: NotSentMessage[] = [];
  for (const message of baseline) {
    const k = key(message);
    const left = counts.get(k) ?? 0;
    if (left > 0) counts.set(k, left - 1);
    else missing.push(message);
  }
  return missing;
}
