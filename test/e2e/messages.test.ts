import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';
import { waitForToast } from './support/toasts.ts';
import { write } from './support/inbox.ts';

const DAY_MS = 86_400_000;

const session = useAppSession();
const root = join(import.meta.dirname, '../..');

const goTo = (page: Page, link: 'Workflows' | 'Messages') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
const transcript = (page: Page, contact: string) => page.getByRole('log', { name: `Conversation with ${contact}` });
const transcriptText = async (page: Page, contact: string) => (await transcript(page, contact).textContent()) ?? '';
const ongoingList = (page: Page, contact: string) => page.getByRole('list', { name: `Ongoing Workflows for ${contact}` });

async function newFromExample(page: Page, name: string): Promise<void> {
  await goTo(page, 'Workflows');
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name }).click();
  await page.getByLabel('Workflow name').waitFor();
}

/** Sets who works the inbox and who is selected, as a person would with the switcher and the list. */
async function openInbox(page: Page, user: string, contact: string): Promise<void> {
  await goTo(page, 'Messages');
  await page.getByLabel('Working as').selectOption({ label: user });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: new RegExp(`^${contact}`) }).click();
  await page.getByRole('heading', { name: contact, level: 2 }).waitFor();
}

async function pause(page: Page): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: 'Pause' }).click();
}

async function jumpToNextTimer(page: Page): Promise<string> {
  const before = await page.getByTestId('virtual-time').textContent();
  await page.getByRole('button', { name: /^Jump to next timer/ }).click();
  await page.waitForFunction((was) => document.querySelector('[data-testid="virtual-time"]')?.textContent !== was, before);
  return ((await page.getByTestId('virtual-offset').textContent()) ?? '').replace('Since the session started: ', '');
}

