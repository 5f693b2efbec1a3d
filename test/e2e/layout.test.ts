import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildWorkflow, followUpWorkflow, steps } from '../harness/workflowFixtures.ts';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { openDock, simulateExample } from './support/simulator.ts';

const session = useAppSession();

/** What a workspace screen must be at any size: exactly the window, nothing scrolled, nothing overflowing it. */
async function expectFitsWindow(page: Page, what: string): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const seen = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement?.scrollHeight ?? Number.NaN,
    scrollWidth: document.scrollingElement?.scrollWidth ?? Number.NaN,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    scrollY: window.scrollY,
  }));
  expect(seen.scrollHeight, `${what}: document height`).toBeLessThanOrEqual(seen.innerHeight);
  expect(seen.scrollWidth, `${what}: document width`).toBeLessThanOrEqual(seen.innerWidth);
  expect(seen.scrollY, `${what}: scrollY`).toBe(0);
}

/** The element's whole box is inside the window. */
async function expectInView(page: Page, selector: string, what: string): Promise<void> {
  const box = await page.evaluate((query) => {
    const rect = document.querySelector(query)?.getBoundingClientRect();
    return rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, width: window.innerWidth, height: window.innerHeight } : null;
  }, selector);
  expect(box, `${what} is on the page`).not.toBeNull();
  if (!box) return;
  expect(box.top, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box.left, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box.bottom, `${what} bottom`).toBeLessThanOrEqual(box.height);
  expect(box.right, `${what} right`).toBeLessThanOrEqual(box.width);
}

/** Every item of the toolbar sits on one row: their vertical centres agree within a few pixels. */
async function toolbarRows(page: Page, selector: string): Promise<number> {
  return page.evaluate((query) => {
    const toolbar = document.querySelector(query);
    if (!toolbar) return Number.NaN;
    const centres = [...toolbar.children]
      .map((child) => child.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .map((box) => Math.round((box.top + box.bottom) / 2));
    const rows: number[] = [];
    for (const centre of centres) if (!rows.some((row) => Math.abs(row - centre) <= 4)) rows.push(centre);
    return rows.length;
  }, selector);
}

/** Nothing inside the element reaches past its box, and it is not scrolled sideways. */
async function expectNoSidewaysOverflow(page: Page, selector: string, what: string): Promise<void> {
  const seen = await page.evaluate((query) => {
    const element = document.querySelector(query);
    return element ? { scrollWidth: element.scrollWidth, clientWidth: element.clientWidth, scrollLeft: element.scrollLeft } : null;
  }, selector);
  expect(seen, `${what} is on the page`).not.toBeNull();
  expect(seen?.scrollWidth, `${what}: content width`).toBeLessThanOrEqual(seen?.clientWidth ?? 0);
  expect(seen?.scrollLeft, `${what}: scrollLeft`).toBe(0);
}

/** A Workflow file for the overview's import. */
const workflowFile = (name: string, workflow: object) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workflow)) });

/** The longest name a Workflow may have, with no space to break it at. */
const LONGEST_NAME = 'FollowUpForEveryNewLeadFromTheSpringCampaignInEurope'.padEnd(120, 'X');

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
];

