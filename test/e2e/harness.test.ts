import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { OUTPUT_DIR, screenshotOnFailure } from './support/browser.ts';
import { drag, dragBy } from './support/pointer.ts';

const session = useAppSession();

/** A box that follows pointer drags the way drag libraries do (pointer events, capture, a threshold). */
/** Where the box's top-left corner is, in page pixels. */
const cornerOf = (box: Locator) => box.evaluate((element) => [(element as HTMLElement).offsetLeft, (element as HTMLElement).offsetTop]);

const DRAGGABLE_PAGE = `
  <main>
    <div id="box" style="position:absolute;left:40px;top:40px;width:60px;height:60px;background:#3a5bd9">box</div>
    <div id="target" style="position:absolute;left:400px;top:300px;width:80px;height:80px;border:2px dashed #333">target</div>
  </main>
  <script>
    const box = document.getElementById('box');
    let start = null;
    let moves = 0;
    box.addEventListener('pointerdown', (event) => {
      start = { x: event.clientX - box.offsetLeft, y: event.clientY - box.offsetTop };
      box.setPointerCapture(event.pointerId);
    });
    box.addEventListener('pointermove', (event) => {
      if (!start) return;
      moves += 1;
      box.style.left = event.clientX - start.x + 'px';
      box.style.top = event.clientY - start.y + 'px';
    });
    box.addEventListener('pointerup', () => {
      start = null;
      box.dataset.moves = String(moves);
    });
  </script>`;

describe('the end-to-end harness itself', () => {
  it('drags an element by an offset and onto another element, in several pointer moves', async () => {
    const page = await session.open();
    await page.setContent(DRAGGABLE_PAGE);
    const box = page.locator('#box');
    await dragBy(page, box, { x: 200, y: 100 });
    expect(await cornerOf(box)).toEqual([240, 140]);
    expect(Number(await box.getAttribute('data-moves'))).toBeGreaterThan(5);
    await drag(page, box, page.locator('#target'));
    expect((await cornerOf(box)).map((corner) => corner + 30)).toEqual([442, 342]);
  });

  it('saves a screenshot when a test failed, and none when it passed', async () => {
    const page = await session.open();
    const name = 'harness-self-check';
    const file = join(OUTPUT_DIR, `failed-${name}.png`);
    rmSync(file, { force: true });
    await screenshotOnFailure({ name, result: { state: 'pass' } }, page);
    expect(existsSync(file)).toBe(false);
    await screenshotOnFailure({ name, result: { state: 'fail' } }, page);
    expect(existsSync(file)).toBe(true);
    rmSync(file);
  });
});
