import { DropdownMenu as RadixDropdownMenu } from 'radix-ui';
import { useEffect, useState } from 'react';
import type { DropdownMenuProps } from './DropdownMenu.tsx';
import type { TriggerLink } from './triggerLink.ts';
import { TriggerProxy } from './TriggerProxy.tsx';

interface Props extends Omit<DropdownMenuProps, 'trigger'> {
  readonly link: TriggerLink;
  /** Called once Radix is listening: a press or key made before the code arrived is played to it. */
  readonly onReady: () => void;
}

/**
 * The menu itself (Radix DropdownMenu), loaded with its code on first use (see DropdownMenu.tsx),
 * working through the button DropdownMenu drew. Drawn inside the landmark of its button.
 */
export function LoadedDropdownMenu({ label, items, align = 'end', link, onReady }: Props) {
  const [landmark] = useState(() => link.element?.closest<HTMLElement>('main') ?? null);
  // A parent's effects run after its children's: Radix's are in place by now.
  useEffect(() => onReady(), [onReady]);
  return (
    <RadixDropdownMenu.Root modal={false}>
      <RadixDropdownMenu.Trigger asChild>
        <TriggerProxy link={link} />
      </RadixDropdownMenu.Trigger>
      <RadixDropdownMenu.Portal container={landmark}>
        <RadixDropdownMenu.Content className="ui-menu" align={align} sideOffset={4} collisionPadding={8} aria-labelledby={undefined} aria-label={label}>
          {items.map((item, index) =>
            item.kind === 'separator' ? (
              <RadixDropdownMenu.Separator key={index} className="ui-menu__separator" />
            ) : (
              <RadixDropdownMenu.Item
                key={index}
                className={item.tone === 'danger' ? 'ui-menu__item ui-menu__item--danger' : 'ui-menu__item'}
                disabled={item.disabled ?? false}
                onSelect={item.onSelect}
              >
                {item.icon && (
                  <span className="ui-menu__icon" aria-hidden="true">
                    {item.icon}
                  </span>
                )}
                {item.label}
              </RadixDropdownMenu.Item>
            ),
          )}
        </RadixDropdownMenu.Content>
      </RadixDropdownMenu.Portal>
    </RadixDropdownMenu.Root>
  );
}