describe.each(SIZES)('every workspace screen fits the window at $width×$height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('the builder: one toolbar row whose items keep their places while saving, the canvas, palette and side panel inside the window', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize(viewport) });
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByTestId('node-wait').waitFor();
    await expectFitsWindow(page, 'builder');
    expect(await toolbarRows(page, '.builder-toolbar')).toBe(1);
    for (const [selector, what] of [
      ['.builder-toolbar', 'the toolbar'],
      ['.builder-canvas', 'the canvas'],
      ['.react-flow__minimap', 'the minimap'],
      ['.react-flow__controls', 'the zoom controls'],
      ['.palette', 'the palette'],
      ['.builder-side', 'the side panel'],
    ] as const)
      await expectInView(page, selector, what);

    // Typing a name: "Saving…" then "Saved at …"; Publish does not move.
    const publish = page.getByRole('button', { name: 'Publish' });
    const before = await publish.boundingBox();
    const name = page.getByLabel('Workflow name');
    await name.fill('A much longer name for the follow-up Workflow');
    const whileSaving = await publish.boundingBox();
    await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
    const afterSaving = await publish.boundingBox();
    expect(whileSaving?.x).toBe(before?.x);
    expect(afterSaving?.x).toBe(before?.x);
    expect(await toolbarRows(page, '.builder-toolbar')).toBe(1);
    await expectFitsWindow(page, 'builder after renaming');
    await saveScreenshot(page, `layout-builder-${size}`, { fullPage: false });

    // More room for the canvas: the steps and the inspector fold away, and come back.
    const canvasWidth = async () => (await page.locator('.builder-canvas').boundingBox())?.width ?? 0;
    const withPanels = await canvasWidth();
    await page.getByRole('button', { name: 'Hide the steps' }).click();
    await page.getByRole('button', { name: 'Hide the inspector and problems' }).click();
    expect(await page.getByRole('navigation', { name: 'Steps' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Inspector and problems' }).count()).toBe(0);
    expect(await canvasWidth()).toBeGreaterThan(withPanels + 400);
    await expectFitsWindow(page, 'builder without its panels');
    expect(await toolbarRows(page, '.builder-toolbar')).toBe(1);
    await page.getByRole('button', { name: 'Show the steps' }).click();
    await page.getByRole('button', { name: 'Show the inspector and problems' }).click();
    expect(await canvasWidth()).toBe(withPanels);
  });

  it('the simulator of an example, with the dock folded and open: the playback bar and the canvas in the window', async () => {
    const page = await session.open({ path: '/simulator?example=hot-lead', prepare: (page) => page.setViewportSize(viewport) });
    const runToEnd = page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' });
    await runToEnd.click();
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((button) => button.textContent?.includes('Run to end') && button.disabled));
    await expectFitsWindow(page, 'simulator');
    await expectInView(page, '[role="group"][aria-label="Playback"]', 'the playback bar');
    await expectInView(page, '.workspace__canvas', 'the canvas');
    await expectInView(page, '.workspace__side', 'the side panel');
    for (const panel of ['Report', 'Compare'] as const) {
      await openDock(page, panel);
      await expectFitsWindow(page, `simulator with ${panel} open`);
      await expectInView(page, '.workspace__canvas', `the canvas with ${panel} open`);
      await expectInView(page, '.workspace-dock', `the dock with ${panel} open`);
    }
    await saveScreenshot(page, `layout-simulator-${size}`, { fullPage: false });
  });

  it('the simulator of a stored Workflow and the Messages view', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize(viewport) });
    await simulateExample(page, '24h follow-up');
    await expectFitsWindow(page, 'simulator of a stored Workflow');
    expect(await toolbarRows(page, '.simulator-header')).toBeLessThanOrEqual(1);
    await expectInView(page, '.workspace__canvas', 'the canvas');
    await saveScreenshot(page, `layout-simulator-stored-${size}`, { fullPage: false });

    await page.getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    await page.getByRole('log').first().waitFor();
    await expectFitsWindow(page, 'Messages');
  });
});

describe.each([
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])('the script editor at $width×$height', (viewport) => {
  it('spans the header from edge to edge, under the title and the script actions (it sat in the column beside the title, an empty column to its left); the window does not scroll', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize(viewport) });
    await simulateExample(page, '24h follow-up');
    // A double click opens one editor.
    await page.getByRole('button', { name: 'New script' }).dblclick();
    await page.getByRole('region', { name: 'Script editor' }).waitFor();
    await expectFitsWindow(page, 'the script editor');
    const seen = await page.evaluate(() => {
      const box = (query: string) => document.querySelector(query)?.getBoundingClientRect() ?? null;
      return { editors: document.querySelectorAll('.script-editor').length, header: box('.simulator-header'), title: box('.simulator-header__title'), actions: box('.scripts-panel__row'), editor: box('.script-editor') };
    });
    expect(seen.editors).toBe(1);
    const { header, title, actions, editor } = seen;
    if (!header || !title || !actions || !editor) throw new Error('The header, its title, the script actions or the editor is missing');
    expect(editor.left, 'the editor starts at the header’s left edge').toBeLessThanOrEqual(header.left + 1);
    expect(editor.width, 'the editor spans the header').toBeGreaterThanOrEqual(header.width - 2);
    expect(editor.top, 'the editor is under the title').toBeGreaterThanOrEqual(title.bottom);
    // The script picker and its actions stay on the title's row.
    expect(Math.abs(actions.top - title.top)).toBeLessThanOrEqual(4);
    expect(actions.left).toBeGreaterThan(title.right);
    await expectInView(page, '.script-editor__actions', 'Save and Cancel');
  });
});

describe('the builder at 1280×720 once published and edited since', () => {
  it('keeps its toolbar on one row inside the window, and nothing scrolls sideways when Publish takes the focus', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByTestId('node-wait').waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Workflow' });
    const publish = toolbar.getByRole('button', { name: 'Publish' });
    await publish.click();
    await page.getByRole('dialog', { name: /^Publish “/ }).getByRole('button', { name: 'Publish', exact: true }).click();
    await toolbar.getByText('Published', { exact: true }).waitFor();
    await toolbar.getByRole('button', { name: 'Workflow settings' }).click();
    await page.getByRole('dialog', { name: 'Workflow settings' }).getByRole('checkbox', { name: 'Incoming messages' }).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => /edited since/.test(document.querySelector('.builder-toolbar')?.textContent ?? ''));

    await publish.focus();
    await expectFitsWindow(page, 'builder, edited since published');
    await expectNoSidewaysOverflow(page, '.app-main', 'the main area');
    await expectNoSidewaysOverflow(page, '.builder-toolbar', 'the toolbar');
    expect(await toolbarRows(page, '.builder-toolbar')).toBe(1);
    await expectInView(page, '.builder-toolbar', 'the toolbar');
    await expectInView(page, '.palette', 'the palette');
    const publishBox = await publish.boundingBox();
    const toolbarBox = await toolbar.boundingBox();
    expect(publishBox && toolbarBox && publishBox.x + publishBox.width).toBeLessThanOrEqual((toolbarBox?.x ?? 0) + (toolbarBox?.width ?? 0));
    await saveScreenshot(page, 'layout-builder-edited-since-1280x720', { fullPage: false });

    // The dialog opened by a click and closed with Esc leaves the same layout.
    await publish.click();
    await page.keyboard.press('Escape');
    await expectNoSidewaysOverflow(page, '.app-main', 'the main area after Publish and Esc');
  });
});

