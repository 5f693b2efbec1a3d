import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { readToasts, waitForToast } from './support/toasts.ts';
import { openDock } from './support/simulator.ts';

const session = useAppSession();

/** The main screens: address, title, and text that shows the screen has its content. */
const SCREENS = [
  { name: 'overview', path: '/', title: 'Workflows', nav: 'Workflows', shows: 'No Workflows yet' },
  { name: 'builder', path: '/builder', title: 'Builder', nav: 'Builder', shows: 'No Workflow open' },
  { name: 'messages', path: '/messages', title: 'Messages', nav: 'Messages', shows: 'No Workflow can run yet' },
  { name: 'simulator', path: '/simulator', title: 'Simulator', nav: 'Simulator', shows: 'Expectations: all 3 hold' },
] as const;

describe('the app shell', () => {
  it.each(SCREENS)('opens $name at $path with its title, its nav item marked current, and no axe violation', async (screen) => {
    const page = await session.open({ path: screen.path });
    await page.getByText(screen.shows).first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(screen.title);
    expect(await page.title()).toBe(`${screen.title} · exitflow`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual([screen.nav]);
    // As a person sees it on a 1280×900 screen.
    await saveScreenshot(page, `screen-${screen.name}`, { fullPage: false });
    expect(await scanWithAxe(page)).toEqual([]);
  });

  it('moves between screens by the navigation without reloading, and Back returns', async () => {
    const page = await session.open({ path: '/' });
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/messages');
    await page.getByRole('link', { name: 'Go to Workflows' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('keeps the chosen example and script in the address, so a reload lands on the same simulation', async () => {
    const page = await session.open({ path: '/simulator' });
    await openDock(page, 'Report');
    await page.getByRole('table', { name: 'Trace' }).waitFor();
    await page.getByLabel('Situation').selectOption({ label: '24h follow-up' });
    await page.getByLabel('Script').selectOption({ label: 'Same instant: a reply in the very second the follow-up is due wins' });
    await page.getByRole('heading', { name: 'Same instant: a reply in the very second the follow-up is due wins', exact: true }).waitFor();
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('example'), url.searchParams.get('script')]).toEqual([
      '/simulator',
      'follow-up',
      'reply-at-the-same-second',
    ]);
    await page.reload();
    // The dock is the screen's, not the address's: it starts folded again.
    await openDock(page, 'Report');
    await page.getByRole('heading', { name: 'Same instant: a reply in the very second the follow-up is due wins', exact: true }).waitFor();
    expect(await page.getByLabel('Situation').inputValue()).toBe('follow-up');
  });

  it('says which example is unknown when a link names one that does not exist, and shows the first', async () => {
    const page = await session.open({ path: '/simulator?example=gone&script=nothing' });
    await page.getByRole('status').filter({ hasText: 'There is no example “gone”; showing Hot lead.' }).waitFor();
    await openDock(page, 'Report');
    await page.getByRole('table', { name: 'Trace' }).waitFor();
    expect(await page.getByLabel('Situation').inputValue()).toBe('hot-lead');
  });

  it('shows "Page not found" for an unknown address, with the way home', async () => {
    const page = await session.open({ path: '/no/such/page' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.getByText('/no/such/page').count()).toBe(1);
    expect(await scanWithAxe(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to Workflows' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workflows' }).waitFor();
  });

  it('reports an error raised in the background as a toast that stays until dismissed', async () => {
    const page = await session.open({ path: '/messages' });
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('The worker stopped answering');
      });
      void Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    });
    await waitForToast(page, 'The worker stopped answering');
    await waitForToast(page, 'The quota has been exceeded.');
    expect(await readToasts(page)).toEqual([
      { title: 'Something went wrong in the background', description: 'The worker stopped answering' },
      { title: 'Something went wrong in the background', description: 'The quota has been exceeded.' },
    ]);
    await saveScreenshot(page, 'toast-background-error');
    expect(await scanWithAxe(page)).toEqual([]);
    await page.waitForTimeout(5500);
    expect(await readToasts(page)).toHaveLength(2);
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('.ui-toast').length === 1);
    expect(await readToasts(page)).toEqual([{ title: 'Something went wrong in the background', description: 'The quota has been exceeded.' }]);
  });
});
