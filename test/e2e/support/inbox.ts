import type { Page } from 'playwright-core';

/** Writes in the Messages view's composer as the agent or the contact, and waits for the line in the transcript. */
export async function write(page: Page, as: 'agent' | 'contact', text: string): Promise<void> {
  const composer = page.getByRole('form', { name: 'Write a message' });
  await composer.getByRole('radio', { name: as === 'contact' ? /\(contact\)$/ : /\(agent\)$/ }).check();
  await composer.getByRole('textbox').fill(text);
  await composer.getByRole('button', { name: 'Send' }).click();
  await page.waitForFunction((sent) => document.querySelector('[role="log"]')?.textContent?.includes(sent), text);
}
