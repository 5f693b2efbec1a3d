import { Tooltip as RadixTooltip } from 'radix-ui';
import { useEffect, type ReactNode } from 'react';
import type { TriggerLink } from './triggerLink.ts';
import { TriggerProxy } from './TriggerProxy.tsx';

interface Props {
  readonly link: TriggerLink;
  readonly content: ReactNode;
  readonly side: 'top' | 'right' | 'bottom' | 'left';
  /** Called once Radix is listening: what the person did before the code arrived is played to it. */
  readonly onReady: () => void;
}

/**
 * The tooltip itself (Radix Tooltip: role="tooltip", Escape hides it), loaded with its code on first
 * use (see Tooltip.tsx), working through the button Tooltip drew. It brings its own Provider so it
 * works anywhere without setup at the app root.
 */
export function LoadedTooltip({ link, content, side, onReady }: Props) {
  // A parent's effects run after its children's: Radix's are in place by now.
  useEffect(() => onReady(), [onReady]);
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>
          <TriggerProxy link={link} />
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
