import { contactChangeSchema } from '../../schema/trace.ts';
import { scriptEventTypeSchema } from '../../schema/script.ts';
import type { CompiledWorkflow } from '../compileWorkflow.ts';
import { Simulation, type SimulationInput } from '../simulation.ts';
import { K } from '../traceLog.ts';
import {
  PAUSE_FIELDS,
  ROW_A,
  ROW_B,
  ROW_CODE,
  ROW_CONTACT,
  ROW_INTS,
  ROW_KIND,
  ROW_NODE,
  ROW_RUN,
  ROW_USER,
  ROW_WORKFLOW,
  RUN_CHAIN_DEPTH,
  RUN_CONTACT,
  RUN_DUE,
  RUN_ENDED_AT,
  RUN_FIELDS,
  RUN_NODE,
  RUN_REASON,
  RUN_STARTED_AT,
  RUN_STATUS,
  RUN_STOPPED_BY,
  RUN_TIMER_TOKEN,
  RUN_TRIGGER_EVENT,
  RUN_WAITING,
  RUN_WHEN_STOPPED_RAN,
  RUN_WORKFLOW,
  type PoolPart,
} from './poolPart.ts';

const TWO_32 = 4294967296;
// Read once: imported bindings are live, and read per row they cost more than the copying itself.
const KIND = ROW_KIND;
const CODE = ROW_CODE;
const USER = ROW_USER;
const CONTACT = ROW_CONTACT;
const RUN = ROW_RUN;
const WORKFLOW = ROW_WORKFLOW;
const NODE = ROW_NODE;
const A = ROW_A;
const B = ROW_B;
const INTS = ROW_INTS;
const RUN_STARTED = K['run.started'];
const EVENT_ROW = K.event;
const CHANGE_ROW = K['contact.changed'];
const ANSWER_ROW = K['question.answered'];

/** What the `a` and `b` slots of a row hold, by kind: interned strings (the default), a due time, or (b) a run id. */
export const ROW_SLOTS = { strings: 0, due: 1, stringAndRun: 2 } as const;
const DUE_KINDS = ['timer.set', 'timer.fired', 'timer.cancelled', 'pause.extended', 'run.paused', 'run.resumed', 'timer.frozen'] as const;

const DUE = ROW_SLOTS.due;
const STRING_AND_RUN = ROW_SLOTS.stringAndRun;

/** Per trace kind code, what its `a` and `b` slots hold (see ROW_SLOTS). */
export const rowSlots: Uint8Array = (() => {
  const slots = new Uint8Array(Object.keys(K).length);
  for (const kind of DUE_KINDS) slots[K[kind]] = ROW_SLOTS.due;
  // A re-entry refusal names the stopped run that keeps the Workflow from starting.
  slots[K['trigger.ignored']] = ROW_SLOTS.stringAndRun;
  return slots;
})();

/** Whether a script can be split by contact: a publish acts on every contact at once, so a script with one plays on one thread. */
export function canSplit(input: Pick<SimulationInput, 'script'>): boolean {
  return !input.script.events.some((event) => event.type === 'workflow.publish');
}

/**
 * The simulation of the whole script assembled from the parts workers played (each a share of
 * the contacts, see `playPart`): the same trace, row for row, as one simulation playing every
 * contact — same order, sequence numbers, run ids, texts — and the same runs, pauses, contact
 * state and counts. Null when the whole would reach the trace cap (or a part did): where it
 * stops depends on every contact's rows, so the caller plays it on one thread instead.
 *
 * The order: every part processed its entries in the order of the whole restricted to its
 * contacts, so the parts' step lists are merged like sorted lists, by (time, class, sequence) as
 * the queue orders them. An entry's sequence in the whole is known by where it was queued: at
 * construction (before anything else, in the order of every contact's, `stepTie`), or during a
 * step already merged (`stepParent`, by that step's place in the merged order, then by push order
 * within the step).
 */
