import { Tooltip as RadixTooltip } from 'radix-ui';
import type { ButtonHTMLAttributes, ReactElement, ReactNode, Ref } from 'react';

type Side = 'top' | 'right' | 'bottom' | 'left';

interface TooltipProps {
  /** What the control does, in a few words. */
  readonly content: ReactNode;
  /** The one focusable element the tooltip describes (it receives the trigger props). */
  readonly children: ReactElement;
  readonly side?: Side;
}

/**
 * A short hint on hover and keyboard focus (Radix Tooltip: role="tooltip", Escape hides it).
 * It brings its own Provider so it works anywhere without setup at the app root.
 */
export function Tooltip({ content, children, side = 'top' }: TooltipProps) {
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className="ui-tooltip" side={side} sideOffset={6} collisionPadding={8}>
            {content}
            <RadixTooltip.Arrow className="ui-tooltip__arrow" width={12} height={6} />
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}

type IconButtonProps = {
  /** The button's accessible name, also shown as its tooltip (the icon alone says nothing to a screen reader). */
  readonly label: string;
  readonly icon: ReactNode;
  readonly tooltipSide?: Side;
  readonly ref?: Ref<HTMLButtonElement>;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'>;

/**
 * A button that shows only an icon, named by `label` and explained by a tooltip with the same words.
 * It passes `ref` and every other prop to the button, so it can be a Radix trigger (`asChild`).
 */
export function IconButton({ label, icon, tooltipSide, className, ref, ...rest }: IconButtonProps) {
  return (
    <Tooltip content={label} side={tooltipSide}>
      <button
        type="button"
        {...rest}
        ref={ref}
        className={className ? `ui-icon-button ${className}` : 'ui-icon-button'}
        aria-label={label}
      >
        <span className="ui-icon-button__icon" aria-hidden="true">
          {icon}
        </span>
      </button>
    </Tooltip>
  );
}
