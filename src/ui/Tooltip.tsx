import { cloneElement, useState, type ButtonHTMLAttributes, type ReactElement, type ReactNode, type Ref } from 'react';
import { loadOnce } from '../common/loadOnce.ts';
import { refetchableImport } from '../common/refetchableImport.ts';
import type { LoadedTooltip } from './LoadedTooltip.tsx';
import { TriggerLink, triggerProps, type TriggerAttributes } from './triggerLink.ts';

type Side = 'top' | 'right' | 'bottom' | 'left';

interface TooltipProps {
  /** What the control does, in a few words. */
  readonly content: ReactNode;
  /** The one focusable element the tooltip describes (it receives the trigger props). */
  readonly children: ReactElement;
  readonly side?: Side;
}

type Loaded = typeof LoadedTooltip;
/** The tooltip's code (Radix's tooltip, positioning), fetched once for every tooltip. */
const importTooltip = refetchableImport(() => import('./LoadedTooltip.tsx'));
const tooltipCode = loadOnce(() => importTooltip().then((module) => module.LoadedTooltip));

/**
 * A short hint on hover and keyboard focus (Radix Tooltip: role="tooltip", Escape hides it).
 * It brings its own Provider so it works anywhere without setup at the app root.
 *
 * The tooltip's code is not part of a first screen: until the pointer or focus first reaches the
 * control, the control alone is drawn, and the code is fetched then. Radix then works through that
 * same control (triggerLink.ts), and what the person was doing meanwhile is played to it: the
 * pointer resting on the control, or keyboard focus, shows the hint as it would have.
 */
export function Tooltip({ content, children, side = 'top' }: TooltipProps) {
  const [attributes, setAttributes] = useState<TriggerAttributes>({});
  const [Loaded, setLoaded] = useState<Loaded | null>(null);
  const [waiting] = useState(() => new WaitingHint(setAttributes, (code) => setLoaded(() => code)));
  return (
    <>
      {cloneElement(children, triggerProps(children.props as Record<string, unknown>, attributes, waiting.link, waiting.handlers))}
      {Loaded && <Loaded link={waiting.link} content={content} side={side} onReady={waiting.replay} />}
    </>
  );
}

type Pointer = { readonly defaultPrevented: boolean; readonly pointerType: string; readonly target: EventTarget | null };
type Any = { readonly defaultPrevented: boolean };

/** A control's hint before Radix is here: it notes whether the pointer rests on it or it has keyboard focus. */
class WaitingHint {
  readonly link: TriggerLink;
  private hovered = false;
  private pointerDown = false;
  private keyboardFocus = false;

  constructor(
    onAttributes: (attributes: TriggerAttributes) => void,
    private readonly show: (code: Loaded) => void,
  ) {
    this.link = new TriggerLink(onAttributes);
  }

  readonly handlers = {
    onPointerMove: (event: Pointer) => {
      if (this.link.forward('onPointerMove', event) || event.pointerType === 'touch' || this.hovered) return;
      this.hovered = true;
      window.addEventListener('pointerover', this.pointerOverElsewhere, true);
      this.load();
    },
    onPointerLeave: (event: Pointer) => {
      if (!this.link.forward('onPointerLeave', event)) this.hovered = false;
    },
    onPointerDown: (event: Pointer) => {
      if (this.link.forward('onPointerDown', event)) return;
      // As Radix: a press hides the hint, and focus that comes with it does not show it.
      this.hovered = false;
      this.pointerDown = true;
      window.addEventListener('pointerup', this.pointerUp, { capture: true, once: true });
    },
    onFocus: (event: Any) => {
      if (this.link.forward('onFocus', event)) return;
      this.keyboardFocus = !this.pointerDown;
      this.load();
    },
    onBlur: (event: Any) => {
      if (!this.link.forward('onBlur', event)) this.keyboardFocus = false;
    },
    onClick: (event: Any) => void this.link.forward('onClick', event),
  };

  /** Radix is listening: the pointer resting on the control, or keyboard focus, is played to it. */
  readonly replay = () => {
    window.removeEventListener('pointerover', this.pointerOverElsewhere, true);
    if (this.keyboardFocus && this.link.element === document.activeElement) this.link.forward('onFocus', { defaultPrevented: false });
    else if (this.hovered) this.link.forward('onPointerMove', { defaultPrevented: false, pointerType: 'mouse' });
  };

  /** A leave the control may not hear (a test's synthetic pointer): the pointer is over something else. */
  private readonly pointerOverElsewhere = (event: globalThis.PointerEvent) => {
    if (this.link.element?.contains(event.target as Node)) return;
    this.hovered = false;
    window.removeEventListener('pointerover', this.pointerOverElsewhere, true);
  };

  private readonly pointerUp = () => {
    this.pointerDown = false;
  };

  private load() {
    tooltipCode.whenLoaded(this.show);
  }
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
