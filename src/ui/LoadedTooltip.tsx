import { Tooltip as RadixTooltip } from 'radix-ui';
import { useEffect, useLayoutEffect, useRef, type ReactElement, type ReactNode } from 'react';

type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * What the person was doing to the button before the tooltip's code had loaded, done again to the
 * button Radix draws in its place: the pointer resting on it, keyboard focus (which shows the hint
 * at once), or focus from a press (which does not, as in Radix).
 */
export type TooltipReplay = 'hover' | 'focus' | 'focus-by-press';

interface Props {
  readonly content: ReactNode;
  readonly children: ReactElement;
  readonly side: Side;
  readonly replay: TooltipReplay | null;
}

/**
 * The tooltip itself (Radix Tooltip: role="tooltip", Escape hides it), loaded with its code on first
 * use (see Tooltip.tsx). It brings its own Provider so it works anywhere without setup at the app root.
 */
export function LoadedTooltip({ content, children, side, replay }: Props) {
  const button = useRef<HTMLButtonElement | null>(null);
  const quietFocus = useRef(replay === 'focus-by-press');
  const pending = useRef(replay);
  useLayoutEffect(() => {
    if (pending.current === 'focus' || pending.current === 'focus-by-press') button.current?.focus();
  }, []);
  // After Radix's own effects (a parent's run after its children's).
  useEffect(() => {
    if (pending.current === 'hover') button.current?.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse' }));
    pending.current = null;
  }, []);
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger
          asChild
          ref={button}
          onFocus={(event) => {
            if (!quietFocus.current) return;
            quietFocus.current = false;
            event.preventDefault();
          }}
        >
          {children}
        </RadixTooltip.Trigger>
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
