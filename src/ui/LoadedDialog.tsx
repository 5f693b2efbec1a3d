import { X } from 'lucide-react';
import { Dialog as RadixDialog } from 'radix-ui';
import { useEffect } from 'react';
import type { DialogProps } from './Dialog.tsx';
import { RadixCloseContext, type DialogCloseProps } from './dialogClose.ts';
import type { TriggerLink } from './triggerLink.ts';
import { TriggerProxy } from './TriggerProxy.tsx';

interface Props extends Omit<DialogProps, 'trigger'> {
  /** The trigger Dialog drew, which Radix works through; null without one. */
  readonly link: TriggerLink | null;
  /** Called once Radix is listening: a press made before the code arrived is played to it. */
  readonly onReady: () => void;
  /** True just after a press made before the code arrived: a press outside now is its double click's second. */
  readonly justPressed: () => boolean;
  readonly returnFocus: (event: Event) => void;
}

const radixClose = (props: DialogCloseProps) => <RadixDialog.Close {...props} />;

/** The dialog itself (Radix Dialog), loaded with its code on first need (see Dialog.tsx). */
export function LoadedDialog({ link, onReady, justPressed, returnFocus, open, onOpenChange, title, description, children, footer, size = 'normal', keepOpenOnPressOutside }: Props) {
  // A parent's effects run after its children's: Radix's are in place by now.
  useEffect(() => onReady(), [onReady]);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {link && (
        <RadixDialog.Trigger asChild>
          <TriggerProxy link={link} />
        </RadixDialog.Trigger>
      )}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content
          className={`ui-dialog ui-dialog--closable${size === 'normal' ? '' : ` ui-dialog--${size}`}`}
          onCloseAutoFocus={returnFocus}
          onPointerDownOutside={(event) => (justPressed() || keepOpenOnPressOutside?.()) && event.preventDefault()}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixCloseContext value={radixClose}>
            <RadixDialog.Title className="ui-dialog__title">{title}</RadixDialog.Title>
            {description && <RadixDialog.Description className="ui-dialog__description">{description}</RadixDialog.Description>}
            {children && <div className="ui-dialog__body">{children}</div>}
            {footer && <div className="ui-dialog__actions">{footer}</div>}
            {/* Last in the DOM so opening focuses the content first; drawn in the corner by ui.css. */}
            {/* No tooltip here: it would open with the dialog and take the first Escape meant to close it. */}
            <RadixDialog.Close className="ui-icon-button ui-dialog__close" aria-label="Close">
              <X size={16} aria-hidden />
            </RadixDialog.Close>
          </RadixCloseContext>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
