import { cloneElement, isValidElement, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { LoadedOnce } from '../common/loadOnce.ts';
import { TriggerLink, triggerProps, type TriggerAttributes } from './triggerLink.ts';

/** As Radix draws a closed dialog's trigger, until Radix is here to say otherwise. */
const CLOSED: TriggerAttributes = { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': false, 'data-state': 'closed' };

/**
 * How long after a press made while the code loaded another press is that one's double click: it
 * must not close the dialog the first one opened (it would land on the dialog's backdrop).
 */
const DOUBLE_CLICK_MS = 500;

export interface DeferredDialog<Code> {
  /** The trigger as drawn, the same element from first paint on (see triggerLink.ts). */
  readonly trigger: ReactNode;
  /** The dialog's code once fetched: draw it then, with the props below. */
  readonly Loaded: Code | null;
  /** What Radix's trigger works through; null without a trigger. */
  readonly link: TriggerLink | null;
  /** For the loaded dialog, once Radix is listening: a press made before the code arrived is played to it. */
  readonly onReady: () => void;
  /** True just after a press made while the code loaded: an outside press now is its double click's second. */
  readonly justPressed: () => boolean;
}

/**
 * What Dialog and ConfirmDialog share: their Radix code is fetched on first need. Until the
 * pointer or focus reaches the trigger, or a controlled `open` becomes true, only the trigger is
 * drawn. A press on the trigger before the code arrives opens the dialog when it arrives; more
 * presses meanwhile ask the same (a dialog is never closed by a press on its trigger, which its
 * backdrop covers once open); Escape meanwhile takes the press back. A controlled `open` is given
 * to the dialog as it is when the code arrives, so one that went back to false opens nothing. A
 * failed fetch (offline) leaves the trigger as it was, and the next press tries again; a
 * controlled dialog is told it is closed, so what opens it can be pressed again.
 */
export function useDeferredDialog<Code>(
  code: LoadedOnce<Code>,
  trigger: ReactNode,
  open: boolean | undefined,
  onOpenChange: ((open: boolean) => void) | undefined,
): DeferredDialog<Code> {
  const [attributes, setAttributes] = useState<TriggerAttributes>(CLOSED);
  const [Loaded, setLoaded] = useState<Code | null>(() => code.loaded);
  const [waiting] = useState(() => new WaitingDialog(code, setAttributes, (loaded) => setLoaded(() => loaded)));
  useLayoutEffect(() => waiting.follow(open, onOpenChange));
  useEffect(() => {
    if (open) waiting.load();
  }, [open, waiting]);
  useEffect(() => () => waiting.forget(), [waiting]);
  const drawn = isValidElement(trigger)
    ? cloneElement(trigger, triggerProps(trigger.props as Record<string, unknown>, attributes, waiting.link, waiting.handlers))
    : trigger;
  return { trigger: drawn, Loaded, link: isValidElement(trigger) ? waiting.link : null, onReady: waiting.replay, justPressed: waiting.justPressed };
}

interface Pressed {
  readonly defaultPrevented: boolean;
}

/** A dialog before Radix is here: it keeps a press on the trigger, or a controlled `open`, until the code arrives. */
class WaitingDialog<Code> {
  readonly link: TriggerLink;
  private asked = false;
  private pressedAt = Number.NEGATIVE_INFINITY;
  private open: boolean | undefined;
  private onOpenChange: ((open: boolean) => void) | undefined;

  constructor(
    private readonly code: LoadedOnce<Code>,
    onAttributes: (attributes: TriggerAttributes) => void,
    private readonly show: (code: Code) => void,
  ) {
    this.link = new TriggerLink(onAttributes);
  }

  readonly handlers = {
    onClick: (event: Pressed) => {
      if (this.link.forward('onClick', event) || event.defaultPrevented) return;
      this.pressedAt = performance.now();
      if (this.asked) return;
      this.asked = true;
      window.addEventListener('keydown', this.escape, true);
      this.load();
    },
    onPointerEnter: () => this.load(),
    onFocus: () => this.load(),
  };

  /** The caller's current `open` and `onOpenChange`, for a failed fetch. */
  follow(open: boolean | undefined, onOpenChange: ((open: boolean) => void) | undefined): void {
    this.open = open;
    this.onOpenChange = onOpenChange;
  }

  /** Radix is listening: the press the person made is played to its trigger. */
  readonly replay = () => {
    if (!this.asked) return;
    this.forget();
    this.link.forward('onClick', { defaultPrevented: false, preventDefault: () => undefined });
  };

  readonly justPressed = () => performance.now() - this.pressedAt < DOUBLE_CLICK_MS;

  load(): void {
    this.code.whenLoaded(this.show, () => {
      this.forget();
      if (this.open) this.onOpenChange?.(false);
    });
  }

  private readonly escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.forget();
  };

  /** Drops a press still waiting for the code (taken back, played, or its dialog gone). */
  forget(): void {
    this.asked = false;
    window.removeEventListener('keydown', this.escape, true);
  }
}
