import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';
import { dumpIndexedDb } from './support/indexedDb.ts';
import { write } from './support/inbox.ts';
import { waitForToast } from './support/toasts.ts';

const session = useAppSession();

type Policy = 'Let them finish on their version' | 'Stop them' | 'Move them to the new version';

const nav = (page: Page, link: 'Workflows' | 'Messages') => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const ongoingList = (page: Page, contact: string) => page.getByRole('list', { name: `Ongoing Workflows for ${contact}` });

async function newFromExample(page: Page, name: string): Promise<void> {
  await nav(page, 'Workflows');
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name }).click();
  await node(page, 'trigger').waitFor();
}

/** Opens a Workflow in the builder from the overview, as a person goes back to it. */
async function openInBuilder(page: Page, name: string): Promise<void> {
  await nav(page, 'Workflows');
  await page.getByRole('link', { name, exact: true }).click();
  await node(page, 'trigger').waitFor();
}

async function saved(page: Page): Promise<void> {
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[role="status"][aria-label="Save status"]')?.textContent ?? ''));
}

/** Opens the builder's Publish dialog and, when the Workflow was published before, picks what becomes of the runs in flight. */
async function openPublish(page: Page, name: string, policy?: Policy) {
  await saved(page);
  await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: `Publish “${name}”` });
  if (policy) await dialog.getByRole('radio', { name: policy }).check();
  else await dialog.getByText('This is the first publish of this Workflow').waitFor();
  return dialog;
}

/** Publish, as a person does it in the builder: the toolbar's Publish, the policy, the dialog's Publish. */
async function publish(page: Page, name: string, policy?: Policy): Promise<void> {
  const dialog = await openPublish(page, name, policy);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A new version: the Wait's duration changed (its id, and so the run's place, kept). */
async function changeWait(page: Page, duration: string): Promise<void> {
  await node(page, 'wait').click();
  await inspector(page).getByLabel('Duration', { exact: true }).fill(duration);
}

/** Alice works Dana's conversation with the clock stopped; Dana writes in, and her follow-up run waits at Wait 24h. */
async function danaWaits(page: Page): Promise<void> {
  await nav(page, 'Messages');
  await page.getByLabel('Working as').selectOption({ label: 'Alice — Agent' });
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Dana/ }).click();
  await page.getByRole('heading', { name: 'Dana', level: 2 }).waitFor();
  await page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: 'Pause' }).click();
  await write(page, 'contact', 'Hi, is anyone there?');
  await openOngoing(page);
  const run = ongoingList(page, 'Dana').getByRole('listitem', { name: '24h follow-up' });
  expect(await run.textContent()).toContain('Wait 24h');
  expect(await run.textContent()).not.toContain('version');
}

async function openOngoing(page: Page): Promise<void> {
  const button = page.getByRole('toolbar', { name: 'Conversation actions' }).getByRole('button', { name: 'Workflows' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('tab', { name: /^Ongoing Workflows/ }).click();
}

/** Whether the page scrolls, the Workflows panel stays in the window, and a run's lines stay in their box. */
function fits(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.workflows-panel')?.getBoundingClientRect();
    const items = [...document.querySelectorAll('.workflows-panel .ongoing__run')];
    return {
      pageScrolls: (document.scrollingElement?.scrollHeight ?? Infinity) > window.innerHeight || window.scrollX !== 0 || window.scrollY !== 0,
      panelInWindow: panel !== undefined && panel.left >= 0 && panel.right <= window.innerWidth && panel.bottom <= window.innerHeight,
      textLeavesItsBox: items.some((item) => item.scrollWidth > item.clientWidth),
    };
  });
}

/** The publishes the session's kept script holds (this tab's record: the only one here). */
async function keptPublishes(page: Page): Promise<{ file: string; policy: string }[]> {
  const stored = JSON.parse(await dumpIndexedDb(page)) as { liveSession?: { script: { events: { type: string; file?: string; policy?: string }[] } }[] };
  return (stored.liveSession ?? []).flatMap((record) => record.script.events.filter((event) => event.type === 'workflow.publish').map(({ file, policy }) => ({ file: file ?? '', policy: policy ?? '' })));
}

