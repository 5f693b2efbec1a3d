import { useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

/** The attribute that marks a run's Stop button, with the run's number. */
export const STOP_RUN_ATTRIBUTE = 'data-stop-run';

interface LastStop {
  readonly run: string;
  /** Its place among the Stop buttons, for the one that takes it when it is gone. */
  readonly index: number;
}

const stopButtons = (box: HTMLElement) => [...box.querySelectorAll<HTMLButtonElement>(`button[${STOP_RUN_ATTRIBUTE}]`)];

const focusLost = () => document.activeElement === null || document.activeElement === document.body;

/** The tab whose panel holds the list (the Ongoing Workflows tab), else the list's box itself. */
function tabOrBox(box: HTMLElement): HTMLElement {
  const labelledBy = box.closest('[role="tabpanel"]')?.getAttribute('aria-labelledby');
  const tab = labelledBy ? document.getElementById(labelledBy) : null;
  return tab ?? box;
}

/**
 * Keeps the focus on the Ongoing Workflows list when a Stop button it was on goes away — a run
 * stopped by hand, or ended by itself — instead of letting it fall to the page (issue 14): back to
 * that button while it is there (the confirmation was cancelled, or the engine refused the stop),
 * else to the Stop button that took its place, else the one before it, else the tab.
 *
 * Give `box` (focusable with `tabIndex={-1}`, the last resort outside tabs) its `onFocus` and
 * `onBlur`, mark each Stop button with `STOP_RUN_ATTRIBUTE`, and call `stopOpened` when one opens
 * its confirmation and `confirmationClosed` when that closes.
 */
export function useStopFocus(box: RefObject<HTMLElement | null>, runs: readonly unknown[]) {
  const last = useRef<LastStop | null>(null);

  const remember = (button: Element) => {
    const element = box.current;
    const run = button.getAttribute(STOP_RUN_ATTRIBUTE);
    if (!element || run === null) return;
    last.current = { run, index: stopButtons(element).findIndex((candidate) => candidate === button) };
  };

  const restore = () => {
    const element = box.current;
    const stop = last.current;
    if (!element || !stop) return;
    const buttons = stopButtons(element);
    const target = buttons.find((button) => button.getAttribute(STOP_RUN_ATTRIBUTE) === stop.run) ?? buttons[Math.min(stop.index, buttons.length - 1)] ?? tabOrBox(element);
    target.focus();
  };

  // The runs changed: if the focused Stop button went with them, the focus is on the page now.
  useLayoutEffect(() => {
    if (last.current && focusLost()) restore();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restore reads refs only
  }, [runs]);

  return {
    onFocus(event: FocusEvent<HTMLElement>) {
      if (event.target.hasAttribute(STOP_RUN_ATTRIBUTE)) remember(event.target);
    },
    onBlur(event: FocusEvent<HTMLElement>) {
      // The person sent the focus to the page themselves (a click on nothing): nothing to keep. A
      // button taken out of the page may report a blur too; it is not connected any more by then.
      const target = event.target;
      if (event.relatedTarget !== null) return;
      queueMicrotask(() => {
        if (target.isConnected && focusLost()) last.current = null;
      });
    },
    stopOpened(button: Element) {
      // A click does not focus a button in every browser (Safari): the opener is noted here too.
      remember(button);
    },
    confirmationClosed() {
      // Once the dialog has let the focus go: it gives it back to the Stop button that had it, unless
      // that button went while it was open.
      requestAnimationFrame(() => {
        if (focusLost()) restore();
      });
    },
  };
}
