import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useOpenerFocus } from './useOpenerFocus.ts';

interface Props {
  /** The control that opens the dialog; leave out when `open` is controlled from elsewhere (a menu item). */
  readonly trigger?: ReactNode;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly title: string;
  readonly description: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
}

/**
 * Asks before doing something that cannot be undone (Radix AlertDialog: focus moves into it,
 * Escape and Cancel close it, focus returns to the trigger, or without one to what had it before).
 */
export function ConfirmDialog({ trigger, open, onOpenChange, title, description, confirmLabel, onConfirm }: Props) {
  const returnFocus = useOpenerFocus(open, trigger !== undefined);
  return (
    <AlertDialog.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="ui-dialog__overlay" />
        <AlertDialog.Content className="ui-dialog" onCloseAutoFocus={returnFocus}>
          <AlertDialog.Title className="ui-dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="ui-dialog__description">{description}</AlertDialog.Description>
          <div className="ui-dialog__actions">
            <AlertDialog.Cancel className="ui-button">Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className="ui-button ui-button--danger" onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