describe('publishing while the Messages view’s live session runs', () => {
  it('(b) Move them: the waiting run goes on on version 2 at the same step, once; then Stop them: it shows stopped with the reason, after a reload too', async () => {
    const page = await session.open({ contextOptions: { viewport: { width: 1280, height: 720 } } });
    await newFromExample(page, '24h follow-up');
    await publish(page, '24h follow-up');
    await danaWaits(page);
    const due = await ongoingList(page, 'Dana').getByRole('listitem', { name: '24h follow-up' }).textContent();

    await openInBuilder(page, '24h follow-up');
    await changeWait(page, '2h');
    await publish(page, '24h follow-up', 'Move them to the new version');

    await nav(page, 'Messages');
    await waitForToast(page, '24h follow-up version 2 published: 1 run moved to the new version');
    await openOngoing(page);
    const run = ongoingList(page, 'Dana').getByRole('listitem', { name: '24h follow-up' });
    await run.getByText('version 2').waitFor();
    await saveScreenshot(page, 'messages-moved-by-publish-1280x720', { fullPage: false });
    // The same step, reached at the same instant, and the same due time (a moved Wait keeps it: the
    // publish played a second after Dana wrote, so 24 h less a second is left, not the 2 h of version 2).
    const moved = (await run.textContent()) ?? '';
    expect(moved).toContain('Current stepWait 24h');
    expect(moved.match(/Since(.*?) \(/)?.[1]).toBe(due?.match(/Since(.*?) \(/)?.[1]);
    expect(moved).toContain('A timer, due in 23h59m');
    expect(await page.getByRole('status').filter({ hasText: 'its runs use the older versions' }).count()).toBe(0);
    expect(await keptPublishes(page)).toEqual([{ file: expect.stringMatching(/^version-\d+$/), policy: 'move' }]);

    await openInBuilder(page, '24h follow-up');
    await node(page, 'check-in').click();
    await inspector(page).getByLabel('Message', { exact: true }).fill('A new check-in, version 3');
    // The impact preview plays the live session too (it runs this Workflow): Dana's check-in would change its text.
    const dialog = await openPublish(page, '24h follow-up', 'Stop them');
    await dialog.getByText('The Messages view’s live session, played on the published version').waitFor();
    const liveRow = dialog.getByRole('table').getByRole('row').filter({ hasText: 'The Messages view’s live session' });
    expect(await liveRow.textContent()).toContain('Newly sent: A new check-in, version 3');
    // No saved script behind it: the simulator cannot open it.
    expect(await liveRow.getByRole('button').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await nav(page, 'Messages');
    await waitForToast(page, '24h follow-up version 3 published: 1 run stopped (Workflow updated)');
    await openOngoing(page);
    await page.getByText('No Workflow is running for Dana.').waitFor();
    const stopped = page.getByRole('region', { name: 'Stopped by a new version' }).getByRole('listitem', { name: '24h follow-up' });
    expect(await stopped.textContent()).toBe('24h follow-upversion 2Stopped at "Wait 24h": a new version of the Workflow was published, and its runs in flight were stopped.');
    expect((await keptPublishes(page)).map((kept) => kept.policy)).toEqual(['move', 'stop']);
    await saveScreenshot(page, 'messages-stopped-by-publish-1280x720', { fullPage: false });
    expect(await scanWithAxe(page)).toEqual([]);
    // The panel with a version and a stopped run still fits the window, at 1280×720 and 1920×1080.
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      expect(await fits(page)).toEqual({ pageScrolls: false, panelInWindow: true, textLeavesItsBox: false });
    }
    await page.setViewportSize({ width: 1280, height: 720 });

    // A reload resumes the session with both publishes played where they were, and plays neither again.
    await page.reload();
    await page.getByRole('heading', { name: 'Dana', level: 2 }).waitFor();
    await openOngoing(page);
    expect(await page.getByRole('region', { name: 'Stopped by a new version' }).getByRole('listitem', { name: '24h follow-up' }).textContent()).toBe(
      await stopped.textContent(),
    );
    await page.waitForTimeout(500);
    expect((await keptPublishes(page)).map((kept) => kept.policy)).toEqual(['move', 'stop']);
    expect(await page.getByRole('status').filter({ hasText: 'its runs use the older versions' }).count()).toBe(0);

    // Kept with the Workflow, the session's script replays in the simulator with its two publishes:
    // the versions they name are the stored publish versions.
    await page.getByRole('button', { name: 'Keep with a Workflow…' }).click();
    const keep = page.getByRole('dialog', { name: 'Keep this session with a Workflow' });
    await keep.getByLabel('Workflow').selectOption({ label: '24h follow-up' });
    await keep.getByRole('button', { name: 'Save script' }).click();
    await waitForToast(page, /Saved “.*” with “24h follow-up”/);
    await page.getByRole('region', { name: /^Notifications/ }).getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    // Its expectation, recorded by the session, holds: stopped by the second publish at Wait 24h.
    await page.getByRole('region', { name: 'Expectations with these settings' }).getByRole('heading', { name: 'Expectations: it holds' }).waitFor();
    expect(await page.getByRole('region', { name: 'Expectations with these settings' }).textContent()).toContain('stopped (workflow_updated) at "Wait 24h"');
    expect(session.current()?.errors ?? []).toEqual([]);
  });

  it('two publishes 50 ms apart (from two builder tabs) are both played into the session, in order, neither twice; a draft not published keeps the notice', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await publish(page, '24h follow-up');
    const followUpPath = new URL(page.url()).pathname;
    await newFromExample(page, 'Lead nurture');
    await publish(page, 'Lead nurture');
    const nurturePath = new URL(page.url()).pathname;
    await danaWaits(page);
    expect(await ongoingList(page, 'Dana').getByRole('listitem').count()).toBe(2);

    const [followUp, nurture] = [await session.openTab({ path: followUpPath }), await session.openTab({ path: nurturePath })];
    await changeWait(followUp, '2h');
    await nurture.getByTestId(/^node-/).first().waitFor();
    await nurture.getByRole('textbox', { name: 'Workflow name' }).fill('Lead nurture v2');
    const first = await openPublish(followUp, '24h follow-up', 'Move them to the new version');
    const second = await openPublish(nurture, 'Lead nurture v2', 'Move them to the new version');
    await first.getByRole('button', { name: 'Publish', exact: true }).click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await second.getByRole('button', { name: 'Publish', exact: true }).click();
    await Promise.all([first.waitFor({ state: 'detached' }), second.waitFor({ state: 'detached' })]);

    await waitForToast(page, '24h follow-up version 2 published: 1 run moved to the new version');
    await waitForToast(page, 'Lead nurture v2 version 2 published: 1 run moved to the new version');
    await openOngoing(page);
    const runs = ongoingList(page, 'Dana');
    await runs.getByRole('listitem', { name: 'Lead nurture v2' }).getByText('version 2').waitFor();
    await runs.getByRole('listitem', { name: '24h follow-up' }).getByText('version 2').waitFor();
    await page.waitForTimeout(500);
    const kept = await keptPublishes(page);
    expect(kept).toHaveLength(2);
    const ids = kept.map((publish) => Number(publish.file.replace('version-', '')));
    expect(ids[0]).toBeLessThan(ids[1] as number);

    // An edit not published: the session still says its runs use older versions.
    await changeWait(followUp, '3h');
    await saved(followUp);
    await page.getByRole('status').filter({ hasText: 'its runs use the older versions' }).waitFor();
    expect((await keptPublishes(page)).length).toBe(2);
    await followUp.close();
    await nurture.close();
  });
  it('a publish of a Workflow the session does not run (it had a problem when the session started) is not played: the notice offers Restart', async () => {
    const page = await session.open();
    await newFromExample(page, '24h follow-up');
    await publish(page, '24h follow-up');
    await newFromExample(page, 'Lead nurture');
    await node(page, 'welcome').click();
    await inspector(page).getByLabel('Message', { exact: true }).fill('');
    await saved(page);
    await danaWaits(page);
    await page.getByText('Not running, because of problems: Lead nurture (1 problem).').waitFor();

    await openInBuilder(page, 'Lead nurture');
    await node(page, 'welcome').click();
    await inspector(page).getByLabel('Message', { exact: true }).fill('Hi {{contact.name}}!');
    await publish(page, 'Lead nurture');
    await nav(page, 'Messages');
    await page.getByRole('status').filter({ hasText: 'its runs use the older versions' }).getByRole('button', { name: 'Restart with the new versions' }).waitFor();
    await page.waitForTimeout(500);
    expect(await keptPublishes(page)).toEqual([]);
    expect(await page.getByRole('region', { name: /^Notifications/ }).getByRole('listitem').filter({ hasText: /published|did not take/ }).count()).toBe(0);
  });
});
