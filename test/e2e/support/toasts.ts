import type { Page } from 'playwright-core';

export interface ShownToast {
  readonly title: string;
  readonly description: string;
}

/** The toasts on screen now, read from the notifications region as a screen reader finds them. */
export async function readToasts(page: Page): Promise<ShownToast[]> {
  const toasts = page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem');
  return toasts.evaluateAll((items) =>
    items.map((item) => ({
      title: (item.querySelector('.ui-toast__title')?.textContent ?? '').trim(),
      description: (item.querySelector('.ui-toast__description')?.textContent ?? '').trim(),
    })),
  );
}

/** Waits until a toast with this title is shown and returns all toasts then. */
export async function waitForToast(page: Page, title: string | RegExp): Promise<ShownToast[]> {
  await page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem').filter({ hasText: title }).first().waitFor();
  return readToasts(page);
}
