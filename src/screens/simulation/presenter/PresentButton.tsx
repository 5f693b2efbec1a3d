import { Presentation } from 'lucide-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import type { TraceNames } from '../../../../simulator/trace/describeEntry.ts';
import type { PlaybackControls } from '../workspace/usePlaybackSession.ts';

// Presenter mode is opened for a demo, not on every simulation: its code comes when the pointer or
// focus reaches the button (the browser loads a module once), or on the click at the latest.
const loadPresenterMode = () => import('./PresenterMode.tsx');
const PresenterMode = lazy(() => loadPresenterMode().then((module) => ({ default: module.PresenterMode })));
const preloadPresenterMode = () => void loadPresenterMode().catch(() => undefined);

interface Props {
  /** The Workflow on the canvas. */
  readonly workflow: Workflow;
  readonly names: TraceNames;
  readonly controls: PlaybackControls;
}

/** Present: the simulation full screen for a demo, the canvas, the transcript and a caption of each decision. */
export function PresentButton({ workflow, names, controls }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Back on the button once the overlay (and full screen) is gone: focusing it earlier is lost with them.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      button.current?.focus();
    }
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="ui-button ui-button--small"
        onPointerEnter={preloadPresenterMode}
        onFocus={preloadPresenterMode}
        onClick={() => setOpen(true)}
      >
        <Presentation aria-hidden size={14} /> Present
      </button>
      {open && (
        <Suspense fallback={null}>
          <PresenterMode workflow={workflow} names={names} controls={controls} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
