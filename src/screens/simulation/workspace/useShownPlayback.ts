import { startTransition, useEffect, useRef, useState } from 'react';
import type { AppState } from '../../../state/appStore.ts';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';

/** What the workspace draws of a frame: the timeline, the latest frame and the selected contact's trace. */
export type ShownPlayback = Pick<AppState['playback'], 'info' | 'frame' | 'contactTrace'>;

const shownOf = ({ playback }: AppState): ShownPlayback => ({ info: playback.info, frame: playback.frame, contactTrace: playback.contactTrace });

/**
 * The store's latest frame as the workspace draws it: at a transition's priority and one drawing
 * at a time. Reading the frame straight from the store made React draw the whole workspace —
 * canvas, bar, transcript, charts — in one task per frame (an external store's update cannot be
 * split), over 100 ms on a slow laptop. As a transition React draws it in slices between the
 * browser's frames, and a person's input goes first; while one frame is being drawn the next
 * waits, and only the newest is drawn after it, so frames coming faster than they can be drawn
 * are skipped instead of piling up or restarting the drawing for ever. Nothing is computed here:
 * it is the engine's frame, a moment later.
 */
export function useShownPlayback(): ShownPlayback {
  const store = useAppStoreApi();
  const [shown, setShown] = useState(() => shownOf(store.getState()));
  const drawing = useRef(false);
  const offer = useRef<() => void>(() => undefined);
  useEffect(() => {
    let last = store.getState().playback;
    offer.current = () => {
      const { playback } = store.getState();
      if (drawing.current || (playback.info === last.info && playback.frame === last.frame && playback.contactTrace === last.contactTrace)) return;
      last = playback;
      drawing.current = true;
      startTransition(() => setShown(shownOf(store.getState())));
    };
    const stop = store.subscribe(() => offer.current());
    offer.current();
    return stop;
  }, [store]);
  // Drawn (committed): the next frame, if one came meanwhile.
  useEffect(() => {
    drawing.current = false;
    offer.current();
  }, [shown]);
  return shown;
}