export function mergeParts(input: SimulationInput, parts: readonly PoolPart[]): Simulation | null {
  if (parts.some((part) => part.stoppedShort)) return null;
  const contactCount = input.script.population?.contacts ?? input.script.contacts.length;
  const sim = new Simulation({ ...input, plays: new Uint8Array(contactCount) });
  const trace = sim.trace;
  const cap = sim.maxTraceEntries;
  const stringIds = parts.map((part) => Int32Array.from(part.strings, (text) => trace.intern(text)));
  const runIds = parts.map((part) => new Int32Array(part.runCount).fill(-1));
  const placed = parts.map((part) => new Float64Array(part.stepCount));
  const next = new Int32Array(parts.length);
  let ordinal = 0;
  for (;;) {
    const w = earliest(parts, next, placed);
    if (w < 0) break;
    const part = parts[w] as PoolPart;
    const k = next[w] as number;
    next[w] = k + 1;
    (placed[w] as Float64Array)[k] = ordinal++;
    // The whole stops short at the first entry it takes with the trace at the cap.
    if (trace.length >= cap) return null;
    const from = part.stepFirstRow[k] as number;
    const to = k + 1 < part.stepCount ? (part.stepFirstRow[k + 1] as number) : part.rowCount;
    copyRows(sim, part, from, to, stringIds[w] as Int32Array, runIds[w] as Int32Array);
  }
  restorePauses(sim, parts, runIds);
  replayContacts(sim);
  sim.eventsProcessed = ordinal;
  sim.now = parts.reduce((now, part) => Math.max(now, part.now), 0);
  return sim;
}

/** The part whose next step comes first in the whole's order; -1 when every part is merged. */
function earliest(parts: readonly PoolPart[], next: Int32Array, placed: readonly Float64Array[]): number {
  let best = -1;
  let bestTime = 0;
  let bestClass = 0;
  let bestParent = 0;
  let bestTie = 0;
  for (let w = 0; w < parts.length; w++) {
    const part = parts[w] as PoolPart;
    const k = next[w] as number;
    if (k >= part.stepCount) continue;
    const time = part.stepTime[k] as number;
    const queueClass = part.stepClass[k] as number;
    const parent = part.stepParent[k] as number;
    // The parent step came before in the part, so it is placed already.
    const parentPlace = parent < 0 ? -1 : ((placed[w] as Float64Array)[parent] as number);
    const tie = part.stepTie[k] as number;
    if (
      best < 0 ||
      time < bestTime ||
      (time === bestTime && (queueClass < bestClass || (queueClass === bestClass && (parentPlace < bestParent || (parentPlace === bestParent && tie < bestTie)))))
    ) {
      best = w;
      bestTime = time;
      bestClass = queueClass;
      bestParent = parentPlace;
      bestTie = tie;
    }
  }
  return best;
}

/** Appends a part's rows `from`..`to` with the whole's string and run ids (a run's id: the order runs started in). */
function copyRows(sim: Simulation, part: PoolPart, from: number, to: number, strings: Int32Array, runIds: Int32Array): void {
  const trace = sim.trace;
  const ints = part.rowInts;
  const times = part.rowTime;
  const slotsOf = rowSlots;
  for (let i = from; i < to; i++) {
    const at = i * INTS;
    const kind = ints[at + KIND] as number;
    const local = ints[at + RUN] as number;
    if (kind === RUN_STARTED) runIds[local] = addRun(sim, part, local);
    const run = local < 0 ? local : (runIds[local] as number);
    const a = ints[at + A] as number;
    const b = ints[at + B] as number;
    const slots = slotsOf[kind] as number;
    let newA = -1;
    let newB = -1;
    let due = -1;
    if (slots === DUE) due = a * TWO_32 + (b >>> 0);
    else {
      newA = a < 0 ? a : (strings[a] as number);
      newB = b < 0 ? b : slots === STRING_AND_RUN ? (runIds[b] as number) : (strings[b] as number);
    }
    trace.append(times[i] as number, kind, ints[at + CONTACT] as number, run, ints[at + WORKFLOW] as number, ints[at + NODE] as number, ints[at + USER] as number, ints[at + CODE] as number, newA, newB, due);
  }
}

/** The run fields' places, read once (see KIND). */
const R = {
  workflow: RUN_WORKFLOW,
  contact: RUN_CONTACT,
  startedAt: RUN_STARTED_AT,
  triggerEvent: RUN_TRIGGER_EVENT,
  chainDepth: RUN_CHAIN_DEPTH,
  node: RUN_NODE,
  timerToken: RUN_TIMER_TOKEN,
  stoppedBy: RUN_STOPPED_BY,
  endedAt: RUN_ENDED_AT,
  due: RUN_DUE,
  status: RUN_STATUS,
  waiting: RUN_WAITING,
  reason: RUN_REASON,
  whenStoppedRan: RUN_WHEN_STOPPED_RAN,
  fields: RUN_FIELDS,
} as const;

