import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { Toast as RadixToast } from 'radix-ui';
import type { ReactNode } from 'react';

interface RegionProps {
  /** The toasts (each a `Toast`) currently shown. */
  readonly children?: ReactNode;
  /** Names the region; Radix appends the hotkey that jumps to it: "Notifications (F8)". */
  readonly label?: string;
}

/**
 * Where toasts appear: a fixed stack at the bottom right (Radix Toast: a labelled region,
 * F8 moves focus to it, toasts are announced to screen readers, swiping right dismisses).
 */
export function ToastRegion({ children, label = 'Notifications' }: RegionProps) {
  return (
    <RadixToast.Provider swipeDirection="right">
      {children}
      <RadixToast.Viewport className="ui-toast-viewport" label={`${label} ({hotkey})`} />
    </RadixToast.Provider>
  );
}

export type ToastTone = 'error' | 'info' | 'success';

interface Props {
  readonly title: string;
  readonly description?: string;
  readonly tone: ToastTone;
  /** Called when the toast closes (Dismiss, Escape, swipe or its timer); remove it from the list. */
  readonly onDismiss: () => void;
  /** Milliseconds before it closes by itself; errors stay until dismissed unless told otherwise. */
  readonly duration?: number;
  /** One action offered in the toast (e.g. Undo); `altText` tells screen-reader users how else to do it. */
  readonly action?: { readonly label: string; readonly altText: string; readonly perform: () => void };
}

const toneIcons: Record<ToastTone, ReactNode> = {
  error: <CircleAlert size={18} />,
  info: <Info size={18} />,
  success: <CircleCheck size={18} />,
};

/**
 * One short message about something that happened, shown inside a ToastRegion. Errors are announced
 * at once and stay until dismissed; info and success are announced politely and leave after 5 s.
 */
export function Toast({ title, description, tone, onDismiss, duration, action }: Props) {
  const isError = tone === 'error';
  return (
    <RadixToast.Root
      className={`ui-toast ui-toast--${tone}`}
      open
      onOpenChange={(open) => {
        if (!open) onDismiss();
      }}
      duration={duration ?? (isError ? Infinity : 5000)}
      type={isError ? 'foreground' : 'background'}
    >
      <span className="ui-toast__icon" aria-hidden="true">
        {toneIcons[tone]}
      </span>
      <div className="ui-toast__text">
        <RadixToast.Title className="ui-toast__title">{title}</RadixToast.Title>
        {description && <RadixToast.Description className="ui-toast__description">{description}</RadixToast.Description>}
        {/* Under the words, not beside them: a long label would squeeze the title to a few letters a line. */}
        {action && (
          <RadixToast.Action asChild altText={action.altText}>
            <button type="button" className="ui-button ui-button--small ui-toast__action" onClick={action.perform}>
              {action.label}
            </button>
          </RadixToast.Action>
        )}
      </div>
      <RadixToast.Close asChild>
        <button type="button" className="ui-icon-button ui-toast__close" aria-label="Dismiss">
          <X size={16} aria-hidden="true" />
        </button>
      </RadixToast.Close>
    </RadixToast.Root>
  );
}
