import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { useOneAtATime } from '../../../src/ui/useOneAtATime.ts';
import { reactRootPerTest } from '../../support/reactRootPerTest.ts';

/** Saves whose every call waits until the test ends it, kept or failed. */
function heldSaves() {
  const calls: { readonly value: string; readonly keep: () => void; readonly fail: () => void }[] = [];
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ value, keep: resolve, fail: () => reject(new Error('The quota has been exceeded.')) });
    }).catch(() => undefined); // as the app's actions do: a failure is reported, not thrown
  return { calls, save };
}

function SaveButton({ save }: { readonly save: (value: string) => Promise<void> }) {
  const saving = useOneAtATime(save);
  return createElement('button', { type: 'button', 'aria-disabled': saving.busy, 'aria-busy': saving.busy, onClick: () => saving.run('draft') }, 'Save');
}

const root = reactRootPerTest();
function mount(save: (value: string) => Promise<void>): HTMLButtonElement {
  const button = root.mount(createElement(SaveButton, { save }), { sync: true }).querySelector('button');
  if (!button) throw new Error('The button was not drawn');
  return button;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Clicks as the browser dispatches them, each handled before the next, with no render between: the guard must hold on its own. */
const clickTwiceInOneTask = (button: HTMLButtonElement) => {
  button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
};

describe('useOneAtATime', () => {
  it('runs once for two clicks while the first runs, shows it busy, and runs again once it is done', async () => {
    const { calls, save } = heldSaves();
    const button = mount(save);
    clickTwiceInOneTask(button);
    await settle();
    expect(calls.map((call) => call.value)).toEqual(['draft']);
    expect([button.getAttribute('aria-disabled'), button.getAttribute('aria-busy')]).toEqual(['true', 'true']);
    // Drawn busy now, and still pressable (not `disabled`, which would drop its focus): the press is dropped.
    button.click();
    expect(calls).toHaveLength(1);
    calls[0]?.keep();
    await settle();
    expect([button.getAttribute('aria-disabled'), button.getAttribute('aria-busy')]).toEqual(['false', 'false']);
    button.click();
    expect(calls).toHaveLength(2);
  });

  it('keeps the focus on the button through a save that failed, and frees it for a retry', async () => {
    const { calls, save } = heldSaves();
    const button = mount(save);
    button.focus();
    button.click();
    await settle();
    calls[0]?.fail();
    await settle();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-busy')).toBe('false');
    button.click();
    expect(calls).toHaveLength(2);
  });

  it('frees it too when the action throws at once, and lets the error through', () => {
    let calls = 0;
    const throwing = () => {
      calls += 1;
      throw new Error('broken');
    };
    const drawn: { run?: () => void } = {};
    function Harness() {
      const { run } = useOneAtATime(throwing);
      return createElement('button', { type: 'button', onClick: () => (drawn.run = run) }, 'Save');
    }
    root.mount(createElement(Harness), { sync: true }).querySelector('button')?.click();
    expect(() => drawn.run?.()).toThrow('broken');
    expect(() => drawn.run?.()).toThrow('broken');
    expect(calls).toBe(2);
  });
});
