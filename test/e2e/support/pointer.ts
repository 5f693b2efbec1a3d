import type { Locator, Page } from 'playwright-core';

export interface Point {
  readonly x: number;
  readonly y: number;
}

async function centreOf(target: Locator): Promise<Point> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`Cannot drag: ${String(target)} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags as a hand does: press on the source's centre, move in small steps (so drag libraries
 * that wait for a few pixels of movement, like dnd-kit and React Flow, start the drag), release.
 * `to` is a point in the page or another element (its centre).
 */
export async function drag(page: Page, source: Locator, to: Locator | Point, steps = 12): Promise<void> {
  const from = await centreOf(source);
  const target = 'x' in to ? to : await centreOf(to);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
  await page.mouse.move(target.x, target.y, { steps });
  await page.mouse.up();
}

/** Drags an element by an offset, e.g. a node on the canvas 200 px to the right. */
export async function dragBy(page: Page, source: Locator, offset: Point, steps = 12): Promise<void> {
  const from = await centreOf(source);
  await drag(page, source, { x: from.x + offset.x, y: from.y + offset.y }, steps);
}
