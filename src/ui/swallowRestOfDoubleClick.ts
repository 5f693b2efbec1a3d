/** How long after a click the second click of a double click may still come (the usual system setting). */
export const DOUBLE_CLICK_MS = 500;
/** How far from the first click the second may be and still make a double click (systems allow a few pixels). */
const DOUBLE_CLICK_PX = 8;

const PRESSES = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick'] as const;

/**
 * For a button whose click takes itself away — it closes its dialog — the second click of a double
 * click would land on whatever the dialog covered: on the builder's canvas it selects the step
 * under the pointer, or deselects everything. Called from that click, this stops the presses of
 * that second click, before anything hears them: the ones within DOUBLE_CLICK_MS and a few pixels
 * of the first, as a double click is told apart. A click elsewhere, or later, is the person's and
 * goes through; keys are never stopped (Escape still works). A click made with the keyboard (Enter
 * or Space: `detail` 0) has no second click to wait for. Returns what lets presses through at once.
 */
export function swallowRestOfDoubleClick(click: { readonly detail: number; readonly clientX: number; readonly clientY: number }): () => void {
  if (click.detail === 0) return () => undefined;
  const stop = (event: Event) => {
    const press = event as MouseEvent;
    if (Math.abs(press.clientX - click.clientX) > DOUBLE_CLICK_PX || Math.abs(press.clientY - click.clientY) > DOUBLE_CLICK_PX) return;
    event.stopPropagation();
    event.preventDefault();
    if (event.type === 'dblclick') release();
  };
  const release = () => {
    clearTimeout(timer);
    for (const type of PRESSES) window.removeEventListener(type, stop, true);
  };
  // Added while the first click is being dispatched: the window's capture phase is behind it, so
  // the listeners hear the next press, not this one.
  for (const type of PRESSES) window.addEventListener(type, stop, true);
  const timer = setTimeout(release, DOUBLE_CLICK_MS);
  return release;
}
