import type { Locator, Page } from 'playwright-core';

/** What the page's disk does now: writes that answer late (a slow disk), or that fail (a full one). */
export interface DiskState {
  /** How long each write's transaction waits, once done, before it says so. */
  readonly writeDelayMs?: number;
  /** Writes fail with QuotaExceededError. */
  readonly full?: boolean;
}

/**
 * Lets a test make IndexedDB writes slow or failing (see `setDisk`). Slow: a read-write
 * transaction's `complete` reaches the app `writeDelayMs` late, so the app's save is still pending
 * for that long (the data is written; only the answer waits). Call before the page opens
 * (`session.open({ prepare: controlDisk })`).
 */
export async function controlDisk(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const disk = () => (window as unknown as { disk?: { writeDelayMs?: number; full?: boolean } }).disk ?? {};
    const completeHandler = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete');
    if (!completeHandler?.set || !completeHandler.get) throw new Error('IDBTransaction.oncomplete is not an accessor here');
    const { get, set } = completeHandler;
    Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
      configurable: true,
      get(this: IDBTransaction) {
        return get.call(this);
      },
      set(this: IDBTransaction, handler: ((this: IDBTransaction, event: Event) => unknown) | null) {
        const delay = this.mode === 'readwrite' ? (disk().writeDelayMs ?? 0) : 0;
        if (!handler || delay === 0) return set.call(this, handler);
        set.call(this, function (this: IDBTransaction, event: Event) {
          setTimeout(() => handler.call(this, event), delay);
        });
      },
    });
    for (const method of ['put', 'add'] as const) {
      const write = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (disk().full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return write.apply(this, args);
      };
    }
  });
}

/** Sets what the disk of a page prepared with `controlDisk` does from now on. */
export async function setDisk(page: Page, state: DiskState): Promise<void> {
  await page.evaluate((next) => Object.assign(window, { disk: next }), state);
}

/** How a person presses a button twice by mistake. */
export type TwoPresses = 'a double click' | 'two clicks 50 ms apart';
export const TWO_PRESSES: readonly TwoPresses[] = ['a double click', 'two clicks 50 ms apart'];

/**
 * Presses `target` twice as a hand does: both presses land where the button was, whatever it shows
 * by the second (busy, gone), as a mouse does — a locator's click would wait for it to be
 * enabled again.
 */
export async function pressTwice(page: Page, target: Locator, how: TwoPresses): Promise<void> {
  if (how === 'a double click') return target.dblclick();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`Cannot click: ${String(target)} is not visible`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(50);
  await page.mouse.click(x, y);
}

/** What a button tells assistive technology (and Playwright) about being busy, read now. */
export async function readBusy(target: Locator): Promise<{ readonly enabled: boolean; readonly ariaBusy: string | null }> {
  return { enabled: await target.isEnabled(), ariaBusy: await target.getAttribute('aria-busy') };
}
