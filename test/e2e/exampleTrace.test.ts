import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot, type OpenOptions } from './support/browser.ts';
import { readTable } from './support/readTable.ts';
import { openDock } from './support/simulator.ts';

const examples = join(import.meta.dirname, '../../public/examples');

const session = useAppSession();
/** Opens the simulator with the report in its dock, and waits until it shows a simulation's trace or a problem. */
async function open(options?: OpenOptions): Promise<Page> {
  const page = await session.open({ path: '/simulator', ...options });
  const dock = page.getByRole('group', { name: 'Analyses' });
  await dock.or(page.getByRole('alert')).first().waitFor();
  if ((await dock.count()) > 0) await openDock(page, 'Report');
  await page.getByRole('table', { name: 'Trace' }).or(page.getByRole('alert')).first().waitFor();
  return page;
}

/** Picks a situation and a script by their visible labels, as a person would, and waits for its simulation. */
async function pick(page: Page, situation: string, script: string): Promise<void> {
  await page.getByLabel('Situation').selectOption({ label: situation });
  await page.getByLabel('Script').selectOption({ label: script });
  await openDock(page, 'Report');
  await page.getByRole('heading', { name: script, exact: true }).waitFor();
}

describe('the example simulation', () => {
  it('shows "Hot lead: agent takes over": the run stopped by an outgoing message, 3 of 3 expectations, the stop in the trace', async () => {
    const page = await open();
    await pick(page, 'Hot lead', 'Hot lead: agent takes over');

    const summary = page.getByRole('region', { name: 'Hot lead: agent takes over' });
    expect(await summary.textContent()).toContain('Lead nurture, VIP routing');
    expect(await summary.textContent()).toContain('3 of 3 expectations hold');

    const runs = await readTable(page.getByRole('table', { name: 'Runs' }));
    expect(runs).toContainEqual({
      Contact: 'Dana',
      Workflow: 'Lead nurture',
      Status: 'stopped',
      Reason: 'outgoing message',
      'Stopped by': 'Alice',
      'At step': 'Wait 24h',
      When: '+3m',
    });
    expect(runs.filter((run) => run.Workflow === 'VIP routing').map((run) => run.Status)).toEqual(['completed', 'completed']);

    const expectations = page.getByRole('region', { name: 'Expectations', exact: true }).getByRole('listitem');
    expect(await expectations.allTextContents()).toEqual([
      expect.stringMatching(/^✓Holds: Lead nurture for dana: stopped \(outgoing_message\) at "Wait 24h"/),
      expect.stringMatching(/^✓Holds: "Still interested\?" was never sent to dana/),
      expect.stringMatching(/^✓Holds: VIP routing for dana: completed/),
    ]);

    const trace = page.getByRole('table', { name: 'Trace' });
    const stop = trace.getByRole('row').filter({ hasText: 'Workflow Lead nurture stopped: outgoing message' });
    expect(await stop.count()).toBe(1);
    expect(await stop.getAttribute('class')).toContain('trace-row--run-stopped');
    expect((await readTable(trace)).find((row) => row.What?.includes('stopped: outgoing message'))).toEqual({
      Time: '+3m',
      Contact: 'Dana',
      Workflow: 'Lead nurture',
      Step: 'Wait 24h',
      What: 'Stop Workflow Lead nurture stopped: outgoing message',
    });
    expect((await readTable(trace)).length).toBe(41);

    await saveScreenshot(page, 'app');
  });

  it('switches to the follow-up situation and shows the runs of its scripts', async () => {
    const page = await open();
    await pick(page, '24h follow-up', 'Incoming message: the contact writes again, the follow-up is pointless');
    expect(await readTable(page.getByRole('table', { name: 'Runs' }))).toEqual([
      expect.objectContaining({ Contact: 'Omar', Workflow: '24h follow-up', Status: 'stopped', Reason: 'incoming message', 'At step': 'Wait 24h', When: '+3h' }),
    ]);
    expect(await page.getByText('2 of 2 expectations hold').count()).toBe(1);

    await page.getByLabel('Script').selectOption({ label: 'Nobody answers: the follow-up is sent' });
    await page.getByRole('heading', { name: 'Nobody answers: the follow-up is sent' }).waitFor();
    expect(await readTable(page.getByRole('table', { name: 'Runs' }))).toEqual([
      expect.objectContaining({ Contact: 'Omar', Workflow: '24h follow-up', Status: 'completed', Reason: '', 'At step': 'End', When: '+1d' }),
    ]);
    const trace = await readTable(page.getByRole('table', { name: 'Trace' }));
    expect(trace.some((row) => row.What?.includes('stopped'))).toBe(false);
  });

  it('shows a long simulation a page at a time: 1,000 contacts', async () => {
    const page = await open();
    await pick(page, '24h follow-up', '1,000 contacts: replies, agent answers and assignments race the follow-up');
    const trace = page.getByRole('table', { name: 'Trace' });
    expect((await readTable(trace)).length).toBe(50);
    const more = page.getByText(/^Showing the first 50 of [\d,]+ trace entries/);
    expect(await more.count()).toBe(1);
    await more.getByRole('button', { name: 'Show 200 more' }).click();
    await page.getByText(/^Showing the first 250 of/).waitFor();
    expect((await readTable(trace)).length).toBe(250);
    expect(await page.getByText('This script has none').count()).toBe(1);
  });

  it('logs no console errors while showing every bundled example', async () => {
    const page = await open();
    const manifest = JSON.parse(readFileSync(join(examples, 'index.json'), 'utf8')) as {
      situations: { id: string; title: string; scripts: string[] }[];
    };
    for (const situation of manifest.situations) {
      for (const file of situation.scripts) {
        const { name } = JSON.parse(readFileSync(join(examples, situation.id, file), 'utf8')) as { name: string };
        await pick(page, situation.title, name);
        expect(await page.getByRole('alert').count(), `${situation.id}/${file} shows a problem`).toBe(0);
      }
    }
    expect(session.current()?.errors).toEqual([]);
  });
});

