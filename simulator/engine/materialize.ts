import type { ContactState, RunState } from '../schema/run.ts';
import { publishPolicySchema, scriptEventTypeSchema, stopReasonSchema } from '../schema/script.ts';
import {
  contactChangeSchema,
  exitIgnoredReasonSchema,
  failReasonSchema,
  resumeReasonSchema,
  stopRefusedReasonSchema,
  triggerIgnoredReasonSchema,
  type TraceEntry,
  type TraceReason,
} from '../schema/trace.ts';
import type { CompiledWorkflow } from './compileWorkflow.ts';
import { FAILED, PAUSED, RUN_STATUSES, STOPPED, WAITING_REPLY, WAITING_TIMER } from './runTable.ts';
import { PAUSE_EXTENDED_BY_ACTIVITY, TIMER_CANCELLED_BY_ANSWER, WHEN_STOPPED_CUT_SHORT, type Simulation } from './simulation.ts';
import { TRACE_KINDS } from './traceLog.ts';

const REASONS_BY_KIND: Partial<Record<TraceEntry['kind'], readonly TraceReason[]>> = {
  'run.stopped': stopReasonSchema.options,
  'run.failed': failReasonSchema.options,
  'stop.refused': stopRefusedReasonSchema.options,
  'trigger.ignored': triggerIgnoredReasonSchema.options,
  'exit.ignored': exitIgnoredReasonSchema.options,
  'when_stopped.started': stopReasonSchema.options,
  'run.paused': stopReasonSchema.options,
  'run.resumed': resumeReasonSchema.options,
};

/** Trace row `i` of a simulation as a `TraceEntry` object (ids, names and texts filled in). */
export function materializeEntry(sim: Simulation, i: number): TraceEntry {
  const log = sim.trace;
  const kind = TRACE_KINDS[log.kindAt(i)] as TraceEntry['kind'];
  // A publish concerns every contact: its row names none.
  const contact = log.contactAt(i);
  const entry: TraceEntry = { seq: i, t: log.tAt(i), kind, contact: contact < 0 ? '' : sim.feed.contactId(contact) };
  const workflow = sim.workflows[log.workflowAt(i)] as CompiledWorkflow | undefined;
  const a = sim.textAt(i);
  const b = log.text(log.bAt(i));
  if (workflow) entry.workflow = workflow.id;
  const run = log.runAt(i);
  if (run >= 0) entry.run = run;
  const node = log.nodeAt(i);
  if (workflow && node >= 0) entry.step = workflow.nodes[node]?.id;
  const user = sim.user(log.userAt(i));
  if (user) entry.user = user.id;
  const code = log.codeAt(i);
  const reasons = REASONS_BY_KIND[kind];
  if (reasons) entry.reason = reasons[code];
  switch (kind) {
    case 'event': {
      const type = scriptEventTypeSchema.options[code] as NonNullable<TraceEntry['event']>;
      entry.event = type;
      if (type === 'assign') entry.to = a;
      else if (type === 'tag.add' || type === 'tag.remove') entry.tag = a;
      else if (type === 'field.set') Object.assign(entry, { field: a, value: b });
      else if (type === 'workflow.stop' || type === 'shortcut' || type === 'workflow.start') entry.workflow ??= a;
      else if (a !== undefined) entry.text = a;
      break;
    }
    case 'contact.changed': {
      const change = contactChangeSchema.options[code] as NonNullable<TraceEntry['change']>;
      entry.change = change;
      if (change === 'assigned') entry.to = a;
      else if (change === 'field_set') Object.assign(entry, { field: a, value: b });
      else if (change === 'tag_added' || change === 'tag_removed') entry.tag = a;
      break;
    }
    case 'question.answered':
      Object.assign(entry, { text: a, field: b });
      break;
    case 'timer.set':
    case 'timer.fired':
      entry.due = log.dueAt(i);
      break;
    case 'timer.cancelled':
      entry.due = log.dueAt(i);
      if (code === TIMER_CANCELLED_BY_ANSWER) entry.reason = 'answer_to_question';
      break;
    case 'trigger.ignored':
      if (workflow && (entry.reason === 'reentry_never' || entry.reason === 'reentry_wait')) describeReentry(sim, entry, workflow, log.bAt(i));
      else if (!workflow && a !== undefined) entry.workflow = a;
      break;
    case 'stop.refused':
      if (!workflow && a !== undefined) entry.workflow = a;
      break;
    case 'when_stopped.ended':
      if (code === WHEN_STOPPED_CUT_SHORT) entry.reason = 'loop';
      break;
    case 'pause.extended':
      if (code !== PAUSE_EXTENDED_BY_ACTIVITY) entry.reason = stopReasonSchema.options[code];
      withDue(entry, log.dueAt(i));
      break;
    case 'run.paused':
    case 'run.resumed':
    case 'timer.frozen':
      withDue(entry, log.dueAt(i));
      break;
    case 'workflow.published':
      entry.policy = publishPolicySchema.options[code];
      if (a !== undefined) entry.text = a;
      break;
    default:
      if (a !== undefined) entry.text = a;
  }
  return entry;
}

