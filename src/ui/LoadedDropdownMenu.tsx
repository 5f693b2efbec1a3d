import { Ellipsis } from 'lucide-react';
import { DropdownMenu as RadixDropdownMenu } from 'radix-ui';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DropdownMenuProps } from './DropdownMenu.tsx';
import { IconButton } from './Tooltip.tsx';

/** How the person opened a menu before its code had loaded: it is drawn open, as they asked. */
export type OpenedBy = 'pointer' | 'keyboard';

/**
 * The menu itself (Radix DropdownMenu), loaded with its code on first use (see DropdownMenu.tsx).
 * `openedBy` says it was asked open before it existed. A press: it is drawn open, as Radix opens on
 * a press, focus in the menu. A key: its button, drawn anew, takes focus back and the key is
 * replayed to Radix (ArrowDown, which only opens), so the menu opens as from the keyboard — focus
 * on its first item — which Radix tells from a pointer by the keys it sees once it is drawn.
 */
export function LoadedDropdownMenu({ label, items, trigger, align = 'end', openedBy = null }: DropdownMenuProps & { readonly openedBy?: OpenedBy | null }) {
  const [landmark, setLandmark] = useState<HTMLElement | null>(null);
  const button = useRef<HTMLElement | null>(null);
  const onTrigger = useCallback((element: HTMLElement | null) => {
    button.current = element;
    setLandmark(element?.closest<HTMLElement>('main') ?? null);
  }, []);
  const replayKey = useRef(openedBy === 'keyboard');
  useLayoutEffect(() => {
    if (replayKey.current) button.current?.focus();
  }, []);
  // After Radix's own effects (a parent's run after its children's): it listens to the keyboard by then.
  useEffect(() => {
    if (!replayKey.current) return;
    replayKey.current = false;
    button.current?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
  }, []);
  return (
    <RadixDropdownMenu.Root modal={false} defaultOpen={openedBy === 'pointer'}>
      <RadixDropdownMenu.Trigger asChild ref={onTrigger}>
        {trigger ?? <IconButton label={label} icon={<Ellipsis size={16} />} />}
      </RadixDropdownMenu.Trigger>
      <RadixDropdownMenu.Portal container={landmark}>
        <RadixDropdownMenu.Content
          className="ui-menu"
          align={align}
          sideOffset={4}
          collisionPadding={8}
          aria-labelledby={undefined}
          aria-label={label}
        >
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
