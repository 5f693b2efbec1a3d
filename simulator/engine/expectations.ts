import type { Expectation, Script } from '../schema/script.ts';
import type { ExpectationResult } from '../schema/result.ts';
import { RUN_STATUSES } from './runTable.ts';
import { runState } from './materialize.ts';
import type { Simulation } from './simulation.ts';
import { K } from './traceLog.ts';

/** The simulation's contacts an expectation about script contact `id` concerns. */
function contactsFor(sim: Simulation, id: string): number[] {
  if (sim.feed.isPopulation) return Array.from({ length: sim.feed.contactCount }, (_, i) => i);
  const index = sim.feed.indexOf(id);
  return index < 0 ? [] : [index];
}

/** Checks every expectation of the script against a finished simulation. */
export function checkExpectations(sim: Simulation, script: Script): ExpectationResult[] {
  return script.expect.map((expectation, index) => checkOne(sim, expectation, index));
}

function checkOne(sim: Simulation, expectation: Expectation, index: number): ExpectationResult {
  const contacts = contactsFor(sim, expectation.contact);
  let failedContacts = 0;
  let first: { contact: number; message: string; traceSeq?: number } | undefined;
  let passMessage = '';
  const sent = 'neverSent' in expectation ? firstSent(sim, expectation.neverSent) : 'sent' in expectation ? firstSent(sim, expectation.sent) : null;
  for (const contact of contacts) {
    const verdict =
      'status' in expectation
        ? checkRun(sim, expectation, contact)
        : 'neverSent' in expectation || 'sent' in expectation
          ? checkMessages(sim, expectation, contact, sent as Int32Array)
          : checkContact(sim, expectation, contact);
    if (verdict.passed) passMessage = verdict.message;
    else {
      failedContacts++;
      // Only the first failure is shown with its trace entry: finding it reads the trace, once.
      if (first === undefined) {
        const traceSeq = verdict.traceSeq ?? (verdict.endedRun === undefined ? undefined : lastEntryOf(sim, verdict.endedRun));
        first = { contact, message: verdict.message, ...(traceSeq === undefined ? {} : { traceSeq }) };
      }
    }
  }
  const result: ExpectationResult = {
    index,
    expectation,
    passed: failedContacts === 0 && contacts.length > 0,
    message: first ? first.message : passMessage || 'No such contact',
    contacts: contacts.length,
    failedContacts,
  };
  if (first) {
    result.contact = sim.feed.contactId(first.contact);
    if (first.traceSeq !== undefined) result.traceSeq = first.traceSeq;
    if (contacts.length > 1) result.message += ` (and ${failedContacts - 1} more of ${contacts.length} contacts)`;
  }
  return result;
}

/** `endedRun`: the run whose last trace entry shows why (found only for the first failure). */
type Verdict = { passed: boolean; message: string; traceSeq?: number; endedRun?: number };

function checkRun(sim: Simulation, expectation: Extract<Expectation, { status: string }>, contact: number): Verdict {
  const workflowIndex = sim.resolveWorkflow(expectation.workflow);
  const workflow = sim.workflows[workflowIndex];
  const who = sim.feed.contactId(contact);
  if (!workflow) return { passed: false, message: `No Workflow "${expectation.workflow}"` };
  const wanted = `${expectation.status}${expectation.reason ? ` (${expectation.reason})` : ''}${expectation.atStep ? ` at "${expectation.atStep}"` : ''}`;
  const run = sim.latestRunOf(workflowIndex, contact);
  if (run < 0) return { passed: false, message: `Expected ${workflow.name} for ${who} to be ${wanted}, but it never ran` };
  const state = runState(sim, run);
  // The step in the run's own version: a publish may have moved it to a version whose steps differ.
  const node = (sim.workflows[sim.runs.workflow(run)] ?? workflow).nodes[sim.runs.node(run)];
  const atStepHolds = expectation.atStep === undefined || expectation.atStep === node?.id || expectation.atStep === node?.label;
  const passed =
    state.status === expectation.status &&
    (expectation.reason === undefined || state.reason === expectation.reason) &&
    atStepHolds;
  const actual = `${RUN_STATUSES[sim.runs.status(run)]}${state.reason ? ` (${state.reason})` : ''} at "${node?.label}"`;
  if (passed) return { passed, message: `${workflow.name} for ${who}: ${actual}` };
  return { passed, message: `Expected ${workflow.name} for ${who} to be ${wanted}, but it was ${actual}`, endedRun: run };
}

