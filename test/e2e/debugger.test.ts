import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScriptDocument } from '../../simulator/schema/parseDocument.ts';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { scanWithAxe } from './support/axe.ts';
import { debugFollowUp, debugScript } from './support/debugFollowUp.ts';
import { simulateExample } from './support/simulator.ts';

const session = useAppSession();
const root = join(import.meta.dirname, '../..');
const example = (name: string) => readFileSync(join(root, 'public/examples/follow-up', name));

/** The virtual time the scrubber reads out, e.g. "+24h, …". */
const timeText = (page: Page) => page.getByRole('slider', { name: 'Virtual time' }).getAttribute('aria-valuetext');

/** The 24h follow-up stored from its example, simulated with "Nobody answers" saved with it. */
async function storedFollowUp(page: Page): Promise<void> {
  await simulateExample(page, '24h follow-up');
  const before = await page.evaluate(() => location.search);
  await page.getByLabel('Script file to import').setInputFiles({ name: 'nobody-answers.script.json', mimeType: 'application/json', buffer: example('nobody-answers.script.json') });
  await page.waitForFunction((search) => location.search !== search && new URLSearchParams(location.search).get('script')?.startsWith('saved:'), before);
  await page.getByRole('group', { name: 'Playback' }).waitFor();
}

/** "Debug follow-up" imported, simulated with its one script. */
async function storedDebugFollowUp(page: Page): Promise<void> {
  await page.getByLabel('Workflow file to import').setInputFiles({ name: 'debug.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(debugFollowUp)) });
  await page.getByLabel('Workflow name').waitFor();
  await page.getByRole('button', { name: 'Simulate' }).click();
  await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
  await page.getByLabel('Script file to import').setInputFiles({ name: 'debug.script.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(debugScript)) });
  await page.getByRole('group', { name: 'Playback' }).waitFor();
  await page.getByTestId('node-wait').waitFor();
}

/** The node's box lies inside the canvas's. */
async function nodeInView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const node = document.querySelector(`[data-testid="node-${id}"]`)?.getBoundingClientRect();
    const canvas = document.querySelector('.workspace__canvas')?.getBoundingClientRect();
    return !!node && !!canvas && node.left >= canvas.left && node.right <= canvas.right && node.top >= canvas.top && node.bottom <= canvas.bottom;
  }, id);
}

describe('the simulator as a debugger', () => {
  it('pauses at the breakpoint on Wait 24h on Run to end, the node in view, its trace row marked; the breakpoint is kept in the URL across a reload', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedDebugFollowUp(page);
    const dot = page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h' });
    await dot.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('bp') === 's/debug-follow-up/wait');
    expect(await dot.getAttribute('aria-pressed')).toBe('true');
    // Scrolled away first, so the camera has to bring the node back.
    await page.locator('.workspace__canvas .react-flow__pane').hover();
    await page.mouse.wheel(0, 900);
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    const line = page.getByRole('status').filter({ hasText: 'Paused at the breakpoint on Wait 24h' });
    await line.waitFor();
    expect(await line.textContent()).toBe('Paused at the breakpoint on Wait 24h (Omar, +0)');
    expect(await timeText(page)).toMatch(/^\+0\b/);
    await expect.poll(() => nodeInView(page, 'wait'), { timeout: 3000 }).toBe(true);
    expect(await page.locator('.contact-trace__row--hit').textContent()).toContain('Paused here');
    // The marked row is brought into view inside the side panel, and the window does not move.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const row = document.querySelector('.contact-trace__row--hit')?.getBoundingClientRect();
          const side = document.querySelector('.workspace__side')?.getBoundingClientRect();
          return !!row && !!side && row.top >= side.top - 1 && row.bottom <= side.bottom + 1 && window.scrollY === 0;
        }),
      )
      .toBe(true);

    // Kept with the workspace: a reload brings the breakpoint back from the URL, and the dock lists it.
    await page.reload();
    await page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h', pressed: true }).waitFor();
    // And in storage: back to the builder, then Simulate (an address without bp=), brings it back too.
    await page.getByRole('link', { name: 'Back to the builder' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h', pressed: true }).waitFor();
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('bp'))).toBe('s/debug-follow-up/wait');
    await page.getByRole('group', { name: 'Analyses' }).getByRole('button', { name: 'Debugger' }).click();
    const list = page.getByRole('region', { name: 'Breakpoints' });
    await list.getByRole('button', { name: 'Remove the breakpoint on Wait 24h' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('bp') === null);
    expect(await page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h' }).getAttribute('aria-pressed')).toBe('false');
    // Removed, it stays removed when the simulator opens again.
    await page.getByRole('link', { name: 'Back to the builder' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h' }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('a breakpoint toggled twice 50 ms apart ends off, and playback then runs to the end', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedDebugFollowUp(page);
    const dot = page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h' });
    await dot.click();
    await page.waitForTimeout(50);
    await dot.click();
    await page.waitForTimeout(300);
    expect(await dot.getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('bp'))).toBeNull();
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await expect.poll(() => timeText(page), { timeout: 5000 }).toMatch(/^\+3d\b/);
    expect(await page.getByRole('status').filter({ hasText: 'Paused' }).count()).toBe(0);
  });

  it('the coverage overlay marks the step and the path no script reaches', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedDebugFollowUp(page);
    await page.getByRole('group', { name: 'Analyses' }).getByRole('button', { name: 'Debugger' }).click();
    const coverage = page.getByRole('region', { name: 'Coverage' });
    await coverage.getByText(/^Coverage: /).waitFor();
    expect(await coverage.getByText(/^Coverage: /).textContent()).toMatch(/^Coverage: 3 of 4 steps, 3 of 4 paths/);
    await coverage.getByRole('switch', { name: 'Mark what no script reaches on the canvas' }).click();
    await page.locator('[data-testid="node-pro-note"].flow-node--never-reached').waitFor();
    expect(await page.getByTestId('node-pro-note').textContent()).toContain('Never reached');
    expect(await page.locator('.flow-node--never-reached').count()).toBe(1);
    expect(await page.locator('.react-flow__edge.flow-edge--never-reached').count()).toBe(1);
  });

  it('counts down on the waiting node and Fire now jumps to the timer: the follow-up is sent; a double click fires once', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedFollowUp(page);
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Next event' }).click();
    const fire = page.getByRole('button', { name: /^Fire now: Wait 24h, due in 1d$/ });
    await fire.waitFor();
    await expect.poll(() => page.locator('[data-testid="node-wait"] .run-countdown__left').textContent()).toBe('Due in 1d');
    await fire.dblclick({ delay: 50 });
    await expect.poll(() => timeText(page)).toMatch(/^\+1d\b|^\+24h\b/);
    const transcript = page.getByRole('log', { name: 'Conversation with Omar' });
    await expect.poll(() => transcript.textContent()).toContain('Just checking in');
    // Fired once: the clock stayed at the timer's instant, no later event was played by a second click.
    await page.waitForTimeout(300);
    expect(await timeText(page)).toMatch(/^\+1d\b|^\+24h\b/);
    expect(await page.getByRole('button', { name: /^Fire now/ }).count()).toBe(0);
  });

  it('"Start a test run here" adds a workflow.start at the step to the saved script, which plays it at the same instant and exports it', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedFollowUp(page);
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.getByRole('button', { name: 'Next event' }).click();
    await page.getByRole('button', { name: /^Fire now: Wait 24h/ }).waitFor();
    const at = await timeText(page);
    await page.getByRole('button', { name: 'Start a test run here: Wait 24h' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a test run at Wait 24h' });
    await dialog.getByLabel('Contact').selectOption({ label: 'A new contact…' });
    await dialog.getByLabel('New contact’s name').fill('Tess');
    await dialog.getByLabel('Fields').fill('plan = pro');
    await dialog.getByLabel('Tags').fill('vip, lead');
    await dialog.getByRole('button', { name: 'Add the test run to the script' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The playback reloads to the same instant and follows the test contact, waiting at the step.
    await expect.poll(() => page.getByRole('combobox', { name: 'Contact', exact: true }).inputValue()).toBe('tess');
    expect(await timeText(page)).toBe(at);
    await page.getByRole('button', { name: /^Fire now: Wait 24h, due in 1d$/ }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export script' }).click()]);
    const exported = parseScriptDocument(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.value.contacts).toContainEqual({ id: 'tess', name: 'Tess', tags: ['vip', 'lead'], fields: { plan: 'pro' } });
    expect(exported.value.events.at(-1)).toEqual({ at: '+0', contact: 'tess', type: 'workflow.start', workflow: 'follow-up', atStep: 'wait' });

    // The command line replays it: Tess's run starts at Wait 24h and sends the follow-up a day later.
    const dir = mkdtempSync(join(tmpdir(), 'exitflow-test-run-'));
    const scriptFile = join(dir, 'with-test-run.script.json');
    writeFileSync(scriptFile, readFileSync(await download.path(), 'utf8'));
    const lines = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'simulator/cli/simulate.ts'), join(root, 'public/examples/follow-up/follow-up.workflow.json'), '--script', scriptFile, '--json'], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; contact?: string; status?: string; atStep?: string });
    expect(lines.filter((line) => line.kind === 'run' && line.contact === 'tess').map((line) => [line.status, line.atStep])).toEqual([['completed', 'done']]);
  });

  it('refuses a test run the script format refuses, saying why, and keeps nothing', async () => {
    const page = await session.open({ prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    page.setDefaultTimeout(15_000);
    await storedFollowUp(page);
    await page.getByRole('button', { name: 'Start a test run here: Wait 24h' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a test run at Wait 24h' });
    await dialog.getByLabel('Fields').fill('__proto__ = x');
    await dialog.getByRole('button', { name: 'Add the test run to the script' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/JavaScript’s own names|JavaScript's own names/);
    await dialog.getByLabel('Fields').fill('no equals sign');
    await dialog.getByRole('button', { name: 'Add the test run to the script' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Line 1: write a field as name = value');
  });

  describe.each([
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])('at $width×$height', (viewport) => {
    it('the workspace still fits with the Debugger open, paused at a breakpoint with the coverage marked', async () => {
      const page = await session.open({ prepare: (page) => page.setViewportSize(viewport) });
      page.setDefaultTimeout(15_000);
      await storedDebugFollowUp(page);
      await page.getByRole('button', { name: 'Breakpoint: pause when a run enters Wait 24h' }).click();
      await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
      await page.getByRole('status').filter({ hasText: 'Paused at the breakpoint on Wait 24h' }).waitFor();
      await page.getByRole('group', { name: 'Analyses' }).getByRole('button', { name: 'Debugger' }).click();
      await page.getByRole('switch', { name: 'Mark what no script reaches on the canvas' }).click();
      await page.locator('.flow-node--never-reached').waitFor();
      await saveScreenshot(page, `debugger-${viewport.width}x${viewport.height}`, { fullPage: false });
      const seen = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect() ?? null;
        return {
          scrollHeight: document.scrollingElement?.scrollHeight ?? Number.NaN,
          scrollWidth: document.scrollingElement?.scrollWidth ?? Number.NaN,
          bar: box('[role="group"][aria-label="Playback"]'),
          canvas: box('.workspace__canvas'),
          dock: box('.workspace-dock'),
        };
      });
      expect(seen.scrollHeight).toBeLessThanOrEqual(viewport.height);
      expect(seen.scrollWidth).toBeLessThanOrEqual(viewport.width);
      for (const part of [seen.bar, seen.canvas, seen.dock]) {
        expect(part).not.toBeNull();
        expect(part?.bottom ?? Infinity).toBeLessThanOrEqual(viewport.height);
        expect(part?.right ?? Infinity).toBeLessThanOrEqual(viewport.width);
      }
      expect(seen.canvas?.height ?? 0).toBeGreaterThan(150);
      // The dots, countdowns, the Debugger panel and the test run's form break no accessibility rule.
      expect(await scanWithAxe(page, { landmarks: true })).toEqual([]);
      await page.getByRole('button', { name: 'Start a test run here: Wait 24h' }).click();
      await page.getByRole('dialog', { name: 'Start a test run at Wait 24h' }).waitFor();
      expect(await scanWithAxe(page)).toEqual([]);
    });
  });
});
