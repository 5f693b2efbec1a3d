import type { RunState } from '../schema/run.ts';
import { scriptEventTypeSchema, stopReasonSchema } from '../schema/script.ts';
import {
  contactChangeSchema,
  exitIgnoredReasonSchema,
  failReasonSchema,
  stopRefusedReasonSchema,
  triggerIgnoredReasonSchema,
  type TraceEntry,
  type TraceReason,
} from '../schema/trace.ts';
import type { CompiledWorkflow } from './compileWorkflow.ts';
import { COMPLETED, FAILED, RUN_STATUSES, STOPPED, WAITING_REPLY, WAITING_TIMER, type Run } from './run.ts';
import { TIMER_CANCELLED_BY_ANSWER, type Simulation } from './simulation.ts';
import { TRACE_KINDS } from './traceLog.ts';

const REASONS_BY_KIND: Partial<Record<TraceEntry['kind'], readonly TraceReason[]>> = {
  'run.stopped': stopReasonSchema.options,
  'run.failed': failReasonSchema.options,
  'stop.refused': stopRefusedReasonSchema.options,
  'trigger.ignored': triggerIgnoredReasonSchema.options,
  'exit.ignored': exitIgnoredReasonSchema.options,
};

/** Trace row `i` of a simulation as a `TraceEntry` object (ids, names and texts filled in). */
export function materializeEntry(sim: Simulation, i: number): TraceEntry {
  const log = sim.trace;
  const kind = TRACE_KINDS[log.kind[i] as number] as TraceEntry['kind'];
  const entry: TraceEntry = { seq: i, t: log.t[i] as number, kind, contact: sim.feed.contactId(log.contact[i] as number) };
  const workflowIndex = log.workflow[i] as number;
  const workflow = sim.workflows[workflowIndex] as CompiledWorkflow | undefined;
  const str = (id: number) => (id < 0 ? undefined : log.strings[id]);
  const a = str(log.a[i] as number);
  const b = str(log.b[i] as number);
  if (workflow) entry.workflow = workflow.id;
  const run = log.run[i] as number;
  if (run >= 0) entry.run = run;
  const node = log.node[i] as number;
  if (workflow && node >= 0) entry.step = workflow.nodes[node]?.id;
  const user = sim.user(log.user[i] as number);
  if (user) entry.user = user.id;
  const code = log.code[i] as number;
  const reasons = REASONS_BY_KIND[kind];
  if (reasons) entry.reason = reasons[code];
  switch (kind) {
    case 'event': {
      const type = scriptEventTypeSchema.options[code] as NonNullable<TraceEntry['event']>;
      entry.event = type;
      if (type === 'assign') entry.to = a;
      else if (type === 'tag.add' || type === 'tag.remove') entry.tag = a;
      else if (type === 'field.set') Object.assign(entry, { field: a, value: b });
      else if (type === 'workflow.stop' || type === 'shortcut') entry.workflow ??= a;
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
      entry.due = log.due[i] as number;
      break;
    case 'timer.cancelled':
      entry.due = log.due[i] as number;
      if (code === TIMER_CANCELLED_BY_ANSWER) entry.reason = 'answer_to_question';
      break;
    case 'trigger.ignored':
    case 'stop.refused':
      if (!workflow && a !== undefined) entry.workflow = a;
      break;
    default:
      if (a !== undefined) entry.text = a;
  }
  return entry;
}

/** Every trace entry, in order. */
export function* traceEntries(sim: Simulation, from = 0, to = sim.trace.length): Generator<TraceEntry> {
  for (let i = from; i < to; i++) yield materializeEntry(sim, i);
}

/** Where a run stands, as plain data. */
export function runState(sim: Simulation, run: Run): RunState {
  const workflow = sim.workflows[run.workflow] as CompiledWorkflow;
  const state: RunState = {
    run: run.id,
    workflow: workflow.id,
    contact: sim.feed.contactId(run.contact),
    status: RUN_STATUSES[run.status] as RunState['status'],
    atStep: workflow.nodes[run.node]?.id,
    startedAt: run.startedAt,
  };
  if (run.status === STOPPED) state.reason = stopReasonSchema.options[run.reason];
  if (run.status === FAILED) state.reason = failReasonSchema.options[run.reason];
  const stoppedBy = sim.user(run.stoppedBy);
  if (stoppedBy) state.stoppedBy = stoppedBy.id;
  if (run.status === STOPPED || run.status === FAILED || run.status === COMPLETED) state.endedAt = run.endedAt;
  if (run.waiting === WAITING_TIMER) Object.assign(state, { waitingFor: 'timer', due: run.due });
  if (run.waiting === WAITING_REPLY) {
    state.waitingFor = 'reply';
    if (run.timerToken >= 0) state.due = run.due;
  }
  return state;
}

/** Every run's state, in the order the runs started. */
export function runStates(sim: Simulation): RunState[] {
  return sim.runs.map((run) => runState(sim, run));
}
