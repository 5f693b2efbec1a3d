import { formatOffset } from '../schema/duration.ts';
import { EXIT_CONDITION_CATALOGUE, isExitCondition } from '../schema/exitConditions.ts';
import type { PublishPolicy } from '../schema/script.ts';
import type { ExitCondition, StopReason } from '../schema/settings.ts';
import type { TraceEntry, TraceReason } from '../schema/trace.ts';

/** How to name what a trace entry mentions by id. */
export interface TraceNames {
  workflow(id: string): string;
  step(workflowId: string, stepId: string): string;
  user(id: string): string;
  contact(id: string): string;
  /**
   * An instant in a sentence, as the screen showing the sentence writes instants beside it: the
   * Messages view and the transcripts give clock times ("Mon 7 Dec, 18:52:02"). Without it, the
   * offset from the start ("+2s"), as the trace table and the command line show time.
   */
  readonly time?: (t: number) => string;
}

/** Every reason but the exit conditions, whose words are the catalogue's. */
const REASON_TEXT: Record<Exclude<TraceReason, ExitCondition>, string> = {
  manual: 'stopped by hand',
  workflow_updated: 'a new version of the Workflow was published, and its runs in flight were stopped',
  step_removed: 'moved to a new version of the Workflow that no longer has its step',
  already_active: 'a run of this Workflow is already active for the contact',
  once_per_contact: 'the trigger fires once per contact and the contact already entered',
  stopped_by_this_event: 'this event just stopped a run of this Workflow, so it cannot start a new one',
  answered_by_this_event: 'this message answered a question of a run of this Workflow, so it cannot start a new one',
  not_a_shortcut: "this Workflow's trigger is not a shortcut",
  not_started_by_workflows: 'this Workflow is not started by other Workflows',
  restricted_user: 'the user has the user restriction',
  unknown_workflow: 'there is no such Workflow',
  chain_too_deep: 'too many Workflows started each other in a chain',
  reentry_never: 'the contact’s run was stopped, and this Workflow never starts again for a contact it stopped',
  reentry_wait: 'the contact’s run was stopped too recently to start again',
  manual_stop_off: 'this Workflow does not allow users to stop it',
  no_active_run: 'the contact has no active run of this Workflow',
  already_stopped: 'the run is already stopped',
  exit_conditions_off: 'exit conditions are off',
  condition_not_selected: 'this exit condition is not selected',
  sent_by_workflow: 'messages sent by a Workflow do not count',
  broadcast: 'broadcasts do not count',
  trigger_message: 'the message that started this run does not count',
  answer_to_question: 'it answered the open question',
  assigned_by_workflow: 'assignment by a Workflow does not count',
  assigned_by_rule: 'assignment by an automatic rule does not count',
  unassignment: 'unassignment does not count',
  silence: 'your team has been quiet long enough',
  conversation_closed: 'the conversation was closed',
  loop: 'it executed 1,000 steps in one instant without virtual time advancing (the runaway guard: a loop, or a path of 1,000 steps with no Wait)',
};

export function describeReason(reason: TraceReason): string {
  return isExitCondition(reason) ? EXIT_CONDITION_CATALOGUE[reason].stopReason : REASON_TEXT[reason];
}

const quote = (text: string | undefined) => `"${text ?? ''}"`;

