import { Ellipsis } from 'lucide-react';
import { cloneElement, useState, type ReactElement, type ReactNode } from 'react';
import type { LoadedDropdownMenu } from './LoadedDropdownMenu.tsx';
import { loadOnce } from '../common/loadOnce.ts';
import { refetchableImport } from '../common/refetchableImport.ts';
import { IconButton } from './Tooltip.tsx';
import { TriggerLink, triggerProps, type TriggerAttributes } from './triggerLink.ts';

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
/** The menu's code (Radix's menu, focus handling, positioning), fetched once for every menu. */
const importMenu = refetchableImport(() => import('./LoadedDropdownMenu.tsx'));
const menuCode = loadOnce(() => importMenu().then((module) => module.LoadedDropdownMenu));

/** How the person opened a menu before its code had loaded. */
type OpenedBy = 'pointer' | 'keyboard';

/** As Radix draws a closed menu's trigger, until Radix is here to say otherwise. */
const CLOSED: TriggerAttributes = { 'aria-haspopup': 'menu', 'aria-expanded': false, 'data-state': 'closed' };

/**
 * A menu of actions behind one button, e.g. per table row (Radix DropdownMenu: role="menu",
 * arrow keys move, Enter selects, Escape closes and focus returns to the trigger).
 *
 * Not modal: a modal menu hides the whole app from screen readers while it is open (the page's
 * `main` and `h1` with it, and focusable controls under `aria-hidden`), which a menu of a few
 * actions has no reason to do; clicking outside or Escape still closes it. It is drawn inside the
 * landmark of its button (the page's `main`), so its items stay part of the page's structure.
 *
 * The menu's code is a tenth of a first screen's and most visits open no menu: until the pointer
 * or focus reaches the button, only the button is drawn, and the code is fetched then. Radix then
 * works through that same button (triggerLink.ts). A press or key that opens a menu before the code
 * has arrived is kept and played to Radix when it has, so the menu opens as asked — from a key with
 * focus on its first item; a second press before then closes it again, as on an open menu, so
 * quick presses lose none.
 */
export function DropdownMenu({ trigger, ...menu }: DropdownMenuProps) {
  const [attributes, setAttributes] = useState<TriggerAttributes>(CLOSED);
  const [Loaded, setLoaded] = useState<Menu | null>(null);
  const [waiting] = useState(() => new WaitingMenu(setAttributes, (code) => setLoaded(() => code)));
  const button = trigger ?? <IconButton label={menu.label} icon={<Ellipsis size={16} />} />;
  return (
    <>
      {cloneElement(button, triggerProps(button.props as Record<string, unknown>, attributes, waiting.link, waiting.handlers))}
      {Loaded && <Loaded {...menu} link={waiting.link} onReady={waiting.replay} />}
    </>
  );
}

interface Pressed {
  readonly defaultPrevented: boolean;
  readonly button: number;
  readonly ctrlKey: boolean;
  preventDefault(): void;
}
interface Key {
  readonly defaultPrevented: boolean;
  readonly key: string;
  preventDefault(): void;
}

/** A menu's button before Radix is here: it keeps a press or key that asks the menu open. */
class WaitingMenu {
  readonly link: TriggerLink;
  private asked: OpenedBy | null = null;

  constructor(
    onAttributes: (attributes: TriggerAttributes) => void,
    private readonly show: (code: Menu) => void,
  ) {
    this.link = new TriggerLink(onAttributes);
  }

  readonly handlers = {
    onPointerDown: (event: Pressed) => {
      if (this.link.forward('onPointerDown', event) || event.defaultPrevented) return;
      if (event.button !== 0 || event.ctrlKey) return;
      // As Radix's trigger: the button does not take focus, the open menu does.
      event.preventDefault();
      this.ask(this.asked === null ? 'pointer' : null);
    },
    onKeyDown: (event: Key) => {
      if (this.link.forward('onKeyDown', event) || event.defaultPrevented) return;
      if (event.key === 'Enter' || event.key === ' ') this.ask(this.asked === null ? 'keyboard' : null);
      else if (event.key === 'ArrowDown') this.ask('keyboard');
      else return;
      event.preventDefault();
    },
    onPointerEnter: () => this.load(),
    onFocus: () => this.load(),
  };

  /** Radix is listening: the press or key the person made is played to it. */
  readonly replay = () => {
    const asked = this.asked;
    this.asked = null;
    if (asked === 'pointer') this.link.forward('onPointerDown', { button: 0, ctrlKey: false, defaultPrevented: false, preventDefault: () => undefined });
    // A real key event: Radix learns from the keyboard's events that the menu was opened by a key.
    else if (asked === 'keyboard') this.link.element?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
  };

  private ask(how: OpenedBy | null) {
    this.asked = how;
    if (how !== null) this.load();
  }

  private load() {
    menuCode.whenLoaded(this.show, () => {
      this.asked = null;
    });
  }
}
