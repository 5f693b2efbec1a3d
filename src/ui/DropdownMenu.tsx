import { Ellipsis } from 'lucide-react';
import { cloneElement, useState, type FocusEvent, type KeyboardEvent, type PointerEvent, type ReactElement, type ReactNode } from 'react';
import type { LoadedDropdownMenu, OpenedBy } from './LoadedDropdownMenu.tsx';
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

export interface DropdownMenuProps {
  /** What the menu is for ("Actions for Lead nurture"): names the menu, and the default trigger. */
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** The control that opens the menu; an icon button with "…" when absent. */
  readonly trigger?: ReactElement;
  readonly align?: 'start' | 'end';
}

type Menu = typeof LoadedDropdownMenu;
let loaded: Menu | null = null;
let loading: Promise<Menu> | null = null;
/** The menu's code (Radix's menu, focus handling, positioning), fetched once for every menu. */
function loadMenu(): Promise<Menu> {
  return (loading ??= import('./LoadedDropdownMenu.tsx').then(
    (module) => (loaded = module.LoadedDropdownMenu),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}
const prefetchMenu = () => void loadMenu().catch(() => undefined);

type TriggerProps = {
  onPointerDown?: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
};

/** The trigger's own handler first; ours unless it prevented the default, as Radix composes them. */
function composed<E extends { defaultPrevented: boolean }>(own: ((event: E) => void) | undefined, ours: (event: E) => void) {
  return (event: E) => {
    own?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

/**
 * A menu of actions behind one button, e.g. per table row (Radix DropdownMenu: role="menu",
 * arrow keys move, Enter selects, Escape closes and focus returns to the trigger).
 *
 * Not modal: a modal menu hides the whole app from screen readers while it is open (the page's
 * `main` and `h1` with it, and focusable controls under `aria-hidden`), which a menu of a few
 * actions has no reason to do; clicking outside or Escape still closes it. It is drawn inside the
 * landmark of its button (the page's `main`), so its items stay part of the page's structure.
 *
 * The menu's code is a tenth of a first screen's and most visits open no menu: until one is
 * asked for, only its button is drawn, answering the keys and the press that open a menu as
 * Radix's does; the code is fetched as the pointer or focus reaches the button, and the menu is
 * drawn open the moment it arrives. A second press before then closes it again, as on an open
 * menu, so quick presses lose none.
 */
export function DropdownMenu(props: DropdownMenuProps) {
  const [Loaded, setLoaded] = useState<Menu | null>(() => loaded);
  const [openedBy, setOpenedBy] = useState<OpenedBy | null>(null);
  const [request] = useState(
    () =>
      new OpenRequest((menu, how) => {
        setOpenedBy(how);
        setLoaded(() => menu);
      }),
  );
  if (Loaded) return <Loaded {...props} openedBy={openedBy} />;

  const trigger = props.trigger ?? <IconButton label={props.label} icon={<Ellipsis size={16} />} />;
  const own = trigger.props as TriggerProps;
  return cloneElement(trigger, {
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    'data-state': 'closed',
    onPointerDown: composed(own.onPointerDown, request.onPointerDown),
    onKeyDown: composed(own.onKeyDown, request.onKeyDown),
    onPointerEnter: composed(own.onPointerEnter, prefetchMenu),
    onFocus: composed(own.onFocus, prefetchMenu),
  } as Partial<unknown>);
}

/** A menu asked open before its code is here: toggled by each press, shown when the code arrives. */
class OpenRequest {
  private asked: OpenedBy | null = null;

  constructor(private readonly show: (menu: Menu, how: OpenedBy) => void) {}

  readonly onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || event.ctrlKey) return;
    // As Radix's trigger: the button does not take focus, the open menu does.
    event.preventDefault();
    this.ask(this.asked === null ? 'pointer' : null);
  };

  readonly onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' || event.key === ' ') this.ask(this.asked === null ? 'keyboard' : null);
    else if (event.key === 'ArrowDown') this.ask('keyboard');
    else return;
    event.preventDefault();
  };

  private ask(how: OpenedBy | null) {
    this.asked = how;
    if (how === null) return;
    const showIfStillAsked = (menu: Menu) => {
      if (this.asked !== null) this.show(menu, this.asked);
    };
    if (loaded) showIfStillAsked(loaded);
    else
      loadMenu().then(showIfStillAsked, () => {
        this.asked = null;
      });
  }
}
