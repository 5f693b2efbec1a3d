import { useLayoutEffect, useRef } from 'react';

/**
 * Gives focus back to whatever had it when a dialog opened without a Radix trigger (opened by a
 * Publish that was refused, a problem, a menu item): Radix returns focus only to its own trigger,
 * else it lands on the page. Pass the result as the content's `onCloseAutoFocus`. An opener gone
 * meanwhile (a menu item) is left to the caller, who knows what stands in for it.
 */
export function useOpenerFocus(open: boolean | undefined, hasTrigger: boolean): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null);
  // Before Radix moves focus into the dialog (its focus scope does so in a passive effect).
  useLayoutEffect(() => {
    if (open && !hasTrigger) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open, hasTrigger]);
  return (event) => {
    const element = opener.current;
    opener.current = null;
    if (hasTrigger || !element?.isConnected || element === document.body) return;
    event.preventDefault();
    element.focus();
  };
}
