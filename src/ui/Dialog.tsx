import { X } from 'lucide-react';
import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactElement, ReactNode } from 'react';
import { useOpenerFocus } from './useOpenerFocus.ts';

interface Props {
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
}

/**
 * A modal panel for work that can be left at any time, e.g. settings (Radix Dialog: focus moves
 * into it and stays there, Escape and Close close it, focus returns to the trigger, or without one to what had it before).
 * For a question before something that cannot be undone, use ConfirmDialog.
 */
export function Dialog({ trigger, open, onOpenChange, title, description, children, footer, size = 'normal' }: Props) {
  const returnFocus = useOpenerFocus(open, trigger !== undefined);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content
          className={`ui-dialog ui-dialog--closable${size === 'normal' ? '' : ` ui-dialog--${size}`}`}
          onCloseAutoFocus={returnFocus}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="ui-dialog__title">{title}</RadixDialog.Title>
          {description && <RadixDialog.Description className="ui-dialog__description">{description}</RadixDialog.Description>}
          {children && <div className="ui-dialog__body">{children}</div>}
          {footer && <div className="ui-dialog__actions">{footer}</div>}
          {/* Last in the DOM so opening focuses the content first; drawn in the corner by ui.css. */}
          {/* No tooltip here: it would open with the dialog and take the first Escape meant to close it. */}
          <RadixDialog.Close className="ui-icon-button ui-dialog__close" aria-label="Close">
            <X size={16} aria-hidden />
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Closes the enclosing Dialog; wrap a footer button in it with `asChild`. */
export const DialogClose = RadixDialog.Close;
