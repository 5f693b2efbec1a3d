import { createElement, Fragment, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../../src/common/loadOnce.ts';
import { useDeferredDialog } from '../../../src/ui/deferredDialog.tsx';
import { LoadedDialog } from '../../../src/ui/LoadedDialog.tsx';
import { reactRootPerTest } from '../../support/reactRootPerTest.ts';

/** A dialog's code whose every fetch waits until the test lets it arrive, or fail. */
function heldCode() {
  const fetches: { arrive: () => void; fail: () => void }[] = [];
  const code = loadOnce(
    () =>
      new Promise<typeof LoadedDialog>((resolve, reject) => {
        fetches.push({ arrive: () => resolve(LoadedDialog), fail: () => reject(new Error('Failed to fetch dynamically imported module')) });
      }),
  );
  return { code, fetches };
}

type Code = ReturnType<typeof heldCode>['code'];
interface HarnessProps {
  readonly code: Code;
  readonly withTrigger: boolean;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
}

/** As Dialog draws itself, with the test's code in place of the fetched chunk. */
function Harness({ code, withTrigger, open, onOpenChange }: HarnessProps) {
  const trigger = withTrigger ? createElement('button', { className: 'ui-button' }, 'Settings') : undefined;
  const deferred = useDeferredDialog(code, trigger, open, onOpenChange);
  const { Loaded } = deferred;
  return createElement(
    Fragment,
    null,
    deferred.trigger,
    Loaded &&
      createElement(Loaded, {
        title: 'Settings',
        open,
        onOpenChange,
        link: deferred.link,
        onReady: deferred.onReady,
        justPressed: deferred.justPressed,
        returnFocus: () => undefined,
      }),
  );
}

/** Uncontrolled but for `open`, as most callers with a trigger use it (SaveVersionDialog, HistoryDialog). */
function Controlled({ code }: { readonly code: Code }) {
  const [open, setOpen] = useState(false);
  return createElement(Harness, { code, withTrigger: true, open, onOpenChange: setOpen });
}

const root = reactRootPerTest();
/** Draws `element` at once; returns what draws the next one into the same root. */
function mount(element: ReturnType<typeof createElement>) {
  root.mount(element, { sync: true });
  return (next: ReturnType<typeof createElement>) => root.render(next, { sync: true });
}

const trigger = () => document.querySelector<HTMLButtonElement>('button.ui-button');
const dialogs = () => document.querySelectorAll('[role="dialog"]');
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
const escape = () => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));

describe('a dialog whose code has not arrived yet', () => {
  it('draws its trigger as Radix does a closed one, and fetches the code when the pointer reaches it', async () => {
    const { code, fetches } = heldCode();
    mount(createElement(Harness, { code, withTrigger: true }));
    const button = trigger();
    expect(button?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(button?.getAttribute('type')).toBe('button');
    expect(fetches).toHaveLength(0);
    button?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    expect(fetches).toHaveLength(1);
    fetches[0]?.arrive();
    await settle();
    expect(dialogs()).toHaveLength(0);
    // Radix now works through the same button, which says what it said.
    expect(trigger()).toBe(button);
    expect(button?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(button?.getAttribute('data-state')).toBe('closed');
  });

  it('opens once on arrival after presses 50 ms apart, focus in it, and gives focus back to the trigger on Escape', async () => {
    const { code, fetches } = heldCode();
    mount(createElement(Harness, { code, withTrigger: true }));
    const button = trigger();
    button?.focus();
    button?.click();
    await settle();
    button?.click();
    expect(fetches).toHaveLength(1);
    fetches[0]?.arrive();
    await settle();
    expect(dialogs()).toHaveLength(1);
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    expect(button?.getAttribute('aria-controls')).toBe(dialogs()[0]?.id);
    expect(dialogs()[0]?.contains(document.activeElement)).toBe(true);
    escape();
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(document.activeElement).toBe(button);
  });

  it('opens a controlled dialog through its onOpenChange, as Radix does', async () => {
    const { code, fetches } = heldCode();
    mount(createElement(Controlled, { code }));
    trigger()?.click();
    fetches[0]?.arrive();
    await settle();
    expect(dialogs()).toHaveLength(1);
    expect(document.querySelector('[role="dialog"] h2')?.textContent).toBe('Settings');
  });

  it('opens nothing when Escape was pressed before the code arrived', async () => {
    const { code, fetches } = heldCode();
    mount(createElement(Harness, { code, withTrigger: true }));
    trigger()?.focus();
    trigger()?.click();
    escape();
    fetches[0]?.arrive();
    await settle();
    expect(dialogs()).toHaveLength(0);
    // The next press opens it at once.
    trigger()?.click();
    await settle();
    expect(dialogs()).toHaveLength(1);
  });

  it('opens a controlled `open` on arrival, and nothing when it went back to false before', async () => {
    const { code, fetches } = heldCode();
    const onOpenChange = vi.fn();
    const render = mount(createElement(Harness, { code, withTrigger: false, open: false, onOpenChange }));
    expect(fetches).toHaveLength(0);
    render(createElement(Harness, { code, withTrigger: false, open: true, onOpenChange }));
    await settle();
    expect(fetches).toHaveLength(1);
    render(createElement(Harness, { code, withTrigger: false, open: false, onOpenChange }));
    fetches[0]?.arrive();
    await settle();
    expect(dialogs()).toHaveLength(0);
    render(createElement(Harness, { code, withTrigger: false, open: true, onOpenChange }));
    await settle();
    expect(dialogs()).toHaveLength(1);
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('after a failed fetch keeps its trigger working: the next press fetches again and opens', async () => {
    const { code, fetches } = heldCode();
    mount(createElement(Harness, { code, withTrigger: true }));
    trigger()?.click();
    fetches[0]?.fail();
    await settle();
    expect(dialogs()).toHaveLength(0);
    expect(trigger()?.getAttribute('aria-expanded')).toBe('false');
    trigger()?.click();
    expect(fetches).toHaveLength(2);
    fetches[1]?.arrive();
    await settle();
    expect(dialogs()).toHaveLength(1);
  });

  it('tells a controlled dialog whose code failed that it is closed, so what opens it can be pressed again', async () => {
    const { code, fetches } = heldCode();
    const onOpenChange = vi.fn();
    mount(createElement(Harness, { code, withTrigger: false, open: true, onOpenChange }));
    await settle();
    fetches[0]?.fail();
    await settle();
    expect(onOpenChange).toHaveBeenCalledExactlyOnceWith(false);
    expect(dialogs()).toHaveLength(0);
  });
});