/** Rows of a pause carry an instant only where there is one (-1: none, e.g. a resume on close). */
function withDue(entry: TraceEntry, due: number): void {
  if (due >= 0) entry.due = due;
}

/** A trigger ignored by a re-entry rule: when and why the run it names stopped, and when the rule lifts. */
function describeReentry(sim: Simulation, entry: TraceEntry, workflow: CompiledWorkflow, stopped: number): void {
  const runs = sim.runs;
  const stoppedAt = runs.endedAt(stopped);
  entry.stopReason = stopReasonSchema.options[runs.reason(stopped)];
  entry.stoppedAt = stoppedAt;
  if (workflow.reentry.rule === 'after') entry.liftsAt = stoppedAt + workflow.reentry.waitMs;
}

/** Every trace entry, in order. */
export function* traceEntries(sim: Simulation, from = 0, to = sim.trace.length): Generator<TraceEntry> {
  for (let i = from; i < to; i++) yield materializeEntry(sim, i);
}

/** Where a run stands, as plain data. */
export function runState(sim: Simulation, run: number): RunState {
  const runs = sim.runs;
  const status = runs.status(run);
  const workflow = sim.workflows[runs.workflow(run)] as CompiledWorkflow;
  const state: RunState = {
    run,
    workflow: workflow.id,
    contact: sim.feed.contactId(runs.contact(run)),
    status: RUN_STATUSES[status] as RunState['status'],
    atStep: workflow.nodes[runs.node(run)]?.id,
    startedAt: runs.startedAt(run),
  };
  if (workflow.version > 0) state.version = workflow.version + 1;
  const reason = runs.reason(run);
  if (status === STOPPED || status === PAUSED) state.reason = stopReasonSchema.options[reason];
  if (status === FAILED) state.reason = failReasonSchema.options[reason];
  const stoppedBy = sim.user(runs.stoppedBy(run));
  if (stoppedBy) state.stoppedBy = stoppedBy.id;
  if (!runs.isOngoing(run)) state.endedAt = runs.endedAt(run);
  const waiting = runs.waiting(run);
  if (waiting === WAITING_TIMER) state.waitingFor = 'timer';
  if (waiting === WAITING_REPLY) state.waitingFor = 'reply';
  const pause = sim.pauseOf(run);
  if (pause !== undefined) {
    // Its timer is frozen: what it had left counts, not when it was due.
    state.pausedAt = pause.pausedAt;
    if (pause.remaining >= 0) state.remaining = pause.remaining;
    if (pause.resumeAt >= 0) state.resumesAt = pause.resumeAt;
  } else if (waiting === WAITING_TIMER || (waiting === WAITING_REPLY && runs.timerToken(run) >= 0)) state.due = runs.due(run);
  return state;
}

/** Every run's state, in the order the runs started. */
export function runStates(sim: Simulation): RunState[] {
  return Array.from({ length: sim.runs.length }, (_, run) => runState(sim, run));
}

/** Every scripted contact's conversation state (not a population's generated contacts). */
export function contactStates(sim: Simulation): ContactState[] {
  if (sim.feed.isPopulation) return [];
  return Array.from({ length: sim.feed.contactCount }, (_, contact) => {
    const assignee = sim.trace.text(sim.contacts.assignee(contact));
    const state: ContactState = { contact: sim.feed.contactId(contact), open: sim.contacts.conversationOpen(contact) };
    if (assignee !== undefined) state.assignee = assignee;
    return state;
  });
}
