import type { Ref } from 'react';

type Props = Readonly<Record<string, unknown>>;
/** What a trigger's button is drawn with besides its handlers (aria-expanded, data-state…). */
export type TriggerAttributes = Props;

const NOT_ATTRIBUTES = new Set(['children', 'ref', 'asChild']);
function attributesOf(props: Props | null): TriggerAttributes {
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props ?? {})) if (typeof value !== 'function' && !NOT_ATTRIBUTES.has(name)) attributes[name] = value;
  return attributes;
}
function sameAttributes(a: TriggerAttributes, b: TriggerAttributes): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => Object.is(a[name], b[name]));
}

export function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * The tie between a button drawn by our own code and the Radix part (menu, tooltip) that works
 * through it once its code has loaded (TriggerProxy.tsx). Radix never draws the button itself: it
 * is handed the button's element as its trigger, its handlers are called from the button's, and
 * the attributes it would give its trigger are drawn on the button. So the button is one element
 * from first paint on — never replaced when Radix arrives, which would drop its focus, a press in
 * progress, or a reference someone holds to it.
 */
export class TriggerLink {
  element: HTMLElement | null = null;
  private radix: Props | null = null;

  constructor(private readonly onAttributes: (attributes: TriggerAttributes) => void) {}

  readonly ref = (element: HTMLElement | null) => {
    this.element = element;
  };

  get attached(): boolean {
    return this.radix !== null;
  }

  /** From TriggerProxy on each of its renders: the props Radix gives its trigger (null when it goes). */
  attach(props: Props | null): void {
    const before = attributesOf(this.radix);
    this.radix = props;
    const after = attributesOf(props);
    if (!sameAttributes(before, after)) this.onAttributes(after);
  }

  /** Calls Radix's handler of this event; false when Radix is not here yet. */
  forward(name: string, event: unknown): boolean {
    const handler = this.radix?.[name];
    if (typeof handler !== 'function') return false;
    (handler as (event: unknown) => void)(event);
    return true;
  }
}

/**
 * The button as drawn: its own props win over Radix's attributes (as with Radix's `asChild`), and
 * each handler in `handlers` runs after the button's own, as Radix's would.
 */
export function triggerProps(
  own: Props,
  attributes: TriggerAttributes,
  link: TriggerLink,
  handlers: Readonly<Record<string, (event: never) => void>>,
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) if (own[name] === undefined) props[name] = value;
  const ownRef = own.ref as Ref<HTMLElement> | undefined;
  props.ref = (element: HTMLElement | null) => {
    link.ref(element);
    setRef(ownRef, element);
  };
  for (const [name, handler] of Object.entries(handlers) as [string, (event: unknown) => void][]) {
    const ownHandler = own[name] as ((event: unknown) => void) | undefined;
    props[name] = (event: unknown) => {
      ownHandler?.(event);
      handler(event);
    };
  }
  return props;
}
