import type { ContactState, RunState } from '../../../../simulator/schema/run.ts';
import type { ScriptContact } from '../../../../simulator/schema/script.ts';
import type { TraceEntry } from '../../../../simulator/schema/trace.ts';
import { contactTranscript } from '../../../../simulator/trace/transcript.ts';
import type { TraceNames } from '../../../../simulator/trace/describeEntry.ts';
import type { ContactRow } from '../inbox/ContactList.tsx';
import { isOngoing } from './ongoingRuns.ts';

/** What the engine last reported of a live session, as the inbox's rows read it. */
export interface SessionReport {
  readonly trace: readonly TraceEntry[];
  readonly runs: readonly RunState[];
  readonly contacts: readonly ContactState[];
}

/**
 * The inbox's rows, one per contact of the cast in its order: the contact's state, how many of its
 * runs are going (active or paused), and the last line of its conversation (activity lines are not what people said).
 */
export function contactRows(cast: readonly ScriptContact[], report: SessionReport, names: TraceNames): ContactRow[] {
  return cast.map((contact) => ({
    contact,
    state: report.contacts.find((state) => state.contact === contact.id),
    ongoing: report.runs.filter((run) => run.contact === contact.id && isOngoing(run)).length,
    lastLine: contactTranscript(report.trace, contact.id, names)
      .filter((item) => item.kind !== 'activity')
      .at(-1)?.text,
  }));
}
