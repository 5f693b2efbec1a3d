import { PauseCircle } from 'lucide-react';
import { useRef, useState } from 'react';
import { ConfirmDialog, preloadConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { describePause } from '../live/describePause.ts';
import type { OngoingRun, RunEndedByPublish, RunPause } from '../live/ongoingRuns.ts';
import { formatSpan, formatVirtualTime } from '../../../common/virtualTime.ts';
import { STOP_RUN_ATTRIBUTE, useStopFocus } from './useStopFocus.ts';

interface Props {
  readonly contactName: string;
  readonly runs: readonly OngoingRun[];
  /** The contact's runs a publish in this session stopped (none when absent). */
  readonly endedByPublish?: readonly RunEndedByPublish[];
  /** Virtual time now, ms since start. */
  readonly now: number;
  readonly startEpochMs: number;
  readonly timeZone: string;
  readonly onStop: (run: OngoingRun) => void;
}

function waitsFor(run: OngoingRun, now: number): string {
  if (run.waitingFor === 'timer' && run.due !== undefined) return `A timer, due in ${formatSpan(run.due - now)}`;
  if (run.waitingFor === 'reply') return run.due === undefined ? 'A reply' : `A reply, or gives up in ${formatSpan(run.due - now)}`;
  return 'Nothing: it is moving on';
}

/**
 * The contact's active and paused runs: Workflow, current step, since when, what it waits for (a
 * paused run: how and when it resumes, and what its frozen timer has left) — and Stop only where
 * the Workflow allows users to stop it. Stopping asks first; the engine decides.
 */
export function OngoingWorkflowsList({ contactName, runs, endedByPublish = [], now, startEpochMs, timeZone, onStop }: Props) {
  const [confirming, setConfirming] = useState<OngoingRun | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const focus = useStopFocus(box, runs);
  const close = () => {
    setConfirming(null);
    focus.confirmationClosed();
  };
  return (
    <div ref={box} className="ongoing-runs" tabIndex={-1} onFocus={focus.onFocus} onBlur={focus.onBlur}>
      {runs.length === 0 ? (
        <p className="ongoing ongoing--empty">No Workflow is running for {contactName}.</p>
      ) : (
        <ul className="ongoing" aria-label={`Ongoing Workflows for ${contactName}`}>
          {runs.map((run) => (
            <li key={run.run} className={run.pause ? 'ongoing__run ongoing__run--paused' : 'ongoing__run'} aria-label={run.workflowName}>
              <div className="ongoing__head">
                <span className="ongoing__name">
                  {run.workflowName}
                  {run.version !== undefined && <span className="ongoing__version">version {run.version}</span>}
                </span>
                {run.manualStop ? (
                  <button
                    type="button"
                    className="ui-button ui-button--danger"
                    {...{ [STOP_RUN_ATTRIBUTE]: run.run }}
                    // The question's code is fetched as the pointer or focus reaches Stop, so it opens without a wait.
                    onPointerEnter={preloadConfirmDialog}
                    onFocus={preloadConfirmDialog}
                    onClick={(event) => {
                      focus.stopOpened(event.currentTarget);
                      setConfirming(run);
                    }}
                    aria-label={`Stop ${run.workflowName}`}
                  >
                    Stop
                  </button>
                ) : (
                  <span className="ongoing__no-stop">Cannot be stopped by hand</span>
                )}
              </div>
              {run.pause ? (
                <PausedFacts run={{ ...run, pause: run.pause }} now={now} startEpochMs={startEpochMs} timeZone={timeZone} />
              ) : (
                <dl className="ongoing__facts">
                  <dt>Current step</dt>
                  <dd>{run.stepLabel}</dd>
                  <dt>Since</dt>
                  <dd>
                    <Instant at={run.since} now={now} startEpochMs={startEpochMs} timeZone={timeZone} />
                  </dd>
                  <dt>Waits for</dt>
                  <dd>{waitsFor(run, now)}</dd>
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
      {endedByPublish.length > 0 && <EndedByPublish runs={endedByPublish} />}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && close()}
        title={`Stop ${confirming?.workflowName ?? ''} for ${contactName}?`}
        description={`${confirming?.pause ? 'The paused run ends' : 'The run ends'} at "${confirming?.stepLabel ?? ''}"${confirming?.pause ? ' and will not resume' : ''}: nothing more of this Workflow is sent to ${contactName}, and its timers are cancelled. Other Workflows, and this Workflow for other contacts, go on.`}
        confirmLabel="Stop Workflow"
        onConfirm={() => confirming && onStop(confirming)}
      />
    </div>
  );
}

/** Runs a publish stopped: where each was, on which version, and why in the engine's words. */
function EndedByPublish({ runs }: { readonly runs: readonly RunEndedByPublish[] }) {
  return (
    <section className="ongoing-ended" aria-label="Stopped by a new version">
      <h3 className="ongoing-ended__title">Stopped by a new version</h3>
      <ul className="ongoing">
        {runs.map((run) => (
          <li key={run.run} className="ongoing__run ongoing__run--ended" aria-label={run.workflowName}>
            <span className="ongoing__name">
              {run.workflowName}
              <span className="ongoing__version">version {run.version}</span>
            </span>
            <p className="ongoing__because">
              Stopped at {run.stepLabel ? `"${run.stepLabel}"` : 'its step'}: {run.because}.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ClockProps {
  readonly now: number;
  readonly startEpochMs: number;
  readonly timeZone: string;
}

/** A past instant of the session: its time, and how long ago by the session's clock. */
function Instant({ at, now, startEpochMs, timeZone }: ClockProps & { readonly at: number }) {
  return (
    <>
      <time dateTime={new Date(startEpochMs + at).toISOString()}>{formatVirtualTime(startEpochMs + at, timeZone)}</time>
      {` (${now - at < 1000 ? 'just now' : `${formatSpan(now - at)} ago`})`}
    </>
  );
}

/** A paused run: the Workflow's resume rule as its headline, then where it waits and what it will wait for. */
function PausedFacts({ run, now, startEpochMs, timeZone }: ClockProps & { readonly run: OngoingRun & { readonly pause: RunPause } }) {
  const text = describePause(run, now);
  return (
    <>
      <p className="ongoing__paused">
        <PauseCircle size={14} aria-hidden />
        <span>{text.headline}</span>
      </p>
      <dl className="ongoing__facts">
        <dt>Current step</dt>
        <dd>{run.stepLabel}</dd>
        <dt>Paused</dt>
        <dd>
          <Instant at={run.pause.pausedAt} now={now} startEpochMs={startEpochMs} timeZone={timeZone} />
          {text.pausedBy !== undefined && `, by ${text.pausedBy}`}
        </dd>
        <dt>Resumes</dt>
        <dd>{text.resumes}</dd>
        <dt>Then waits for</dt>
        <dd>{text.waitsFor}</dd>
      </dl>
    </>
  );
}
