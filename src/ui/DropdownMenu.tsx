import { Ellipsis } from 'lucide-react';
import { DropdownMenu as RadixDropdownMenu } from 'radix-ui';
import { useCallback, useState, type ReactElement, type ReactNode } from 'react';
import { IconButton } from './Tooltip.tsx';

export type MenuItem =
  | {
      readonly kind?: 'item';
      readonly label: string;
      /** Decorative: the label alone names the item. */
      readonly icon?: ReactNode;
      readonly onSelect: () => void;
      /** 'danger' for actions that destroy something (Delete). */
      readonly tone?: 'danger';
      readonly disabled?: boolean;
    }
  | { readonly kind: 'separator' };

interface Props {
  /** What the menu is for ("Actions for Lead nurture"): names the menu, and the default trigger. */
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** The control that opens the menu; an icon button with "…" when absent. */
  readonly trigger?: ReactElement;
  readonly align?: 'start' | 'end';
}

/**
 * A menu of actions behind one button, e.g. per table row (Radix DropdownMenu: role="menu",
 * arrow keys move, Enter selects, Escape closes and focus returns to the trigger).
 *
 * Not modal: a modal menu hides the whole app from screen readers while it is open (the page's
 * `main` and `h1` with it, and focusable controls under `aria-hidden`), which a menu of a few
 * actions has no reason to do; clicking outside or Escape still closes it. It is drawn inside the
 * landmark of its button (the page's `main`), so its items stay part of the page's structure.
 */
export function DropdownMenu({ label, items, trigger, align = 'end' }: Props) {
  const [landmark, setLandmark] = useState<HTMLElement | null>(null);
  const onTrigger = useCallback((button: HTMLElement | null) => setLandmark(button?.closest<HTMLElement>('main') ?? null), []);
  return (
    <RadixDropdownMenu.Root modal={false}>
      <RadixDropdownMenu.Trigger asChild ref={onTrigger}>
        {trigger ?? <IconButton label={label} icon={<Ellipsis size={16} />} />}
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
