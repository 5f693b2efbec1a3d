import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scanWithAxe } from './support/axe.ts';
import { launchBrowser, openApp, saveScreenshot, screenshotOnFailure, type OpenedApp } from './support/browser.ts';
import { startPreviewServer, type PreviewServer } from './support/server.ts';

let server: PreviewServer | undefined;
let browser: Browser | undefined;
let app: OpenedApp | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPreviewServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async ({ task }) => {
  await screenshotOnFailure(task, app?.page);
  await app?.close();
  app = undefined;
});

describe('accessibility of the main screen (axe, WCAG 2.1 A/AA)', () => {
  it.each([
    ['Hot lead', 'Hot lead: agent takes over'],
    ['24h follow-up', 'Same instant: a reply in the very second the follow-up is due wins'],
  ])('has no violations showing %s / %s', async (situation, script) => {
    if (!browser || !server) throw new Error('The browser or the preview server did not start');
    app = await openApp(browser, server.url);
    const page = app.page;
    await page.getByLabel('Situation').selectOption({ label: situation });
    await page.getByLabel('Script').selectOption({ label: script });
    await page.getByRole('heading', { name: script, exact: true }).waitFor();
    await saveScreenshot(page, `a11y-${situation.replaceAll(/\W+/g, '-').toLowerCase()}`);
    expect(await scanWithAxe(page)).toEqual([]);
  });
});
