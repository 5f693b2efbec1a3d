import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';
import { drag, type Point } from './support/pointer.ts';
import { waitForToast } from './support/toasts.ts';

const session = useAppSession();

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const node = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const paletteItem = (page: Page, name: string) => page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name, exact: true });
const canvasBox = async (page: Page): Promise<Rect> => {
  const box = await page.locator('.builder-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
};
const boxOf = async (page: Page, id: string): Promise<Rect> => {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  return box;
};
/** Node boxes once they have stopped moving: the same on two reads 100 ms apart. */
async function settledNodeBoxes(page: Page): Promise<Map<string, Rect>> {
  let last = '';
  for (let tries = 0; tries < 50; tries++) {
    const boxes = await nodeBoxes(page);
    const now = JSON.stringify([...boxes]);
    if (now === last) return boxes;
    last = now;
    await page.waitForTimeout(100);
  }
  throw new Error('the nodes keep moving');
}

/** Clicks the canvas's Fit View button once the nodes are where the last edit put them, and waits for the view to settle. */
async function fitView(page: Page): Promise<Map<string, Rect>> {
  await settledNodeBoxes(page);
  await page.getByRole('button', { name: 'Fit View' }).click();
  return settledNodeBoxes(page);
}

/** Opens the bundled 24 h follow-up in the builder at this size of window. */
async function openFollowUp(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.getByRole('button', { name: 'New from example' }).click();
  await page.getByRole('menuitem', { name: '24h follow-up' }).click();
  await node(page, 'done').waitFor();
}

/** Every React Flow node's box on screen, by node id. */
function nodeBoxes(page: Page): Promise<Map<string, Rect>> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((elements) =>
      elements.map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return [element.getAttribute('data-id') ?? '', { x, y, width, height }] as const;
      }),
    )
    .then((entries) => new Map(entries));
}

/** The edges drawn, as [source, target], read from their accessible names ("Edge from a to b"). */
async function edges(page: Page): Promise<[string, string][]> {
  const labels = await page.locator('.react-flow__edge').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const match = /^Edge from (.+) to (.+)$/.exec(label);
    if (!match) throw new Error(`unexpected edge label "${label}"`);
    return [match[1] as string, match[2] as string];
  });
}

/** Pairs of node boxes that intersect (more than half a pixel each way, for rounding). */
function intersecting(boxes: ReadonlyMap<string, Rect>): string[] {
  const all = [...boxes];
  return all.flatMap(([a, p], i) =>
    all.slice(i + 1).flatMap(([b, q]) => (p.x < q.x + q.width - 0.5 && q.x < p.x + p.width - 0.5 && p.y < q.y + q.height - 0.5 && q.y < p.y + p.height - 0.5 ? [`${a} / ${b}`] : [])),
  );
}

/** After Fit View: every node inside the canvas, none under the minimap or the zoom controls. */
async function expectClearOfOverlays(page: Page, boxes: ReadonlyMap<string, Rect>): Promise<void> {
  const canvas = await canvasBox(page);
  const overlays = new Map<string, Rect>();
  for (const name of ['minimap', 'controls']) {
    const box = await page.locator(`.react-flow__${name}`).boundingBox();
    if (!box) throw new Error(`no ${name}`);
    overlays.set(name, box);
  }
  const outside = [...boxes].filter(([, box]) => box.x < canvas.x || box.y < canvas.y || box.x + box.width > canvas.x + canvas.width || box.y + box.height > canvas.y + canvas.height);
  expect(outside.map(([id]) => id)).toEqual([]);
  expect(intersecting(new Map([...boxes, ...overlays])).filter((pair) => /minimap|controls/.test(pair))).toEqual([]);
}

/**
 * Pans the canvas (dragging its empty left margin, as a person does) so that `id` sits in the
 * upper part of the canvas, with room below it to drop the next step.
 */
async function panToTop(page: Page, id: string): Promise<void> {
  const canvas = await canvasBox(page);
  const box = await boxOf(page, id);
  const by = canvas.y + canvas.height * 0.3 - box.y;
  if (Math.abs(by) < 10) return;
  const from = { x: canvas.x + 16, y: canvas.y + canvas.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y + by / 2, { steps: 4 });
  await page.mouse.move(from.x, from.y + by, { steps: 4 });
  await page.mouse.up();
}