describe.each(SIZES.filter((size) => size.width === 1280 || size.width === 1920))('a Workflow with the longest name, no spaces in it, at $width×$height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('fits the overview table, the builder’s name field and the simulator’s title in the window, the whole name still named', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize(viewport) });
    await page.getByLabel('Workflow file to import').setInputFiles(workflowFile('long.workflow.json', followUpWorkflow(undefined, { id: 'long-name', name: LONGEST_NAME })));
    await page.getByTestId('node-wait-24h').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    const table = page.getByRole('table', { name: 'Workflows' });
    const link = table.getByRole('link', { name: LONGEST_NAME, exact: true });
    await link.waitFor();
    await expectFitsWindow(page, 'overview');
    await expectInView(page, '.data-table', 'the Workflows table');
    await expectInView(page, '.table-actions button', 'the row’s Actions button');
    await page.getByRole('button', { name: `Actions for ${LONGEST_NAME}`, exact: true }).waitFor();
    expect(await link.textContent()).toBe(LONGEST_NAME);
    for (const column of ['Trigger', 'Status', 'Actions'])
      expect(await table.getByRole('columnheader', { name: column }).evaluate((cell) => cell.getBoundingClientRect().right <= window.innerWidth), `${column} column in view`).toBe(true);
    await saveScreenshot(page, `layout-overview-long-name-${size}`, { fullPage: false });

    await link.click();
    await page.getByTestId('node-wait-24h').waitFor();
    await expectFitsWindow(page, 'builder');
    await expectNoSidewaysOverflow(page, '.app-main', 'the builder’s main area');
    expect(await toolbarRows(page, '.builder-toolbar')).toBe(1);
    await expectInView(page, '.builder-name__input', 'the name field');
    expect(await page.getByLabel('Workflow name').inputValue()).toBe(LONGEST_NAME);

    await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Simulate' }).click();
    await page.getByText('Simulating', { exact: false }).first().waitFor();
    await expectFitsWindow(page, 'simulator');
    await expectNoSidewaysOverflow(page, '.app-main', 'the simulator’s main area');
    await expectNoSidewaysOverflow(page, '.simulator-header', 'the simulator header');
    await expectInView(page, '.simulator-header__name', 'the simulated Workflow’s name');
    expect(await page.locator('.simulator-header__name').getAttribute('title')).toBe(`Simulating ${LONGEST_NAME}`);
    await saveScreenshot(page, `layout-simulator-long-name-${size}`, { fullPage: false });
  });
});

describe('the builder’s Problems list, far down a long list', () => {
  it('brings the Inspector into view when a problem selects its step', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    // No text and no way in: two problems a step.
    const loose = Array.from({ length: 25 }, (_, i) => ({ ...steps.send(`loose-${i}`, ''), position: { x: 400 + (i % 5) * 260, y: 100 + Math.floor(i / 5) * 160 } }));
    const workflow = buildWorkflow({ id: 'loose', name: 'Loose steps', steps: loose, edges: [] });
    await page.getByLabel('Workflow file to import').setInputFiles(workflowFile('loose.workflow.json', workflow));
    const problems = page.getByRole('region', { name: 'Problems' });
    const buttons = problems.getByRole('button', { name: /loose-24/ });
    await buttons.first().waitFor();
    expect(await problems.getByRole('listitem').count()).toBeGreaterThanOrEqual(50);
    await buttons.last().scrollIntoViewIfNeeded();
    await buttons.last().click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByRole('heading', { name: 'Send message' }).waitFor();
    // Scrolled smoothly or at once: wait for the heading to settle inside the side panel.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const heading = document.querySelector('.inspector .panel-title')?.getBoundingClientRect();
          const side = document.querySelector('.builder-side')?.getBoundingClientRect();
          return heading && side ? heading.top >= side.top && heading.bottom <= side.bottom : false;
        }),
      )
      .toBe(true);
    await expectInView(page, '.inspector .panel-title', 'the Inspector’s heading');
    await expectFitsWindow(page, 'builder');
    await saveScreenshot(page, 'layout-builder-problem-shown-1280x720', { fullPage: false });
  });
});
