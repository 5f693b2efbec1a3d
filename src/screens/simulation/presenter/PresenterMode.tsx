import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/shallow';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { decisionCaption } from '../../../../simulator/trace/decisionCaption.ts';
import type { TraceNames } from '../../../../simulator/trace/describeEntry.ts';
import { runOnCanvas } from '../../../../simulator/trace/nodeRunStates.ts';
import { contactTranscript } from '../../../../simulator/trace/transcript.ts';
import { Transcript } from '../../../parts/transcript/Transcript.tsx';
import { useAppStore } from '../../../state/StoreProvider.tsx';
import { SimulationCanvas } from '../canvas/SimulationCanvas.tsx';
import { formatSince } from '../playback/formatSince.ts';
import type { PlaybackControls } from '../workspace/usePlaybackSession.ts';
import { AUTO_PACES_MS, previousEventInstant, stopsAt } from './presenterSteps.ts';
import './presenter.css';

interface Props {
  readonly workflow: Workflow;
  readonly names: TraceNames;
  readonly controls: PlaybackControls;
  readonly onClose: () => void;
}

/** Controls where Space and Enter already mean "press": there they keep their meaning. */
const PRESSABLE = 'button, select, input, [role="switch"]';

const FOCUSABLE = 'button:not([disabled]), select:not([disabled]), input:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Tab past the last control comes back to the first (Shift+Tab the other way), as in a modal dialog; whether it did. */
function wrapFocus(root: HTMLElement, backwards: boolean): boolean {
  const focusable = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return false;
  const active = document.activeElement;
  if (backwards && (active === first || active === root)) last.focus();
  else if (!backwards && active === last) first.focus();
  else return false;
  return true;
}

/**
 * The simulation for an audience: the whole screen (full screen when the browser allows it, the
 * whole window otherwise), the canvas and the contact's transcript in large type, and a caption of
 * the latest decision in the engine's own words. → or Space goes to the next event, ← back to the
 * previous one, Auto goes on by itself at a chosen pace and pauses where a run stops, Esc leaves.
 */