async function settingsFromOverview(page: Page, workflow: string): Promise<Locator> {
  await goTo(page, 'Workflows');
  await page.getByRole('button', { name: `Actions for ${workflow}`, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Workflow settings…' }).click();
  return page.getByRole('dialog', { name: 'Workflow settings' });
}

async function runSimulate(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)('npx', ['tsx', 'simulator/cli/simulate.ts', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('the Messages view', () => {
  it('(a) an agent stops one Workflow for one contact: the follow-up never arrives, the other Workflow still sends; the saved session replays the same', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await newFromExample(page, 'Lead nurture');
    const settings = await settingsFromOverview(page, '24h follow-up');
    await settings.getByRole('switch', { name: 'Allow users to stop this Workflow for a Contact' }).click();
    await page.waitForFunction(() => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true');
    await page.keyboard.press('Escape');

    await openInbox(page, 'Alice — Agent', 'Omar');
    await pause(page);
    await write(page, 'contact', 'Hi, do you ship to Norway?');
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar\W+2 ongoing Workflows/ }).waitFor();
    expect(await transcriptText(page, 'Omar')).toContain("Thanks for your message, Omar! We'll get back to you shortly.");

    await page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' }).click();
    await page.getByRole('tab', { name: /^Ongoing Workflows/ }).click();
    const ongoing = ongoingList(page, 'Omar');
    const followUp = ongoing.getByRole('listitem', { name: '24h follow-up' });
    expect(await followUp.textContent()).toContain('Wait 24h');
    expect(await followUp.textContent()).toContain('A timer, due in 1d');
    expect(await ongoing.getByRole('listitem', { name: 'Lead nurture' }).textContent()).toContain('Ask what they need');
    await saveScreenshot(page, 'screen-messages-ongoing', { fullPage: false });
    expect(await scanWithAxe(page)).toEqual([]);

    await followUp.getByRole('button', { name: 'Stop 24h follow-up' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Stop 24h follow-up for Omar?' });
    await confirm.getByRole('button', { name: 'Stop Workflow' }).click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Workflow 24h follow-up stopped by Alice'));
    expect(await ongoing.getByRole('listitem').count()).toBe(1);
    expect(await ongoing.getByRole('listitem', { name: '24h follow-up' }).count()).toBe(0);

    // Past 24 h: Lead nurture's question times out (+1h), it waits 24 h and nudges at +1d1h.
    let offset = '';
    for (let jumps = 0; jumps < 4 && !(await transcriptText(page, 'Omar')).includes('Still interested in a demo, Omar?'); jumps++) offset = await jumpToNextTimer(page);
    expect(offset).toMatch(/^\+1d/);
    const conversation = await transcriptText(page, 'Omar');
    expect(conversation).toContain('Still interested in a demo, Omar?');
    expect(conversation).not.toContain('Just checking in');
    await saveScreenshot(page, 'screen-messages', { fullPage: false });

    // Record once, replay forever: the saved session, with the stored Workflows, through the command line.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save session as script' }).click()]);
    const folder = mkdtempSync(join(tmpdir(), 'exitflow-session-'));
    try {
      const scriptFile = join(folder, download.suggestedFilename());
      await download.saveAs(scriptFile);
      const script = JSON.parse(readFileSync(scriptFile, 'utf8')) as { events: { type: string }[]; expect: unknown[] };
      expect(script.events.map((event) => event.type)).toEqual(['contact.message', 'workflow.stop']);
      expect(script.expect).toContainEqual({ contact: 'omar', workflow: '24h follow-up', status: 'stopped', reason: 'manual', atStep: 'wait' });
      const stored = JSON.parse(await dumpIndexedDb(page)) as { workflows?: { document: { name: string } }[] };
      const files = (stored.workflows ?? []).map((record, index) => {
        const file = join(folder, `workflow-${index}.json`);
        writeFileSync(file, JSON.stringify(record.document));
        return file;
      });
      expect(files).toHaveLength(2);
      const replay = await runSimulate([...files, '--script', scriptFile, '--json']);
      expect(replay.stderr).toBe('');
      expect(replay.code).toBe(0);
      const runs = replay.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.kind === 'run');
      expect(runs).toContainEqual(expect.objectContaining({ contact: 'omar', workflow: 'follow-up', status: 'stopped', reason: 'manual' }));
      expect(runs).toContainEqual(expect.objectContaining({ contact: 'omar', workflow: 'lead-nurture', status: 'completed' }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    // Or kept with one of its Workflows: the simulator lists it there, and it checks itself.
    await page.getByRole('button', { name: 'Keep with a Workflow…' }).click();
    const keep = page.getByRole('dialog', { name: 'Keep this session with a Workflow' });
    await keep.getByLabel('Workflow').selectOption({ label: '24h follow-up' });
    await keep.getByRole('button', { name: 'Save script' }).click();
    const toasts = await waitForToast(page, /Saved “.*” with “24h follow-up”/);
    // Lead nurture's expectation on Omar names a Workflow the follow-up's simulation does not load.
    expect(toasts.find((toast) => toast.title.endsWith('with “24h follow-up”'))?.description).toMatch(/^\d+ lines? about other Workflows left out\.$/);
    await page.getByRole('region', { name: /^Notifications/ }).getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    const scripts = page.getByRole('region', { name: 'Scripts' });
    expect(await scripts.getByLabel('Script', { exact: true }).locator('option:checked').textContent()).toMatch(/session/i);
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    const expectations = page.getByRole('region', { name: 'Expectations with these settings' });
    await expectations.getByRole('heading', { name: /^Expectations: (it holds|all \d+ hold)$/ }).waitFor();
  });

  it('(b) an Agent with user restriction has no Workflows icon; an unrestricted Agent has it', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await openInbox(page, 'Rita — Agent with user restriction', 'Dana');
    const actions = page.getByRole('toolbar', { name: 'Conversation actions' });
    await actions.waitFor({ state: 'attached' });
    expect(await actions.getByRole('button', { name: 'Workflows' }).count()).toBe(0);
    await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
    await actions.getByRole('button', { name: 'Workflows' }).waitFor();
  });

  it('(c) exit conditions set in the builder with Incoming messages only: the contact replies and the run stops by itself, and the transcript says why', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'Workflow settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    for (const condition of ['Outgoing messages', 'Manual assignment']) await settings.getByRole('checkbox', { name: condition }).click();
    expect(await settings.getByRole('checkbox', { name: 'Incoming messages' }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));

    await openInbox(page, 'Alice — Agent', 'Dana');
    await pause(page);
    await write(page, 'contact', 'Hello?');
    // This Workflow does not allow users to stop it: its run has no Stop button.
    await page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' }).click();
    const run = ongoingList(page, 'Dana').getByRole('listitem', { name: '24h follow-up' });
    expect(await run.textContent()).toContain('Cannot be stopped by hand');
    expect(await run.getByRole('button').count()).toBe(0);
    await write(page, 'agent', 'Hi Dana, Alice here.');
    expect(await transcriptText(page, 'Dana')).not.toContain('stopped');
    await write(page, 'contact', 'Thanks, that helps');
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Workflow 24h follow-up stopped: incoming message'));
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Dana\W+0 ongoing Workflows/ }).waitFor();
    // The stop cancelled the 24 h timer: nothing is left to jump to; time warp plays on without it.
    expect(await page.getByRole('button', { name: /^Jump to next timer/ }).isDisabled()).toBe(true);
    await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: '3,600×' }).click();
    await page.waitForFunction(() => /^Since the session started: \+\d+h/.test(document.querySelector('[data-testid="virtual-offset"]')?.textContent ?? ''));
    await pause(page);
    expect(await transcriptText(page, 'Dana')).not.toContain('Just checking in');
  });

  it('(d) exit conditions on with nothing selected: the panel says so, Publish and Simulate are refused, and the Messages view leaves it out', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await page.getByRole('button', { name: 'Workflow settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Workflow settings' });
    for (const condition of ['Outgoing messages', 'Incoming messages', 'Manual assignment']) await settings.getByRole('checkbox', { name: condition }).click();
    expect(await settings.getByRole('alert').textContent()).toContain('Choose at least one condition');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Publish' }).click();
    const refused = page.getByRole('dialog', { name: 'Not published' });
    expect(await refused.getByRole('list', { name: 'Problems' }).textContent()).toMatch(/exit condition/i);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Simulate' }).click();
    const notSimulated = page.getByRole('dialog', { name: 'Not simulated' });
    expect(await notSimulated.getByRole('list', { name: 'Problems' }).textContent()).toMatch(/exit condition/i);
    await page.keyboard.press('Escape');
    // The problem in the builder's Problems list opens the settings it is about (it was a disabled button: issue 14).
    await page.getByRole('region', { name: 'Problems' }).getByRole('button', { name: /Exit conditions are on but none is selected/ }).click();
    await settings.getByRole('checkbox', { name: 'Manual assignment' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));

    await goTo(page, 'Messages');
    await page.getByRole('heading', { name: 'No Workflow can run yet' }).waitFor();
    expect(await page.getByText(/Not running, because of problems: 24h follow-up \(1 problem\)/).count()).toBe(1);
  });

  it('(e) the session outlives a trip to the overview; after a settings change it says its runs use the older version, and Restart picks up the new one', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await openInbox(page, 'Alice — Agent', 'Lee');
    await pause(page);
    await write(page, 'contact', 'Hi there');

    const settings = await settingsFromOverview(page, '24h follow-up');
    await settings.getByRole('switch', { name: 'Allow users to stop this Workflow for a Contact' }).click();
    await page.waitForFunction(() => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') === 'true');
    await page.keyboard.press('Escape');

    await goTo(page, 'Messages');
    await page.getByRole('heading', { name: 'Lee', level: 2 }).waitFor();
    expect(await transcriptText(page, 'Lee')).toContain('Hi there');
    await page.getByRole('status').filter({ hasText: 'its runs use the older versions' }).waitFor();
    await page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' }).click();
    // The run keeps the version it started with: that one does not allow a manual stop.
    expect(await ongoingList(page, 'Lee').getByRole('listitem', { name: '24h follow-up' }).getByRole('button').count()).toBe(0);

    await page.getByRole('button', { name: 'Restart with the new versions' }).click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('No messages yet'));
    expect(await page.getByRole('status').filter({ hasText: 'older versions' }).count()).toBe(0);
    await pause(page);
    await write(page, 'contact', 'Hello again');
    await page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' }).click();
    await ongoingList(page, 'Lee').getByRole('button', { name: 'Stop 24h follow-up' }).waitFor();
  });

  it('(f) a reload resumes the session where it was: the conversation, the runs and the clock; Restart forgets it', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await openInbox(page, 'Alice — Agent', 'Omar');
    await pause(page);
    await write(page, 'contact', 'Written before the reload');
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Written before the reload'));
    const offset = await jumpToNextTimer(page);
    expect(offset).toMatch(/^\+1d/);
    const before = await transcriptText(page, 'Omar');
    expect(before).toContain('Just checking in');
    // The jump's clock is written to IndexedDB just after the screen shows it: a reload in between
    // (a loaded machine stretches it) would test that write's speed, not the resuming.
    await expect
      .poll(async () => {
        const stored = JSON.parse(await dumpIndexedDb(page)) as { liveSession?: { time: number }[] };
        return Math.max(0, ...(stored.liveSession ?? []).map((record) => record.time));
      }, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(DAY_MS);

    await page.reload();
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar/ }).click();
    await page.waitForFunction((wanted) => document.querySelector('[role="log"]')?.textContent === wanted, before);
    expect((await page.getByTestId('virtual-offset').textContent())?.replace('Since the session started: ', '')).toBe(offset);
    // Still working as Alice (issue 14: it fell back to the cast's first user, Olivia, on every reload).
    expect(await page.getByLabel('Working as').evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Alice — Agent');

    await page.getByRole('button', { name: 'Restart' }).click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('No messages yet'));
    await page.reload();
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar/ }).click();
    await page.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('No messages yet'));
  });
  it('(g) two tabs of the Messages view each keep their own session: both reloaded, neither lost the other\'s; a tab opened after one closed takes the closed one\'s over', async () => {
    const first = await session.open();
    await newFromExample(first, '24h follow-up');
    await openInbox(first, 'Alice — Agent', 'Omar');
    await pause(first);
    const second = await session.openTab({ path: '/messages' });
    await openInbox(second, 'Alice — Agent', 'Omar');
    await pause(second);

    await write(first, 'contact', 'Written in the first tab');
    await write(second, 'contact', 'Written in the second tab');
    // The first tab acts again after the second wrote: with one shared record, the last writer wins.
    await write(first, 'agent', 'Answered in the first tab');

    for (const [page, mine, theirs] of [
      [first, ['Written in the first tab', 'Answered in the first tab'], 'Written in the second tab'],
      [second, ['Written in the second tab'], 'Written in the first tab'],
    ] as const) {
      await page.reload();
      await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
      await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar/ }).click();
      await page.waitForFunction((wanted) => wanted.every((text) => document.querySelector('[role="log"]')?.textContent?.includes(text)), mine);
      expect(await transcriptText(page, 'Omar')).not.toContain(theirs);
    }
    // Each kept session is its own record in IndexedDB.
    const stored = JSON.parse(await dumpIndexedDb(first)) as { liveSession?: unknown[] };
    expect(stored.liveSession).toHaveLength(2);

    // The second tab closes: a tab opened next takes its session over, not the open first tab's.
    await second.close();
    const third = await session.openTab({ path: '/messages' });
    await third.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
    await third.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Omar/ }).click();
    await third.waitForFunction(() => document.querySelector('[role="log"]')?.textContent?.includes('Written in the second tab'));
    expect(await transcriptText(third, 'Omar')).not.toContain('Written in the first tab');
    await third.close();
  });
});