describe('files that cannot be read', () => {
  const brokenWorkflowUrl = '**/examples/hot-lead/lead-nurture.workflow.json';

  it('names the file, the JSON path and the problem of a script that is not valid, and still simulates the others', async () => {
    const script = JSON.parse(readFileSync(join(examples, 'hot-lead/agent-takes-over.script.json'), 'utf8')) as { events: { at: string }[] };
    (script.events[0] as { at: string }).at = 'soon';
    const page = await open({
      prepare: (page) => page.route('**/examples/hot-lead/agent-takes-over.script.json', (route) => route.fulfill({ json: script })),
    });
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toMatch(
      /examples\/hot-lead\/agent-takes-over\.script\.json at \$\.events\[0\]\.at: Expected an offset from the start such as "\+0"/,
    );
    expect(await page.getByLabel('Script').getByRole('option', { name: 'Hot lead: agent takes over' }).count()).toBe(0);
    // The report comes from the worker, after the problem is already listed.
    await openDock(page, 'Report');
    await page.getByRole('table', { name: 'Trace' }).waitFor();
    expect(await page.getByRole('table', { name: 'Trace' }).count()).toBe(1);
  });

  it('simulates nothing when a Workflow of the situation is not JSON, and says which file and why', async () => {
    const page = await open({ prepare: (page) => page.route(brokenWorkflowUrl, (route) => route.fulfill({ contentType: 'application/json', body: '{ "format": ' })) });
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toMatch(/examples\/hot-lead\/lead-nurture\.workflow\.json at \$: Not valid JSON/);
    expect(await page.getByText(/Nothing was simulated/).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Trace' }).count()).toBe(0);
  });

  it('says so when a file is missing', async () => {
    const page = await open({ prepare: (page) => page.route(brokenWorkflowUrl, (route) => route.fulfill({ status: 404, body: 'Not Found' })) });
    expect(await page.getByRole('alert').textContent()).toMatch(/lead-nurture\.workflow\.json at \$: Cannot load: the server answered 404/);
  });

  it('says so when the list of examples is missing, instead of a blank page', async () => {
    const page = await open({ prepare: (page) => page.route('**/examples/index.json', (route) => route.fulfill({ status: 404, body: 'Not Found' })) });
    expect(await page.getByRole('alert').textContent()).toMatch(/The list of examples cannot be read.*examples\/index\.json at \$: Cannot load: the server answered 404/);
  });
});