export function PresenterMode({ workflow, names, controls, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const playback = useAppStore(useShallow((state) => state.playback));
  const { frame, info, contactTrace } = playback;
  const contactId = frame?.contact?.id ?? '';
  const contactName = names.contact(contactId);
  const now = frame?.time ?? 0;
  const run = useMemo(() => (frame?.contact ? runOnCanvas(workflow, frame.contact.runs, contactTrace) : null), [workflow, frame, contactTrace]);
  const transcript = useMemo(() => (contactId ? contactTranscript(contactTrace, contactId, names) : []), [contactTrace, contactId, names]);
  const caption = useMemo(() => decisionCaption(contactTrace, now, names), [contactTrace, now, names]);
  const [auto, setAuto] = useState(false);
  const [pace, setPace] = useState(AUTO_PACES_MS[1] ?? 2000);
  // Where ← last asked to go and the worker has not answered yet, so that presses in a row each go one event further back.
  const goingBackTo = useRef<number | null>(null);
  useEffect(() => {
    if (goingBackTo.current === now) goingBackTo.current = null;
  }, [now]);

  const marks = info?.marks;
  const atStop = marks ? stopsAt(marks, now) : false;
  const next = () => {
    goingBackTo.current = null;
    controls.nextEvent();
  };
  const previous = () => {
    const from = goingBackTo.current ?? now;
    const target = previousEventInstant(marks ?? [], from);
    if (target === from) return;
    goingBackTo.current = target;
    controls.seek(target);
  };

  // Full screen on the overlay itself; a browser that refuses still gets the whole window.
  useEffect(() => {
    const element = root.current;
    element?.focus();
    if (element && document.fullscreenEnabled) element.requestFullscreen().catch(() => undefined);
    // The app under the overlay is out of reach (Tab, a screen reader) while presenting, as a modal dialog's page is.
    const covered = [...document.body.children].filter((child) => child !== element && !child.hasAttribute('inert'));
    for (const child of covered) child.setAttribute('inert', '');
    return () => {
      for (const child of covered) child.removeAttribute('inert');
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // Esc in full screen is the browser's: it leaves full screen without a key event, so leaving it leaves presenter mode.
  const fullscreenChanged = useEffectEvent(() => {
    if (!document.fullscreenElement) onClose();
  });
  useEffect(() => {
    const changed = () => fullscreenChanged();
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);

  // Captured before the workspace's own playback keys (they skip an event already handled).
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    const pressable = event.target instanceof Element && event.target.closest(PRESSABLE) !== null;
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowRight' || (event.key === ' ' && !pressable)) next();
    else if (event.key === 'ArrowLeft') previous();
    else if (!(event.key === 'Tab' && root.current && wrapFocus(root.current, event.shiftKey))) return;
    event.preventDefault();
    event.stopPropagation();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener, { capture: true });
    return () => window.removeEventListener('keydown', listener, { capture: true });
  }, []);

  // Auto: one event per `pace`, holding on a stop (the audience reads why; → goes on) and at the end.
  const autoNext = useEffectEvent(() => controls.nextEvent());
  const done = frame?.done ?? true;
  const autoHeld = auto && (done || atStop);
  useEffect(() => {
    if (!auto || done || atStop) return;
    const timer = window.setTimeout(() => autoNext(), pace);
    return () => window.clearTimeout(timer);
    // Each new frame, not just each new instant: several events can share one.
  }, [auto, pace, frame, done, atStop]);

  return createPortal(
    <div ref={root} className="presenter" role="dialog" aria-modal="true" aria-label={`Presenting ${workflow.name}`} tabIndex={-1} data-events-processed={frame?.eventsProcessed ?? 0}>
      <header className="presenter__bar">
        <h2 className="presenter__title">
          {workflow.name} <span className="presenter__clock">{formatSince(now)}</span>
        </h2>
        <div className="presenter__controls" role="group" aria-label="Presenter controls">
          <button type="button" className="ui-button" onClick={previous} disabled={now === 0}>
            ← Previous
          </button>
          <button type="button" className="ui-button" onClick={next} disabled={done}>
            Next event →
          </button>
          <button type="button" className="ui-button" aria-pressed={auto} onClick={() => setAuto((on) => !on)} disabled={done && !auto}>
            Auto
          </button>
          {autoHeld && <span className="presenter__held">{done ? 'Auto: the end' : 'Auto holds on this stop: → goes on'}</span>}
          <label className="presenter__pace">
            Pace
            <select value={pace} onChange={(event) => setPace(Number(event.target.value))}>
              {AUTO_PACES_MS.map((ms) => (
                <option key={ms} value={ms}>
                  {ms / 1000} s per event
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="ui-button" onClick={onClose}>
            Exit (Esc)
          </button>
        </div>
      </header>
      <div className="presenter__body">
        <div className="presenter__canvas">
          <SimulationCanvas workflow={workflow} run={run} stats={frame?.stats ?? []} />
        </div>
        <section className="presenter__transcript" aria-label={`Transcript of ${contactName}`}>
          {info && (
            <Transcript
              contactName={contactName}
              items={transcript}
              startEpochMs={info.startEpochMs}
              timeZone={info.timeZone}
              emptyText={`Nothing has happened in ${contactName}’s conversation yet: press → for the first event.`}
            />
          )}
        </section>
      </div>
      <p className={`presenter__caption${caption?.stop ? ' presenter__caption--stop' : ''}`} role="status" aria-live="polite">
        {caption ? (
          <>
            {caption.cause && <span className="presenter__cause">{caption.cause}</span>}
            <span className="presenter__decision">{caption.decision}</span>
          </>
        ) : (
          'Nothing decided yet: press → for the first event.'
        )}
      </p>
    </div>,
    document.body,
  );
}
