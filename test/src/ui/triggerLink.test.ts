import { describe, expect, it, vi } from 'vitest';
import { TriggerLink, triggerProps, type TriggerAttributes } from '../../../src/ui/triggerLink.ts';

const event = () => ({ defaultPrevented: false });

describe('TriggerLink', () => {
  it('forwards nothing before Radix attaches, then calls its handler', () => {
    const link = new TriggerLink(() => undefined);
    expect(link.forward('onPointerDown', event())).toBe(false);
    const onPointerDown = vi.fn();
    link.attach({ onPointerDown, 'aria-expanded': false });
    const pressed = event();
    expect(link.forward('onPointerDown', pressed)).toBe(true);
    expect(onPointerDown).toHaveBeenCalledWith(pressed);
    link.attach(null);
    expect(link.forward('onPointerDown', event())).toBe(false);
  });

  it('reports Radix attributes only when they change, without handlers, children or ref', () => {
    const seen: TriggerAttributes[] = [];
    const link = new TriggerLink((attributes) => seen.push(attributes));
    link.attach({ 'aria-expanded': false, 'data-state': 'closed', onKeyDown: () => undefined, children: null, ref: null });
    link.attach({ 'aria-expanded': false, 'data-state': 'closed', onKeyDown: () => undefined });
    link.attach({ 'aria-expanded': true, 'data-state': 'open', onKeyDown: () => undefined });
    expect(seen).toEqual([
      { 'aria-expanded': false, 'data-state': 'closed' },
      { 'aria-expanded': true, 'data-state': 'open' },
    ]);
  });
});

describe('triggerProps', () => {
  it('lets the button’s own props win over Radix attributes, and runs its own handler first', () => {
    const order: string[] = [];
    const link = new TriggerLink(() => undefined);
    const props = triggerProps(
      { 'data-state': 'mine', onFocus: () => order.push('own') },
      { 'data-state': 'closed', 'aria-describedby': 'hint' },
      link,
      { onFocus: () => order.push('link') },
    );
    expect(props['data-state']).toBeUndefined();
    expect(props['aria-describedby']).toBe('hint');
    (props.onFocus as (event: unknown) => void)(event());
    expect(order).toEqual(['own', 'link']);
  });

  it('gives the element to the link and to the button’s own ref', () => {
    const link = new TriggerLink(() => undefined);
    const own = { current: null as unknown };
    const props = triggerProps({ ref: own }, {}, link, {});
    const element = {} as HTMLElement;
    (props.ref as (element: HTMLElement | null) => void)(element);
    expect(link.element).toBe(element);
    expect(own.current).toBe(element);
  });
});