/**
 * Drags a palette step to a point of the page and drops it there; before letting go, returns
 * what the canvas marks as the drop's target (the node it would follow or the edge it would go
 * into), as `node <id>` or `edge <its accessible name>`.
 */
async function dropFromPalette(page: Page, step: string, at: Point): Promise<string[]> {
  const item = await paletteItem(page, step).boundingBox();
  if (!item) throw new Error(`no palette item ${step}`);
  const from = { x: item.x + item.width / 2, y: item.y + item.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
  await page.mouse.move(at.x, at.y, { steps: 12 });
  // The mark follows the pointer a frame later; give it a moment.
  await page.locator('.flow-drop-target').first().waitFor({ timeout: 1000 }).catch(() => undefined);
  const marked = await page.locator('.flow-drop-target').evaluateAll((elements) =>
    elements.map((element) => (element.classList.contains('react-flow__node') ? `node ${element.getAttribute('data-id') ?? ''}` : `edge ${element.getAttribute('aria-label') ?? ''}`)),
  );
  await page.mouse.up();
  return marked;
}

/** Drops a palette step just below a node: half its height under its bottom edge, a little right of its middle. */
async function dropBelow(page: Page, step: string, id: string): Promise<string[]> {
  await panToTop(page, id);
  const box = await boxOf(page, id);
  return dropFromPalette(page, step, { x: box.x + box.width / 2 + 20, y: box.y + box.height * 1.5 });
}

/** The nodes no path of edges leads to from the trigger. */
function unreachable(all: readonly string[], links: readonly [string, string][]): string[] {
  const seen = new Set(['trigger']);
  const queue = ['trigger'];
  for (let i = 0; i < queue.length; i++) {
    for (const [source, target] of links) {
      if (source !== queue[i] || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return all.filter((id) => !seen.has(id));
}

describe.each([
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
])('placing steps at $width×$height', (viewport) => {
  it('drops five steps in a row below the last node and one onto an edge: all connected, none overlapping; after Auto-layout every edge runs down', async () => {
    const page = await session.open();
    await openFollowUp(page, viewport);
    // The example ends with an End, which has no output to follow: take it away, so the flow ends on a message.
    await node(page, 'done').click();
    await page.keyboard.press('Delete');
    await node(page, 'done').waitFor({ state: 'detached' });

    const added = ['wait-1', 'send-message-1', 'update-tag-1', 'wait-2', 'send-message-2'];
    const kinds = ['Wait', 'Send message', 'Update tag', 'Wait', 'Send message'];
    let last = 'check-in';
    for (const [i, id] of added.entries()) {
      // While held there, the node it will follow is marked.
      expect(await dropBelow(page, kinds[i] as string, last)).toEqual([`node ${last}`]);
      await node(page, id).waitFor();
      expect(await edges(page), `${id} follows ${last}`).toContainEqual([last, id]);
      // Below the one before it, not on it.
      const [above, below] = [await boxOf(page, last), await boxOf(page, id)];
      expect(below.y).toBeGreaterThanOrEqual(above.y + above.height);
      last = id;
    }
    await waitForToast(page, 'Added “Send message” after “Wait”');

    // Onto the edge from "Acknowledge" to "Wait 24h", in the middle of the room between them.
    await panToTop(page, 'ack');
    const [ack, wait] = [await boxOf(page, 'ack'), await boxOf(page, 'wait')];
    const beforeInsert = await nodeBoxes(page);
    expect(await dropFromPalette(page, 'Add comment', { x: ack.x + ack.width / 2, y: (ack.y + ack.height + wait.y) / 2 })).toEqual(['edge Edge from ack to wait']);
    expect(await page.locator('.flow-drop-target').count()).toBe(0);
    await node(page, 'add-comment-1').waitFor();
    const links = await edges(page);
    expect(links).toContainEqual(['ack', 'add-comment-1']);
    expect(links).toContainEqual(['add-comment-1', 'wait']);
    expect(links).not.toContainEqual(['ack', 'wait']);
    // What follows moved down together to make room, by the same amount.
    const afterInsert = await nodeBoxes(page);
    const moved = ['wait', 'check-in', ...added].map((id) => Math.round((afterInsert.get(id)?.y ?? NaN) - (beforeInsert.get(id)?.y ?? NaN)));
    expect(new Set(moved).size).toBe(1);
    expect(moved[0]).toBeGreaterThan(0);
    expect(afterInsert.get('ack')).toEqual(beforeInsert.get('ack'));

    const all = await fitView(page);
    expect(all.size).toBe(10);
    expect(intersecting(all)).toEqual([]);
    await expectClearOfOverlays(page, all);
    expect(unreachable([...all.keys()], await edges(page))).toEqual([]);
    expect(await edges(page)).toHaveLength(9);
    await saveScreenshot(page, `placing-steps-dropped-${viewport.width}x${viewport.height}`, { fullPage: false });

    // The insertion and its push-down are one undo step.
    await page.keyboard.press('Control+z');
    await node(page, 'add-comment-1').waitFor({ state: 'detached' });
    await page.keyboard.press('Shift+Control+z');
    await node(page, 'add-comment-1').waitFor();

    // Auto-layout: from the toast that offers it at the smaller size, with Shift+L at the larger.
    const dropped = JSON.stringify([...(await nodeBoxes(page))]);
    if (viewport.width === 1280) {
      await waitForToast(page, 'Inserted “Add comment” after “Acknowledge”');
      await page.getByRole('region', { name: /^Notifications/ }).getByRole('button', { name: 'Auto-layout' }).click();
    } else {
      await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
      await page.keyboard.press('Shift+L');
    }
    await expect.poll(async () => JSON.stringify([...(await nodeBoxes(page))])).not.toBe(dropped);
    const laidOut = await fitView(page);
    const upward = (await edges(page)).filter(([source, target]) => {
      const [from, to] = [laidOut.get(source), laidOut.get(target)];
      return !from || !to || from.y + from.height >= to.y;
    });
    expect(upward).toEqual([]);
    expect(intersecting(laidOut)).toEqual([]);
    await expectClearOfOverlays(page, laidOut);
    await saveScreenshot(page, `placing-steps-laid-out-${viewport.width}x${viewport.height}`, { fullPage: false });
  });

  it('fits a wide flow in view clear of the minimap and the zoom controls', async () => {
    const page = await session.open();
    await page.setViewportSize(viewport);
    await page.getByRole('button', { name: 'New from example' }).click();
    await page.getByRole('menuitem', { name: 'VIP routing' }).click();
    await page.locator('.react-flow__node').first().waitFor();
    // A step at the bottom right of the flow (beside its lowest step, under the Branch's other path):
    // as wide as it is tall, the flow then has a node in the corner the minimap covers.
    const nodes = await nodeBoxes(page);
    const [right, low] = [Math.max(...[...nodes.values()].map((box) => box.x + box.width)), Math.max(...[...nodes.values()].map((box) => box.y + box.height))];
    await dropFromPalette(page, 'Wait', { x: right - 60, y: low - 20 });
    await expect.poll(async () => (await nodeBoxes(page)).size).toBe(nodes.size + 1);
    await expectClearOfOverlays(page, await fitView(page));
    await saveScreenshot(page, `placing-steps-fit-view-${viewport.width}x${viewport.height}`, { fullPage: false });
  });

  it('connects a step dropped on a free output handle from that output', async () => {
    const page = await session.open();
    await openFollowUp(page, viewport);
    await node(page, 'done').click();
    await page.keyboard.press('Delete');
    await node(page, 'done').waitFor({ state: 'detached' });
    await drag(page, paletteItem(page, 'Assign'), node(page, 'check-in').locator('.react-flow__handle.source'));
    await node(page, 'assign-1').waitFor();
    expect(await edges(page)).toContainEqual(['check-in', 'assign-1']);
    expect(intersecting(await nodeBoxes(page))).toEqual([]);
  });

  it('lands both of two drops made in quick succession, apart', async () => {
    const page = await session.open();
    await openFollowUp(page, viewport);
    await node(page, 'done').click();
    await page.keyboard.press('Delete');
    await node(page, 'done').waitFor({ state: 'detached' });
    await panToTop(page, 'check-in');
    const box = await boxOf(page, 'check-in');
    const spot = { x: box.x + box.width / 2, y: box.y + box.height * 1.5 };
    // The same spot twice, with few pointer moves and no waiting in between.
    await drag(page, paletteItem(page, 'Wait'), spot, 2);
    await drag(page, paletteItem(page, 'Send message'), spot, 2);
    await node(page, 'wait-1').waitFor();
    await node(page, 'send-message-1').waitFor();
    expect(await edges(page)).toContainEqual(['check-in', 'wait-1']);
    expect(intersecting(await nodeBoxes(page))).toEqual([]);
  });
});
