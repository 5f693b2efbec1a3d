import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { scanWithAxe } from './support/axe.ts';
import { OUTPUT_DIR, saveScreenshot } from './support/browser.ts';
import { openDock, showSideTab } from './support/simulator.ts';

const session = useAppSession();

/** Chooses `format` in the menu `menu` opens and waits for the file it downloads. */
async function exportAs(page: Page, menu: string, format: string): Promise<Download> {
  await page.getByRole('button', { name: menu }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: format }).click()]);
  return download;
}

/** A PNG's width and height, read from its IHDR chunk after the eight signature bytes. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('export for slides', () => {
  it('exports the hot-lead contact’s run as an SVG holding the stop reason and a 1200×675 PNG', async () => {
    const page = await session.open({ path: '/simulator?example=hot-lead' });
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await showSideTab(page, 'Run');
    const stopLine = page.locator('.transcript__activity--stop').first();
    await stopLine.waitFor();
    const stopText = (await stopLine.locator('span').first().textContent()) ?? '';
    expect(stopText).toMatch(/stopped/);

    const svgFile = await exportAs(page, 'Export image', 'SVG');
    expect(svgFile.suggestedFilename()).toMatch(/-run\.svg$/);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="675"/);
    expect(svg).toContain(stopText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;'));

    const pngFile = await exportAs(page, 'Export image', 'PNG');
    expect(pngFile.suggestedFilename()).toMatch(/-run\.png$/);
    const png = readFileSync(await pngFile.path());
    expect(pngSize(png)).toEqual({ width: 1200, height: 675 });
    copyFileSync(await pngFile.path(), join(OUTPUT_DIR, 'slides-run.png'));
    await saveScreenshot(page, 'slides-run-export', { fullPage: false });

    // Three exports chosen in quick succession give three files.
    const files: Download[] = [];
    page.on('download', (download) => files.push(download));
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('button', { name: 'Export image' }).click({ delay: 0 });
      await page.getByRole('menuitem', { name: 'SVG' }).click({ delay: 0 });
      await page.waitForTimeout(50);
    }
    await expect.poll(() => files.length).toBe(3);
    expect(await scanWithAxe(page)).toEqual([]);
  });

  it('exports a population’s stops over time as CSV with a header row, and the chart as SVG and PNG', async () => {
    const page = await session.open({ path: '/simulator?example=follow-up&script=population' });
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await openDock(page, 'Population');
    const population = page.getByRole('region', { name: 'Population' });
    await population.locator('svg.recharts-surface').first().waitFor();
    await population.getByText(/by incoming message/).first().waitFor();

    const csvFile = await exportAs(page, 'Export the stops over time', 'CSV (data)');
    const [header, ...rows] = readFileSync(await csvFile.path(), 'utf8').trimEnd().split('\r\n');
    expect(header).toMatch(/^from_ms,to_ms,from,to,manual,.*incoming_message.*,all$/);
    expect(rows.length).toBeGreaterThan(1);
    const stopped = rows.reduce((sum, row) => sum + Number(row.split(',').at(-1)), 0);
    expect(stopped).toBeGreaterThan(0);

    const svg = readFileSync(await (await exportAs(page, 'Export the stops over time', 'SVG')).path(), 'utf8');
    expect(svg).toContain('runs stopped over time, by reason');
    expect(svg).toMatch(/<rect[^>]*fill:/);

    const chartFile = await exportAs(page, 'Export the stops over time', 'PNG');
    copyFileSync(await chartFile.path(), join(OUTPUT_DIR, 'slides-stops-over-time.png'));
    const png = readFileSync(await chartFile.path());
    const size = pngSize(png);
    expect(size.width).toBeGreaterThan(200);
    expect(size.height).toBeGreaterThan(100);
    const funnel = readFileSync(await (await exportAs(page, 'Export the step funnel', 'PNG')).path());
    expect(pngSize(funnel).width).toBe(1200);
    await saveScreenshot(page, 'slides-population-export', { fullPage: false });
  });
});
