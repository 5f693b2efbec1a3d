import { cloneElement, useState, type ButtonHTMLAttributes, type FocusEvent, type KeyboardEvent, type PointerEvent, type ReactElement, type ReactNode, type Ref } from 'react';
import type { LoadedTooltip, TooltipReplay } from './LoadedTooltip.tsx';

type Side = 'top' | 'right' | 'bottom' | 'left';

interface TooltipProps {
  /** What the control does, in a few words. */
  readonly content: ReactNode;
  /** The one focusable element the tooltip describes (it receives the trigger props). */
  readonly children: ReactElement;
  readonly side?: Side;
}

type Loaded = typeof LoadedTooltip;
let loaded: Loaded | null = null;
let loading: Promise<Loaded> | null = null;
/** The tooltip's code (Radix's tooltip, positioning), fetched once for every tooltip. */
function loadTooltip(): Promise<Loaded> {
  return (loading ??= import('./LoadedTooltip.tsx').then(
    (module) => (loaded = module.LoadedTooltip),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  ));
}

type TriggerProps = {
  ref?: Ref<HTMLElement>;
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (event: PointerEvent<HTMLElement>) => void;
  onPointerDown?: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
};

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * A short hint on hover and keyboard focus (Radix Tooltip: role="tooltip", Escape hides it).
 * It brings its own Provider so it works anywhere without setup at the app root.
 *
 * The tooltip's code is not part of a first screen: until the pointer or focus first reaches a
 * control with a hint, the control is drawn alone. Then the code is fetched and the control drawn
 * again inside Radix's tooltip, which takes over from there — never in the middle of a press or a
 * held key, so no click is lost — and what the person was doing is replayed to it (LoadedTooltip):
 * focus goes back to the control, and the hint shows as it would have.
 */
export function Tooltip({ content, children, side = 'top' }: TooltipProps) {
  const [Loaded, setLoaded] = useState<Loaded | null>(() => loaded);
  const [replay, setReplay] = useState<TooltipReplay | null>(null);
  const [trigger] = useState(
    () =>
      new WaitingTrigger((tooltip, how) => {
        setReplay(how);
        setLoaded(() => tooltip);
      }),
  );
  if (Loaded) {
    return (
      <Loaded content={content} side={side} replay={replay}>
        {children}
      </Loaded>
    );
  }
  return cloneElement(children, trigger.props(children.props as TriggerProps) as Partial<unknown>);
}

/**
 * A control whose tooltip's code is not here yet: it asks for the code when the pointer or focus
 * reaches it, and hands over once the code is here and no press or key is held on it.
 */
class WaitingTrigger {
  private element: HTMLElement | null = null;
  private wanted = false;
  private hovered = false;
  private pressed = false;
  private focusByPress = false;

  constructor(private readonly handOver: (tooltip: Loaded, replay: TooltipReplay | null) => void) {}

  props(own: TriggerProps): TriggerProps {
    return {
      ref: (node) => {
        this.element = node;
        setRef(own.ref, node);
      },
      onPointerEnter: (event) => {
        own.onPointerEnter?.(event);
        if (event.pointerType === 'touch') return;
        this.hovered = true;
        this.want();
      },
      onPointerLeave: (event) => {
        own.onPointerLeave?.(event);
        this.hovered = false;
      },
      onPointerDown: (event) => {
        own.onPointerDown?.(event);
        this.focusByPress = true;
        if (!this.pressed) this.holdUntilReleased('pointerup');
      },
      onKeyDown: (event) => {
        own.onKeyDown?.(event);
        if (!this.pressed) this.holdUntilReleased('keyup');
      },
      onFocus: (event) => {
        own.onFocus?.(event);
        this.focusByPress = this.pressed;
        this.want();
      },
    };
  }

  private want() {
    this.wanted = true;
    if (loaded) this.handOverWhenAtRest();
    else
      loadTooltip().then(
        () => this.handOverWhenAtRest(),
        () => {
          this.wanted = false;
        },
      );
  }

  private handOverWhenAtRest() {
    if (!this.wanted || this.pressed || !loaded) return;
    const focused = this.element !== null && this.element === document.activeElement;
    this.handOver(loaded, focused ? (this.focusByPress ? 'focus-by-press' : 'focus') : this.hovered ? 'hover' : null);
  }

  /** Held until the press or key is let go and the click it makes has been handled. */
  private holdUntilReleased(release: 'pointerup' | 'keyup') {
    this.pressed = true;
    const released = () => {
      window.removeEventListener(release, released, true);
      window.removeEventListener('pointercancel', released, true);
      this.pressed = false;
      setTimeout(() => this.handOverWhenAtRest(), 0);
    };
    window.addEventListener(release, released, true);
    if (release === 'pointerup') window.addEventListener('pointercancel', released, true);
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
