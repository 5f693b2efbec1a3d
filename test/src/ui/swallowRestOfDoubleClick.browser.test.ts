import { afterEach, describe, expect, it } from 'vitest';
import { DOUBLE_CLICK_MS, swallowRestOfDoubleClick } from '../../../src/ui/swallowRestOfDoubleClick.ts';

/** A button that counts what reaches it, at a known place in the window. */
function target() {
  const button = document.createElement('button');
  document.body.append(button);
  const heard: string[] = [];
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'keydown']) button.addEventListener(type, () => heard.push(type));
  return { button, heard };
}

/** The presses of one click at a point, as the browser sends them. */
function pressAt(element: Element, at: { x: number; y: number }, detail: number) {
  const init = { bubbles: true, cancelable: true, composed: true, view: window, clientX: at.x, clientY: at.y, detail };
  element.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
  element.dispatchEvent(new MouseEvent('mousedown', init));
  element.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
  element.dispatchEvent(new MouseEvent('mouseup', init));
  element.dispatchEvent(new MouseEvent('click', init));
  if (detail === 2) element.dispatchEvent(new MouseEvent('dblclick', init));
}

const ALL = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];

describe('swallowRestOfDoubleClick', () => {
  let release: () => void = () => undefined;
  const swallow = (click: Parameters<typeof swallowRestOfDoubleClick>[0]) => {
    release = swallowRestOfDoubleClick(click);
  };
  afterEach(() => {
    release();
    document.body.replaceChildren();
  });

  it('stops the second click of a double click at the same place, and nothing after it', () => {
    const { button, heard } = target();
    swallow({ detail: 1, clientX: 100, clientY: 100 });
    pressAt(button, { x: 103, y: 98 }, 2);
    expect(heard).toEqual([]);
    // The double click ended with its dblclick: the next press goes through.
    pressAt(button, { x: 100, y: 100 }, 1);
    expect(heard).toEqual(ALL);
  });

  it('lets a click elsewhere through, and keys', () => {
    const { button, heard } = target();
    swallow({ detail: 1, clientX: 100, clientY: 100 });
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    pressAt(button, { x: 300, y: 100 }, 1);
    expect(heard).toEqual(['keydown', ...ALL]);
  });

  it('lets a click at the same place through once the double click time is over', async () => {
    const { button, heard } = target();
    swallow({ detail: 1, clientX: 100, clientY: 100 });
    await new Promise((resolve) => setTimeout(resolve, DOUBLE_CLICK_MS + 50));
    pressAt(button, { x: 100, y: 100 }, 1);
    expect(heard).toEqual(ALL);
  });

  it('waits for no second click after a click made with the keyboard', () => {
    const { button, heard } = target();
    swallow({ detail: 0, clientX: 0, clientY: 0 });
    pressAt(button, { x: 0, y: 0 }, 1);
    expect(heard).toEqual(ALL);
  });
});
