import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { readTable } from './support/readTable.ts';
import { openDock, showSideTab } from './support/simulator.ts';
import { waitForToast } from './support/toasts.ts';

const session = useAppSession();

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const nodeText = async (page: Page, id: string) => (await node(page, id).textContent()) ?? '';
const waitForNodeText = (page: Page, id: string, text: string) =>
  page.waitForFunction(([nodeId, wanted]) => document.querySelector(`[data-testid="node-${nodeId}"]`)?.textContent?.includes(wanted as string), [id, text] as const, {
    timeout: 20_000,
  });

describe('the simulator workspace', () => {
  it('plays the 24 h follow-up at 3,600×: the reply stops the run at the Wait with "Incoming message" and cancels the follow-up; back at +1h it waits again; with the exit condition off the follow-up is sent', async () => {
    const page = await session.open({ path: '/simulator' });
    await page.getByLabel('Situation').selectOption({ label: '24h follow-up' });
    await page.getByLabel('Script').selectOption({ label: 'Incoming message: the contact writes again, the follow-up is pointless' });
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.waitFor();
    await bar.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: '3,600×' }).click();
    await bar.getByRole('button', { name: 'Play' }).click();

    await waitForNodeText(page, 'wait', 'Stopped here: Incoming message');
    expect(await nodeText(page, 'wait')).toContain('at +3h');
    expect(await node(page, 'check-in').getAttribute('class')).toContain('flow-node--run-cancelled');
    expect(await nodeText(page, 'check-in')).toContain('Cancelled: will not run');
    await saveScreenshot(page, 'screen-simulator-stopped', { fullPage: false });

    // Back to +1h: re-simulated from the start, the run waits at the Wait again.
    // The timeline ends with the stop: playing ended there by itself.
    await bar.getByRole('button', { name: 'Play' }).waitFor();
    const slider = page.getByRole('slider', { name: 'Virtual time' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');
    await waitForNodeText(page, 'wait', 'Here now');
    expect(await node(page, 'check-in').getAttribute('class')).not.toContain('flow-node--run-cancelled');

    // The end-of-run report in the dock, made in the worker with the files' settings: the reply stopped the run.
    await openDock(page, 'Report');
    const report = page.getByRole('article', { name: 'Simulation of Incoming message: the contact writes again, the follow-up is pointless' });
    await report.getByText('2 of 2 expectations hold').waitFor();
    expect(await readTable(report.getByRole('table', { name: 'Runs' }))).toEqual([
      expect.objectContaining({ Contact: 'Omar', Status: 'stopped', Reason: 'incoming message', 'At step': 'Wait 24h', When: '+3h' }),
    ]);

    // Exit conditions off: the same instant, re-simulated; at the end the follow-up was sent.
    await showSideTab(page, 'Stop settings');
    await page.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' }).click();
    await waitForNodeText(page, 'wait', 'Here now');
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await waitForNodeText(page, 'check-in', 'Passed');
    // At the end Play is disabled, and Space does nothing either (it replayed from the start: issue 14).
    expect(await bar.getByRole('button', { name: 'Play' }).isDisabled()).toBe(true);
    const atEnd = await slider.getAttribute('aria-valuetext');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press(' ');
    await page.waitForTimeout(300);
    expect(await slider.getAttribute('aria-valuetext')).toBe(atEnd);
    expect(await bar.getByRole('button', { name: 'Play' }).isDisabled()).toBe(true);
    await showSideTab(page, 'Run');
    const transcript = page.getByRole('log', { name: 'Conversation with Omar' });
    expect(await transcript.textContent()).toContain('Just checking in');
    expect(await nodeText(page, 'wait')).not.toContain('Stopped');

    // The script's expectations now fail, and say where.
    const expectations = page.getByRole('region', { name: 'Expectations with these settings' });
    await expectations.getByRole('heading', { name: /2 of 2 fail/ }).waitFor();
    // So does the report below: the run completed and the follow-up is in its trace.
    await report.getByText('0 of 2 expectations hold').waitFor();
    expect(await readTable(report.getByRole('table', { name: 'Runs' }))).toEqual([
      expect.objectContaining({ Contact: 'Omar', Status: 'completed', Reason: '', 'At step': 'End', When: '+1d' }),
    ]);
    expect((await readTable(report.getByRole('table', { name: 'Trace' }))).some((row) => row.What?.includes('sends "Just checking in'))).toBe(true);
    await expectations.getByRole('listitem').filter({ hasText: 'Just checking in' }).getByRole('button', { name: /where it went wrong/ }).click();
    await page.waitForFunction(() => /^\+1d,/.test(document.querySelector('input[aria-label="Virtual time"]')?.getAttribute('aria-valuetext') ?? ''));

    // The trace, filtered to the script's events: a row goes to its instant.
    const trace = page.getByRole('region', { name: 'Trace of Omar' });
    await trace.getByLabel('Show').selectOption({ label: 'Events from the script' });
    await trace.getByRole('button', { name: /^Go to \+0: Omar writes/ }).click();
    await waitForNodeText(page, 'wait', 'Here now');
    expect(await page.getByRole('slider', { name: 'Virtual time' }).getAttribute('aria-valuetext')).toMatch(/^\+0,/);
  });

  it('simulates a stored Workflow from the builder; an edit saved in another tab re-simulates it to the same instant', async () => {
    const page = await session.open();
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: '24h follow-up' }).click();
    await page.getByLabel('Workflow name').waitFor();
    const builderUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await page.getByLabel('Script', { exact: true }).selectOption({ label: '24h follow-up: Incoming message: the contact writes again, the follow-up is pointless' });
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await waitForNodeText(page, 'wait', 'Stopped here: Incoming message');

    const builder = await session.openTab({ path: builderUrl });
    await builder.getByRole('button', { name: 'Workflow settings' }).click();
    await builder.getByRole('dialog', { name: 'Workflow settings' }).getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' }).click();
    await builder.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));

    // Same instant (+3h), new settings: the run waits at the Wait, nothing is cancelled.
    await waitForNodeText(page, 'wait', 'Here now');
    expect(await page.getByRole('slider', { name: 'Virtual time' }).getAttribute('aria-valuetext')).toMatch(/^\+3h/);
    expect(await node(page, 'check-in').getAttribute('class')).not.toContain('flow-node--run-cancelled');
  });

  it('compares the 24 h follow-up under each exit-condition setting, in the worker, and the grid agrees with the engine', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up' });
    await openDock(page, 'Compare');
    const section = page.getByRole('region', { name: 'Compare exit conditions' });
    await section.getByRole('button', { name: 'Compare' }).click();
    const table = section.getByRole('table', { name: /24h follow-up under each exit-condition setting/ });
    await table.waitFor({ timeout: 30_000 });
    const rows = await readTable(table);
    const replies = rows.find((row) => row.Script?.startsWith('Incoming message: the contact writes again'));
    expect(replies?.['Incoming message']).toMatch(/Stopped at Wait 24h, \+3h — incoming message/);
    expect(replies?.Off).toMatch(/Completed/);
    expect(replies?.['Incoming message']).toMatch(/Not sent: Just checking in/);
    expect(rows.length).toBe(7);
    await saveScreenshot(page, 'screen-simulator-compare', { fullPage: false });
  });

  it('plays a 1,000-contact population in the worker: counts on every step, and the charts of stops by reason and of how far runs got', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up&script=population' });
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await waitForNodeText(page, 'wait', 'stopped: incoming message');
    await openDock(page, 'Population');
    const population = page.getByRole('region', { name: 'Population' });
    await population.getByRole('figure').first().waitFor();
    // The chart's summary names only the reasons that stopped runs: all three exit conditions did.
    expect(await population.textContent()).toMatch(/[\d,]+ by outgoing message, [\d,]+ by incoming message, [\d,]+ by manual assignment/);
    expect(await nodeText(page, 'ack')).toMatch(/\d+ passed/);
    await saveScreenshot(page, 'screen-simulator-population', { fullPage: false });
  });

  it('keeps stop settings tried on an example as a Workflow of your own, and saves settings tried on a stored Workflow to it', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up&script=contact-replies' });
    await showSideTab(page, 'Stop settings');
    const exitConditions = page.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' });
    await exitConditions.waitFor();
    const tried = page.getByRole('group', { name: 'Settings tried here' });
    expect(await tried.count()).toBe(0);
    await exitConditions.click();
    await tried.getByRole('button', { name: 'Save as my Workflow' }).click();
    await waitForToast(page, 'Saved “24h follow-up” as your Workflow, with these stop settings');
    await page.getByRole('region', { name: /^Notifications/ }).getByRole('button', { name: 'Open in the builder' }).click();
    await page.getByLabel('Workflow name').waitFor();
    await page.getByRole('button', { name: 'Workflow settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Workflow settings' });
    expect(await dialog.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' }).getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press('Escape');

    // The stored copy in the simulator: settings tried there go back to it on request.
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await showSideTab(page, 'Stop settings');
    await exitConditions.click();
    await tried.getByRole('button', { name: 'Save these settings to the Workflow' }).click();
    await waitForToast(page, 'Saved the stop settings of “24h follow-up”');
    // Stored now: nothing is tried any more, and the builder has them.
    await tried.waitFor({ state: 'detached' });
    expect(await exitConditions.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('link', { name: 'Back to the builder' }).click();
    await page.getByRole('button', { name: 'Workflow settings' }).click();
    expect(await dialog.getByRole('switch', { name: 'Set exit conditions to stop this Workflow for Contact' }).getAttribute('aria-checked')).toBe('true');
  });
});
