import { LiveSession, type LiveCommand } from '../../simulator/engine/liveSession.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { contactTranscript, type TranscriptItem } from '../../simulator/trace/transcript.ts';
import { traceNamesOf } from '../../simulator/trace/traceNames.ts';
import type { ContactRow } from '../../src/screens/messages/inbox/ContactList.tsx';
import { contactRows } from '../../src/screens/messages/live/contactRows.ts';
import { demoScript } from '../../src/screens/messages/live/demoCast.ts';
import { ongoingRuns, type OngoingRun } from '../../src/screens/messages/live/ongoingRuns.ts';
import { runnableWorkflows, type RunnableWorkflows } from '../../src/screens/messages/live/runnableWorkflows.ts';
import { buildWorkflow, steps, withSettings } from '../../test/harness/workflowFixtures.ts';
import { followUp, hotLead } from '../fixtures/exampleDocuments.ts';
import { parseWorkflowDocument } from '../../simulator/schema/parseDocument.ts';
import demoAssistantWorkflow from '../../public/examples/hand-back/demo-assistant.workflow.json';
import demoReminderWorkflow from '../../public/examples/hand-back/demo-reminder.workflow.json';

/**
 * The Messages view's stories run the real engine: a `LiveSession` on the bundled example Workflows
 * and the demo inbox's cast, played by the same commands a person gives in the view. Everything a
 * story shows (transcripts, ongoing runs, contact rows) is the engine's report.
 */

/** A fixed session start, so every time on screen is the same on every machine. */
export const START = '2026-01-05T09:00:00Z';
export const startEpochMs = Date.parse(START);
export const timeZone = 'UTC';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The demo inbox's people (Olivia, Max, Alice, Rita with the user restriction; Dana, Omar, Lee), starting at `START`. */
export const cast = demoScript(new Date(START));

export const userNamed = (id: string) => {
  const user = cast.users.find((candidate) => candidate.id === id);
  if (!user) throw new Error(`No user ${id} in the demo cast`);
  return user;
};

/** "Book a demo": a Workflow an agent starts by hand, from the Shortcuts tab. */
export const bookDemoShortcut: Workflow = buildWorkflow({
  id: 'book-demo',
  name: 'Book a demo',
  trigger: { id: 'trigger', type: 'shortcut', label: 'Agent starts it' },
  steps: [steps.send('offer', 'Would you like a 30-minute demo this week, {{contact.name}}?', 'Offer a demo'), steps.end()],
  edges: ['trigger>offer', 'offer>end'],
});

/** The hot-lead examples (Lead nurture, VIP routing), the 24h follow-up, and a shortcut: what the inbox runs. */
export const inboxWorkflows: readonly Workflow[] = [...hotLead.workflows, ...followUp.workflows].map((document) => document.value).concat(bookDemoShortcut);

export const names = traceNamesOf(inboxWorkflows, cast);

/** One of the inbox's Workflows by id. */
export function inboxWorkflow(id: string): Workflow {
  const workflow = inboxWorkflows.find((candidate) => candidate.id === id);
  if (!workflow) throw new Error(`No Workflow ${id} in the inbox`);
  return workflow;
}

/** One move of a story's session: a person's command now, or virtual time passing. */
export type SessionMove = LiveCommand | { readonly advance: number };

/** Starts a live session on the inbox's Workflows and the demo cast, and plays the moves; any refused input throws. */
export function playSession(moves: readonly SessionMove[], workflows: readonly Workflow[] = inboxWorkflows): LiveSession {
  const started = LiveSession.start(workflows, cast);
  if (!started.ok) throw new Error(started.problems.map((problem) => problem.message).join('; '));
  const live = started.session;
  for (const move of moves) {
    if ('advance' in move) {
      live.advance(move.advance);
      continue;
    }
    const outcome = live.command(move);
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
  }
  return live;
}

/** Dana (a Pro-plan lead) writes in: Lead nurture asks what she needs, VIP routing notes her for Sales, the 24h follow-up acknowledges. */
export const danaWritesIn: readonly SessionMove[] = [{ type: 'contact.message', contact: 'dana', text: "Hi, I'd like to know more about Acme." }];

/**
 * Every kind of line in one conversation: Dana writes, a broadcast goes out, her answer stops the
 * 24h follow-up (Incoming messages) while Lead nurture goes on, Rita's stop is refused (user
 * restriction), Alice stops Lead nurture by hand and writes to Dana.
 */
export const danasMorning: readonly SessionMove[] = [
  ...danaWritesIn,
  { advance: 10 * MINUTE },
  { type: 'broadcast.message', contact: 'dana', text: 'Our January sale starts today.' },
  { advance: 5 * MINUTE },
  { type: 'contact.message', contact: 'dana', text: 'Pricing for a team of ten, please.' },
  { advance: 20 * MINUTE },
  { type: 'workflow.stop', contact: 'dana', user: 'rita', workflow: 'Lead nurture' },
  { type: 'workflow.stop', contact: 'dana', user: 'alice', workflow: 'Lead nurture' },
  { type: 'agent.message', contact: 'dana', user: 'alice', text: 'Hi Dana, Alice here. I will send you a quote today.' },
];

/** The conversation of one contact, as the inbox shows it (named after the Workflows the session runs). */
export const transcriptOf = (live: LiveSession, contact: string, workflows?: readonly Workflow[]): TranscriptItem[] =>
  contactTranscript(live.trace(), contact, workflows ? traceNamesOf(workflows, cast) : names);

/** The contact's active and paused runs, as the Ongoing Workflows tab lists them. */
export const ongoingOf = (live: LiveSession, contact: string, workflows: readonly Workflow[] = inboxWorkflows): OngoingRun[] =>
  ongoingRuns(contact, live.runs(), live.trace(), workflows);

function bundled(file: string, raw: unknown): Workflow {
  const parsed = parseWorkflowDocument(raw);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.value;
}

/**
 * The hand-back examples: Demo assistant pauses when a teammate writes and resumes after 2h of
 * quiet; Demo reminder (started by the demo-requested tag) pauses too, until the conversation is closed.
 */
export const handBackWorkflows: readonly Workflow[] = [
  bundled('hand-back/demo-assistant.workflow.json', demoAssistantWorkflow),
  bundled('hand-back/demo-reminder.workflow.json', demoReminderWorkflow),
];

/**
 * Omar is tagged demo-requested and writes in a second later (both Workflows start); an hour later
 * Alice writes to him and both pause; half an hour after that, Demo assistant resumes in 1h30m if the team stays quiet.
 */
export const aliceTakesOmar: readonly SessionMove[] = [
  { type: 'tag.add', contact: 'omar', tag: 'demo-requested' },
  { type: 'contact.message', contact: 'omar', text: 'Hi, can I see a demo?' },
  { advance: HOUR },
  { type: 'agent.message', contact: 'omar', user: 'alice', text: 'Hi Omar, Alice here. Let me find you a slot.' },
  { advance: 30 * MINUTE },
];

/** The inbox's rows, built as the Messages view builds them. */
export const contactRowsOf = (live: LiveSession): ContactRow[] => contactRows(cast.contacts, { trace: live.trace(), runs: live.runs(), contacts: live.contacts() }, names);

/** The stored Workflows after someone switched on exit conditions in a copy of the follow-up and chose none: it is left out. */
export function storedWithAProblem(): RunnableWorkflows {
  const winBack = withSettings({ ...inboxWorkflow('follow-up'), id: 'win-back', name: 'Win-back' }, { manualStop: true, exitConditions: { enabled: true, on: [] } });
  return runnableWorkflows([...inboxWorkflows, winBack]);
}
