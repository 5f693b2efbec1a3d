import { use, type ReactElement, type ReactNode } from 'react';
import { loadOnce } from '../common/loadOnce.ts';
import { useDeferredDialog } from './deferredDialog.tsx';
import { RadixCloseContext, type DialogCloseProps } from './dialogClose.ts';
import type { LoadedDialog } from './LoadedDialog.tsx';
import { refetchableImport } from '../common/refetchableImport.ts';
import { useOpenerFocus } from './useOpenerFocus.ts';

export interface DialogProps {
  /** The control that opens the dialog; leave out when `open` is controlled from elsewhere. */
  readonly trigger?: ReactElement;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly title: string;
  readonly description?: string;
  readonly children?: ReactNode;
  /** Buttons at the bottom; wrap the ones that only close in `DialogClose asChild`. */
  readonly footer?: ReactNode;
  /**
   * How much room it takes: `wide` for lists and previews (a Workflow's history); `large` for a
   * table that may be long (as wide as 72rem, never taller than the window: the body takes the
   * height left and what is inside scrolls); `full` for side-by-side canvases (the window, less a
   * margin).
   */
  readonly size?: 'normal' | 'wide' | 'large' | 'full';
  /**
   * Asked on a press outside the dialog (on its backdrop): true keeps the dialog open, for a press
   * that is not the person's answer, e.g. the second click of the double click that opened it.
   * Escape and the dialog's own Close buttons are not asked.
   */
  readonly keepOpenOnPressOutside?: () => boolean;
}

/** The dialog's code (Radix's dialog, focus trap, scroll lock), fetched once for every dialog. */
const importDialog = refetchableImport(() => import('./LoadedDialog.tsx'));
const dialogCode = loadOnce(() => importDialog().then((module) => module.LoadedDialog));

/** Fetches the dialogs' code ahead, for a dialog opened from elsewhere (a menu item): call it as the pointer or focus reaches what opens it. */
export const preloadDialog = (): void => void dialogCode.load().catch(() => undefined);

/**
 * A modal panel for work that can be left at any time, e.g. settings (Radix Dialog: focus moves
 * into it and stays there, Escape and Close close it, focus returns to the trigger, or without one to what had it before).
 * For a question before something that cannot be undone, use ConfirmDialog.
 *
 * Most visits open no dialog: its code is fetched when the pointer or focus reaches the trigger, or
 * when `open` becomes true, and what the person did meanwhile is kept (see deferredDialog.tsx).
 */
export function Dialog({ trigger, open, onOpenChange, ...content }: DialogProps) {
  const returnFocus = useOpenerFocus(open, trigger !== undefined);
  const deferred = useDeferredDialog<typeof LoadedDialog>(dialogCode, trigger, open, onOpenChange);
  const { Loaded } = deferred;
  return (
    <>
      {deferred.trigger}
      {Loaded && (
        <Loaded
          {...content}
          open={open}
          onOpenChange={onOpenChange}
          link={deferred.link}
          onReady={deferred.onReady}
          justPressed={deferred.justPressed}
          returnFocus={returnFocus}
        />
      )}
    </>
  );
}

/** Closes the enclosing Dialog; wrap a footer button in it with `asChild`. */
export function DialogClose(props: DialogCloseProps) {
  // Drawn only inside a dialog's content, which the loaded dialog draws: its Close is there.
  const radixClose = use(RadixCloseContext);
  return radixClose?.(props) ?? null;
}
