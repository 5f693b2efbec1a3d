import { runStates, traceEntries } from '../../simulator/engine/materialize.ts';
import type { RunOutcome } from './followUpMachine.ts';
import { prepareEngine } from './engineBench.ts';
import { runXstate } from './xstateBench.ts';
import type { Workload } from './workload.ts';

export interface Agreement {
  readonly contacts: number;
  readonly agree: number;
  readonly disagree: number;
  /** Contacts whose trace entries (time and kind, in order) are the same on both sides. */
  readonly traceAgree: number;
  readonly engineEvents: number;
  readonly xstateEvents: number;
  /** A few disagreeing contacts, engine vs XState, to debug the model. */
  readonly examples: { contact: number; engine: string; xstate: string }[];
}

const describe = (o: { status: string; reason?: string | null; atStep?: string | null; endedAt?: number | null }) =>
  `${o.status}:${o.reason ?? '-'}@${o.atStep ?? '-'}@${o.endedAt ?? '-'}`;

/** `lead#12` → 11: generated contacts are numbered from 1. */
const contactIndex = (id: string) => Number(id.slice(id.indexOf('#') + 1)) - 1;

/**
 * Is the XState peer a model of the same thing? Per contact, the engine's run states (every run,
 * in order: status, stop reason, step, end time) against the XState actor's, and the trace
 * entries each recorded for the contact (time and kind, in order).
 */
export function checkAgreement(workload: Workload): Agreement {
  const simulation = prepareEngine(workload).runToEnd();
  const engine = Array.from({ length: workload.contacts }, () => [] as string[]);
  for (const state of runStates(simulation)) {
    engine[contactIndex(state.contact)]?.push(describe(state));
  }
  const engineTrace = Array.from({ length: workload.contacts }, () => [] as string[]);
  for (const entry of traceEntries(simulation)) engineTrace[contactIndex(entry.contact)]?.push(`${entry.t}/${entry.kind}`);

  const xstate = runXstate(workload);
  const xstateTrace = Array.from({ length: workload.contacts }, () => [] as string[]);
  for (const record of xstate.recorder.trace) xstateTrace[record.contact]?.push(`${record.t}/${record.kind}`);

  let agree = 0;
  let traceAgree = 0;
  const examples: Agreement['examples'] = [];
  for (let c = 0; c < workload.contacts; c++) {
    const e = (engine[c] as string[]).join(' ');
    const x = (xstate.outcomes[c] as RunOutcome[]).map(describe).join(' ');
    if (e === x) agree++;
    else if (examples.length < 3) examples.push({ contact: c, engine: e, xstate: x });
    if ((engineTrace[c] as string[]).join() === (xstateTrace[c] as string[]).join()) traceAgree++;
  }
  return {
    contacts: workload.contacts,
    agree,
    disagree: workload.contacts - agree,
    traceAgree,
    engineEvents: simulation.eventsProcessed,
    xstateEvents: xstate.events,
    examples,
  };
}
