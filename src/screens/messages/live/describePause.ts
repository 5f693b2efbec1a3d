import { stopReasonLabel } from '../../../../simulator/schema/exitConditions.ts';
import { formatOffset, parseDuration } from '../../../../simulator/schema/duration.ts';
import type { ResumeRule } from '../../../../simulator/schema/settings.ts';
import { formatSpan } from '../../../common/virtualTime.ts';
import type { OngoingRun, RunPause } from './ongoingRuns.ts';

/** A paused run in the words of the Ongoing Workflows tab. */
export interface PauseText {
  /** "Paused — resumes after 2h without a message from your team": the Workflow's rule. */
  readonly headline: string;
  /** "in 1h59m, if your team stays quiet" or "when the conversation is closed". */
  readonly resumes: string;
  /** "Outgoing messages": the condition that paused it. */
  readonly pausedBy: string | undefined;
  /** What it waits for once it resumes: "Wait 24h, with 23h left when it resumes". */
  readonly waitsFor: string;
}

/**
 * The words for a paused run: how it resumes (the Workflow's rule, else what the engine reported:
 * an instant, or none when only a closed conversation resumes it), how long until then by the
 * session's clock, and what its frozen timer had left.
 */
export function describePause(run: OngoingRun & { readonly pause: RunPause }, now: number): PauseText {
  const { pause } = run;
  return {
    headline: `Paused — ${describeRule(pause.resume, pause.resumesAt)}`,
    resumes: describeResume(pause.resumesAt, now),
    pausedBy: pause.reason === undefined ? undefined : stopReasonLabel(pause.reason),
    waitsFor: describeFrozen(run, pause.remaining),
  };
}

/** The time left by the session's clock; under a second it is this instant (the engine resumes it as the clock gets there). */
function describeResume(resumesAt: number | undefined, now: number): string {
  if (resumesAt === undefined) return 'When the conversation is closed';
  const left = resumesAt - now;
  return left < 1000 ? 'Now, if your team stays quiet' : `In ${formatSpan(left)}, if your team stays quiet`;
}

function describeRule(rule: ResumeRule | undefined, resumesAt: number | undefined): string {
  if (rule?.on === 'silence') return `resumes after ${spanOf(rule.after)} without a message from your team`;
  if (rule?.on === 'conversation_closed' || resumesAt === undefined) return 'resumes when the conversation is closed';
  return 'resumes when your team has been quiet long enough';
}

/** "2h" as the settings wrote it, in the form the rest of the tab uses ("120m" reads "2h"). */
function spanOf(duration: string): string {
  const ms = parseDuration(duration);
  return ms === undefined ? duration : formatOffset(ms).slice(1);
}

function describeFrozen(run: OngoingRun, remaining: number | undefined): string {
  if (run.waitingFor === 'timer')
    return remaining === undefined ? `${run.stepLabel}, once it resumes` : `${run.stepLabel}, with ${formatSpan(remaining)} left when it resumes`;
  if (run.waitingFor === 'reply')
    return remaining === undefined
      ? 'A reply, once it resumes: messages while it is paused are not the answer'
      : `A reply, or gives up ${formatSpan(remaining)} after it resumes: messages while it is paused are not the answer`;
  return 'Nothing: it moves on when it resumes';
}
