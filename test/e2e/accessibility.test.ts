import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

describe('accessibility of the main screen (axe, WCAG 2.1 A/AA)', () => {
  it.each([
    ['Hot lead', 'Hot lead: agent takes over'],
    ['24h follow-up', 'Same instant: a reply in the very second the follow-up is due wins'],
  ])('has no violations showing %s / %s', async (situation, script) => {
    const page = await session.open({ path: '/simulator' });
    await page.getByLabel('Situation').selectOption({ label: situation });
    await page.getByLabel('Script').selectOption({ label: script });
    await page.getByRole('heading', { name: script, exact: true }).waitFor();
    await saveScreenshot(page, `a11y-${situation.replaceAll(/\W+/g, '-').toLowerCase()}`);
    expect(await scanWithAxe(page)).toEqual([]);
  });
});