/** A tag or field of the contact at the end. */
function checkContact(sim: Simulation, expectation: Extract<Expectation, { hasTag: string } | { lacksTag: string } | { equals: string }>, contact: number): Verdict {
  const who = sim.feed.contactId(contact);
  if ('hasTag' in expectation) {
    const passed = sim.contacts.hasTag(contact, expectation.hasTag);
    return { passed, message: passed ? `${who} has the tag "${expectation.hasTag}"` : `Expected ${who} to have the tag "${expectation.hasTag}", but it does not`, ...lastChange(sim, contact, passed) };
  }
  if ('lacksTag' in expectation) {
    const passed = !sim.contacts.hasTag(contact, expectation.lacksTag);
    return { passed, message: passed ? `${who} does not have the tag "${expectation.lacksTag}"` : `Expected ${who} not to have the tag "${expectation.lacksTag}", but it does`, ...lastChange(sim, contact, passed) };
  }
  const value = sim.contacts.field(contact, expectation.field);
  const passed = value === expectation.equals;
  const actual = value === undefined ? 'it is not set' : `it is "${value}"`;
  return {
    passed,
    message: passed ? `${who}'s field ${expectation.field} is "${value}"` : `Expected ${who}'s field ${expectation.field} to be "${expectation.equals}", but ${actual}`,
    ...lastChange(sim, contact, passed),
  };
}

/** For a failed contact check: the contact's last trace entry that changed it, to show where to look. */
function lastChange(sim: Simulation, contact: number, passed: boolean): { traceSeq?: number } {
  if (passed) return {};
  const log = sim.trace;
  for (let i = log.length - 1; i >= 0; i--) if (log.contactAt(i) === contact && (log.kindAt(i) === K['contact.changed'] || log.kindAt(i) === K.event)) return { traceSeq: i };
  return {};
}

function checkMessages(
  sim: Simulation,
  expectation: Extract<Expectation, { neverSent: string } | { sent: string }>,
  contact: number,
  sent: Int32Array,
): Verdict {
  const text = 'neverSent' in expectation ? expectation.neverSent : expectation.sent;
  const who = sim.feed.contactId(contact);
  const seq = sent[contact] as number;
  if ('neverSent' in expectation) {
    return seq < 0
      ? { passed: true, message: `"${text}" was never sent to ${who}` }
      : { passed: false, message: `Expected "${text}" never to be sent to ${who}, but it was`, traceSeq: seq };
  }
  return seq >= 0
    ? { passed: true, message: `"${text}" was sent to ${who}` }
    : { passed: false, message: `Expected "${text}" to be sent to ${who}, but it never was` };
}

/** Per contact, the trace index of the first Workflow message containing `text`, or -1: one pass over the trace. */
function firstSent(sim: Simulation, text: string): Int32Array {
  const log = sim.trace;
  const first = new Int32Array(sim.feed.contactCount).fill(-1);
  for (let i = 0; i < log.length; i++) {
    const contact = log.contactAt(i);
    if (log.kindAt(i) === K['message.sent'] && first[contact] === -1 && sim.textAt(i)?.includes(text)) first[contact] = i;
  }
  return first;
}

/** The trace row where the run ended (stopped, completed, failed), else its last row. */
function lastEntryOf(sim: Simulation, run: number): number {
  const log = sim.trace;
  const ends = [K['run.stopped'], K['run.completed'], K['run.failed']];
  let last = -1;
  for (let i = log.length - 1; i >= 0; i--) {
    if (log.runAt(i) !== run) continue;
    if (ends.includes(log.kindAt(i))) return i;
    if (last < 0) last = i;
  }
  return last;
}
