import { AlertDialog } from 'radix-ui';
import { useEffect } from 'react';
import type { ConfirmDialogProps } from './ConfirmDialog.tsx';
import type { TriggerLink } from './triggerLink.ts';
import { TriggerProxy } from './TriggerProxy.tsx';

interface Props extends Omit<ConfirmDialogProps, 'trigger'> {
  /** The trigger ConfirmDialog drew, which Radix works through; null without one. */
  readonly link: TriggerLink | null;
  /** Called once Radix is listening: a press made before the code arrived is played to it. */
  readonly onReady: () => void;
  readonly returnFocus: (event: Event) => void;
}

/**
 * The question itself (Radix AlertDialog), loaded with its code on first need (see
 * ConfirmDialog.tsx). A press outside never closes it, so no press made while the code loaded can.
 */
export function LoadedConfirmDialog({ link, onReady, returnFocus, open, onOpenChange, title, description, confirmLabel, onConfirm }: Props) {
  // A parent's effects run after its children's: Radix's are in place by now.
  useEffect(() => onReady(), [onReady]);
  return (
    <AlertDialog.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      {link && (
        <AlertDialog.Trigger asChild>
          <TriggerProxy link={link} />
        </AlertDialog.Trigger>
      )}
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