/** One sentence saying what a trace entry means, for people. */
export function describeEntry(entry: TraceEntry, names: TraceNames): string {
  const workflow = entry.workflow === undefined ? '' : names.workflow(entry.workflow);
  const instant = names.time ?? formatOffset;
  const step = entry.workflow !== undefined && entry.step !== undefined ? names.step(entry.workflow, entry.step) : '';
  const user = entry.user === undefined ? '' : names.user(entry.user);
  const contact = names.contact(entry.contact);
  const reason = entry.reason === undefined ? '' : describeReason(entry.reason);
  switch (entry.kind) {
    case 'event':
      switch (entry.event) {
        case 'contact.message':
          return `${contact} writes ${quote(entry.text)}`;
        case 'agent.message':
          return `${user} writes to ${contact}: ${quote(entry.text)}`;
        case 'broadcast.message':
          return `Broadcast to ${contact}: ${quote(entry.text)}`;
        case 'assign':
          return user ? `${user} assigns ${contact} to ${names.user(entry.to ?? '')}` : `An assignment rule assigns ${contact} to ${names.user(entry.to ?? '')}`;
        case 'unassign':
          return `${user || 'Someone'} unassigns ${contact}`;
        case 'workflow.stop':
          return `${user} asks to stop ${workflow} for ${contact}`;
        case 'shortcut':
          return `${user} starts the shortcut ${workflow} for ${contact}`;
        case 'workflow.start':
          return `Test run of ${workflow} for ${contact}${user ? `, started by ${user}` : ''}`;
        case 'tag.add':
          return `Tag "${entry.tag}" added to ${contact}`;
        case 'tag.remove':
          return `Tag "${entry.tag}" removed from ${contact}`;
        case 'field.set':
          return `Field ${entry.field} of ${contact} set to ${quote(entry.value)}`;
        case 'conversation.open':
          return `Conversation with ${contact} opened`;
        case 'conversation.close':
          return `Conversation with ${contact} closed`;
        default:
          return `Event ${entry.event}`;
      }
    case 'run.started':
      return `Workflow ${workflow} started for ${contact}`;
    case 'trigger.ignored':
      if (entry.stopReason !== undefined && entry.stoppedAt !== undefined)
        return `Trigger of ${workflow} ignored: ${describeReentry(entry.stopReason, entry.stoppedAt, entry.liftsAt, instant)}`;
      return `Trigger of ${workflow} ignored: ${reason}`;
    case 'step':
      return `${workflow} → ${step}`;
    case 'message.sent':
      return `${workflow} sends ${quote(entry.text)}`;
    case 'question.answered':
      return `${contact} answered ${step}: ${quote(entry.text)} saved in field ${entry.field}`;
    case 'question.timeout':
      return `${step} timed out without an answer`;
    case 'question.cancelled':
      return `Open question ${step} cancelled`;
    case 'timer.set':
      return `Timer set for ${instant(entry.due ?? 0)} (${step})`;
    case 'timer.fired':
      return `Timer of ${step} fired`;
    case 'timer.cancelled':
      if (entry.reason === 'answer_to_question') return `Timeout of ${step} cancelled: the question was answered`;
      return `Timer due ${instant(entry.due ?? 0)} cancelled: ${step} will not continue`;
    case 'contact.changed':
      switch (entry.change) {
        case 'assigned':
          return `${workflow ? `${workflow} assigns` : 'Assigned'} ${contact} to ${names.user(entry.to ?? '')}`;
        case 'field_set':
          return `Field ${entry.field} set to ${quote(entry.value)}`;
        case 'tag_added':
          return `Tag "${entry.tag}" added`;
        case 'tag_removed':
          return `Tag "${entry.tag}" removed`;
        case 'conversation_opened':
          return `Conversation opened`;
        default:
          return `Conversation closed`;
      }
    case 'comment.added':
      return `Internal comment: ${quote(entry.text)}`;
    case 'exit.ignored':
      return `Not an exit trigger for ${workflow}: ${reason}`;
    case 'run.completed':
      return `Workflow ${workflow} completed at ${step}`;
    case 'run.stopped':
      return entry.reason === 'manual' ? `Workflow ${workflow} stopped by ${user}` : `Workflow ${workflow} stopped: ${reason}`;
    case 'stop.refused':
      return `Stop of ${workflow} refused${user ? ` for ${user}` : ''}: ${reason}`;
    case 'run.failed':
      return `Workflow ${workflow} failed at ${step}: ${reason}`;
    case 'when_stopped.started':
      return `Workflow ${workflow} takes its When stopped path (${entry.reason === 'manual' ? 'stopped by hand' : `stopped: ${reason}`})`;
    case 'when_stopped.ended':
      return entry.reason === undefined ? `When stopped path of ${workflow} done` : `When stopped path of ${workflow} cut short at ${step}: ${reason}`;
    case 'run.paused':
      return `Workflow ${workflow} paused at ${step}: ${reason}; ${describeResume(entry)}`;
    case 'timer.frozen':
      return `Timer of ${step} frozen with ${span((entry.due ?? entry.t) - entry.t)} left`;
    case 'pause.extended': {
      const by = entry.reason !== undefined ? `${reason} again` : user ? `${user} is with the contact` : 'the contact was assigned';
      return `Pause of ${workflow} extended: ${by}; ${describeResume(entry)}`;
    }
    case 'workflow.published':
      return `New version of ${workflow} published${entry.text ? ` (${quote(entry.text)})` : ''}: ${PUBLISH_POLICY_TEXT[entry.policy ?? 'finish']}`;
    case 'run.moved':
      return `Run of ${workflow} moved to the new version at ${step}`;
    case 'run.resumed':
      return entry.reason === 'silence' && entry.due !== undefined
        ? `Workflow ${workflow} resumes at ${step}: your team has been quiet for ${span(entry.t - entry.due)}`
        : `Workflow ${workflow} resumes at ${step}: ${reason}`;
  }
}

/**
 * When a paused run resumes, as a span from the entry rather than an instant, so it reads the same
 * in the simulator's offsets and in the Messages view's clock times.
 */
function describeResume(entry: TraceEntry): string {
  return entry.due === undefined ? 'resumes when the conversation is closed' : `resumes after ${span(entry.due - entry.t)} if your team stays quiet`;
}

/** A length of time: "2h", "23h15m". */
const span = (ms: number) => formatOffset(ms).slice(1);

/** What a publish does to the runs in flight, in a sentence's words. */
const PUBLISH_POLICY_TEXT: Record<PublishPolicy, string> = {
  finish: 'runs in flight finish on their version',
  stop: 'runs in flight are stopped',
  move: 'runs in flight move to it',
};

/** "stopped by incoming message at +2h; may start again from +7d2h", each instant as `time` writes it. */
function describeReentry(stopReason: StopReason, stoppedAt: number, liftsAt: number | undefined, time: (t: number) => string): string {
  const by = isExitCondition(stopReason) ? `by ${EXIT_CONDITION_CATALOGUE[stopReason].stopReason}` : 'by hand';
  const lifts = liftsAt === undefined ? 'never starts again for this contact' : `may start again from ${time(liftsAt)}`;
  return `stopped ${by} at ${time(stoppedAt)}; ${lifts}`;
}