/** Adds a part's run to the whole's run table, in its final state; returns its id there. */
function addRun(sim: Simulation, part: PoolPart, local: number): number {
  const f = part.runs;
  const at = local * R.fields;
  const runs = sim.runs;
  const run = runs.add(f[at + R.workflow] as number, f[at + R.contact] as number, f[at + R.startedAt] as number, f[at + R.triggerEvent] as number, f[at + R.chainDepth] as number);
  runs.setNode(run, f[at + R.node] as number);
  runs.setTimerToken(run, f[at + R.timerToken] as number);
  runs.setStoppedBy(run, f[at + R.stoppedBy] as number);
  runs.setEndedAt(run, f[at + R.endedAt] as number);
  runs.setDue(run, f[at + R.due] as number);
  runs.setStatus(run, f[at + R.status] as number);
  runs.setWaiting(run, f[at + R.waiting] as number);
  runs.setReason(run, f[at + R.reason] as number);
  if (f[at + R.whenStoppedRan] === 1) runs.markWhenStoppedRan(run);
  return run;
}

function restorePauses(sim: Simulation, parts: readonly PoolPart[], runIds: readonly Int32Array[]): void {
  parts.forEach((part, w) => {
    const p = part.pauses;
    for (let at = 0; at < p.length; at += PAUSE_FIELDS) {
      const run = (runIds[w] as Int32Array)[p[at] as number] as number;
      sim.restorePause(run, { pausedAt: p[at + 1] as number, remaining: p[at + 2] as number, resumeAt: p[at + 3] as number, quietSince: p[at + 4] as number });
    }
  });
}

const EVENT = Object.fromEntries(scriptEventTypeSchema.options.map((type, i) => [type, i])) as Record<(typeof scriptEventTypeSchema.options)[number], number>;
const CHANGE = Object.fromEntries(contactChangeSchema.options.map((change, i) => [change, i])) as Record<(typeof contactChangeSchema.options)[number], number>;

/**
 * Brings every contact to its state at the end by replaying the merged trace: each change to a
 * contact (its conversation, assignee, last message, tags, fields) is written as a row, in the
 * order it happened; and its active and latest run per Workflow follow from the run table.
 */
function replayContacts(sim: Simulation): void {
  const trace = sim.trace;
  const contacts = sim.contacts;
  const text = (id: number) => trace.text(id) ?? '';
  for (let i = 0; i < trace.length; i++) {
    const kind = trace.kindAt(i);
    const contact = trace.contactAt(i);
    const code = trace.codeAt(i);
    const a = trace.aAt(i);
    if (kind === EVENT_ROW) {
      if (code === EVENT['contact.message']) contacts.setLastMessage(contact, a);
      else if (code === EVENT.assign) contacts.setAssignee(contact, a);
      else if (code === EVENT.unassign) contacts.setAssignee(contact, -1);
      else if (code === EVENT['tag.add']) contacts.addTag(contact, text(a));
      else if (code === EVENT['tag.remove']) contacts.removeTag(contact, text(a));
      else if (code === EVENT['field.set']) contacts.setField(contact, text(a), text(trace.bAt(i)));
      else if (code === EVENT['conversation.open']) contacts.setConversationOpen(contact, true);
      else if (code === EVENT['conversation.close']) contacts.setConversationOpen(contact, false);
    } else if (kind === CHANGE_ROW) {
      if (code === CHANGE.assigned) contacts.setAssignee(contact, a);
      else if (code === CHANGE.field_set) contacts.setField(contact, text(a), text(trace.bAt(i)));
      else if (code === CHANGE.tag_added) contacts.addTag(contact, text(a));
      else if (code === CHANGE.tag_removed) contacts.removeTag(contact, text(a));
      else if (code === CHANGE.conversation_opened) contacts.setConversationOpen(contact, true);
      else if (code === CHANGE.conversation_closed) contacts.setConversationOpen(contact, false);
    } else if (kind === ANSWER_ROW) contacts.setField(contact, text(trace.bAt(i)), text(a));
  }
  const runs = sim.runs;
  for (let run = 0; run < runs.length; run++) {
    const slot = (sim.workflows[runs.workflow(run)] as CompiledWorkflow).slot;
    const contact = runs.contact(run);
    contacts.setLatestRun(slot, contact, run);
    contacts.setActiveRun(slot, contact, runs.isOngoing(run) ? run : -1);
  }
}
