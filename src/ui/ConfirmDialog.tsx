import type { ReactNode } from 'react';
import { loadOnce } from '../common/loadOnce.ts';
import { useDeferredDialog } from './deferredDialog.tsx';
import type { LoadedConfirmDialog } from './LoadedConfirmDialog.tsx';
import { refetchableImport } from '../common/refetchableImport.ts';
import { useOpenerFocus } from './useOpenerFocus.ts';

export interface ConfirmDialogProps {
  /** The control that opens the dialog; leave out when `open` is controlled from elsewhere (a menu item). */
  readonly trigger?: ReactNode;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly title: string;
  readonly description: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
}

/** The question's code (Radix's alert dialog, focus trap, scroll lock), fetched once for every question. */
const importQuestion = refetchableImport(() => import('./LoadedConfirmDialog.tsx'));
const confirmCode = loadOnce(() => importQuestion().then((module) => module.LoadedConfirmDialog));

/** Fetches the questions' code ahead, for one opened from elsewhere (a Stop button, a menu item): call it as the pointer or focus reaches what opens it. */
export const preloadConfirmDialog = (): void => void confirmCode.load().catch(() => undefined);

/**
 * Asks before doing something that cannot be undone (Radix AlertDialog: focus moves into it,
 * Escape and Cancel close it, focus returns to the trigger, or without one to what had it before).
 *
 * Its code is fetched when the pointer or focus reaches the trigger, or when `open` becomes true,
 * and what the person did meanwhile is kept (see deferredDialog.tsx).
 */
export function ConfirmDialog({ trigger, open, onOpenChange, ...question }: ConfirmDialogProps) {
  const returnFocus = useOpenerFocus(open, trigger !== undefined);
  const deferred = useDeferredDialog<typeof LoadedConfirmDialog>(confirmCode, trigger, open, onOpenChange);
  const { Loaded } = deferred;
  return (
    <>
      {deferred.trigger}
      {Loaded && <Loaded {...question} open={open} onOpenChange={onOpenChange} link={deferred.link} onReady={deferred.onReady} returnFocus={returnFocus} />}
    </>
  );
}
