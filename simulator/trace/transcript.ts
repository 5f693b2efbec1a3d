import type { TraceEntry, TraceKind } from '../schema/trace.ts';
import { describeEntry, type TraceNames } from './describeEntry.ts';

/** One line of a contact's conversation, as an inbox shows it. */
export type TranscriptItem =
  | { readonly kind: 'contact'; readonly seq: number; readonly t: number; readonly text: string }
  | { readonly kind: 'agent'; readonly seq: number; readonly t: number; readonly text: string; readonly user: string }
  | { readonly kind: 'workflow'; readonly seq: number; readonly t: number; readonly text: string; readonly workflow: string }
  | { readonly kind: 'broadcast'; readonly seq: number; readonly t: number; readonly text: string }
  | { readonly kind: 'activity'; readonly seq: number; readonly t: number; readonly text: string; readonly tone: ActivityTone };

/** `stop`: a run stopped; `pause`: a run paused; `refused`: a command the engine refused; `note`: an internal comment. */
export type ActivityTone = 'stop' | 'pause' | 'refused' | 'note' | 'info';

const ACTIVITY: Partial<Record<TraceKind, ActivityTone>> = {
  'run.started': 'info',
  'run.completed': 'info',
  'run.stopped': 'stop',
  'run.failed': 'stop',
  'stop.refused': 'refused',
  'comment.added': 'note',
  'contact.changed': 'info',
  'when_stopped.started': 'info',
  'when_stopped.ended': 'info',
  'run.paused': 'pause',
  'pause.extended': 'pause',
  'run.resumed': 'info',
};

/** The ignored triggers agents are told of: a re-entry rule held the contact back. The rest (already active, …) stay in the trace. */
const TOLD_REFUSALS = new Set<string>(['reentry_never', 'reentry_wait']);

const SHOWN_EVENTS = new Set(['assign', 'unassign', 'shortcut', 'workflow.start', 'conversation.open', 'conversation.close', 'tag.add', 'tag.remove', 'field.set']);

/**
 * The conversation of one contact, from the trace: the contact's and the agents' messages, the
 * Workflows' messages, and activity lines for what happened around them — runs starting, stopping
 * ("Workflow Lead nurture stopped: incoming message", "… stopped by Alice") and refusals. Timers,
 * steps and ignored exits stay in the trace, where the simulator shows them.
 */
export function contactTranscript(entries: readonly TraceEntry[], contact: string, names: TraceNames): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  // The runs whose When stopped path is running: its tag and field changes are the clean-up agents look for.
  const cleaningUp = new Set<number | undefined>();
  for (const entry of entries) {
    if (entry.contact !== contact) continue;
    const at = { seq: entry.seq, t: entry.t };
    if (entry.kind === 'message.sent' && entry.workflow !== undefined) {
      items.push({ kind: 'workflow', ...at, text: entry.text ?? '', workflow: names.workflow(entry.workflow) });
    } else if (entry.kind === 'event') {
      if (entry.event === 'contact.message') items.push({ kind: 'contact', ...at, text: entry.text ?? '' });
      else if (entry.event === 'agent.message') items.push({ kind: 'agent', ...at, text: entry.text ?? '', user: names.user(entry.user ?? '') });
      else if (entry.event === 'broadcast.message') items.push({ kind: 'broadcast', ...at, text: entry.text ?? '' });
      else if (entry.event !== undefined && SHOWN_EVENTS.has(entry.event)) items.push({ kind: 'activity', ...at, text: describeEntry(entry, names), tone: 'info' });
    } else if (entry.kind === 'trigger.ignored') {
      if (entry.reason !== undefined && TOLD_REFUSALS.has(entry.reason)) items.push({ kind: 'activity', ...at, text: describeEntry(entry, names), tone: 'refused' });
    } else {
      if (entry.kind === 'when_stopped.started') cleaningUp.add(entry.run);
      if (entry.kind === 'when_stopped.ended') cleaningUp.delete(entry.run);
      const tone = ACTIVITY[entry.kind];
      // A Workflow's own changes (tags, fields) are its business, but for its When stopped path's; its assignments are news to agents.
      if (entry.kind === 'contact.changed' && entry.change !== 'assigned' && !cleaningUp.has(entry.run)) continue;
      if (tone) items.push({ kind: 'activity', ...at, text: describeEntry(entry, names), tone });
    }
  }
  return items;
}
