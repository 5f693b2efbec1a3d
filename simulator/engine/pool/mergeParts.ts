import { contactChangeSchema } from '../../schema/trace.ts';
import { scriptEventTypeSchema } from '../../schema/script.ts';
import type { CompiledWorkflow } from '../compileWorkflow.ts';
import { Simulation, type SimulationInput } from '../simulation.ts';
import { K } from '../traceLog.ts';
import { PAUSE_FIELDS, type PoolPart } from './poolPart.ts';

const EVENT_ROW = K.event;
const CHANGE_ROW = K['contact.changed'];
const ANSWER_ROW = K['question.answered'];

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
  // A run's id in the whole: the order runs started in, given at each run.started row.
  let runCount = sim.runs.length;
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
    const to = k + 1 < part.stepCount ? (part.stepFirstRow[k + 1] as number) : part.rows.length;
    runCount = trace.appendRemapped(part.rows, from, to, stringIds[w] as Int32Array, runIds[w] as Int32Array, runCount);
  }
  addRuns(sim, parts, runIds, runCount);
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

/** The parts' runs in the whole's run table, in their final state, each at the id the merge gave it. */
function addRuns(sim: Simulation, parts: readonly PoolPart[], runIds: readonly Int32Array[], runCount: number): void {
  const part = new Int32Array(runCount);
  const local = new Int32Array(runCount);
  runIds.forEach((ids, w) => {
    for (let run = 0; run < ids.length; run++) {
      const id = ids[run] as number;
      if (id < 0) continue;
      part[id] = w;
      local[id] = run;
    }
  });
  const runs = sim.runs;
  for (let id = runs.length; id < runCount; id++) runs.appendRow((parts[part[id] as number] as PoolPart).runs, local[id] as number);
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
    // Most rows change no contact: the kind alone says so.
    if (kind !== EVENT_ROW && kind !== CHANGE_ROW && kind !== ANSWER_ROW) continue;
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
