import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

type Box = { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };

/** What the canvas shows, as a person sees it: the zoom, the pane, each node's box and each badge. */
interface CanvasSeen {
  readonly zoom: number;
  readonly pane: Box;
  readonly scrollY: number;
  readonly nodes: readonly { readonly id: string; readonly box: Box }[];
  readonly badges: readonly {
    readonly node: string;
    readonly text: string;
    readonly stopped: boolean;
    readonly box: Box;
    /** Font sizes of its lines as styled (CSS px, at zoom 1). */
    readonly fontSizes: readonly number[];
    /** Its height on screen divided by the zoom: its height at zoom 1. */
    readonly heightAtZoom1: number;
    readonly layoutHeight: number;
  }[];
}

function seeCanvas(page: Page): Promise<CanvasSeen> {
  return page.evaluate(() => {
    const boxOf = (element: Element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    const transform = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
    return {
      zoom,
      pane: boxOf(document.querySelector('.react-flow') as Element),
      scrollY: window.scrollY,
      nodes: [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => ({ id: node.dataset.id ?? '', box: boxOf(node) })),
      badges: [...document.querySelectorAll<HTMLElement>('.run-badge')].map((badge) => ({
        node: badge.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? '',
        text: badge.textContent ?? '',
        stopped: badge.closest('.flow-node--run-stopped') !== null,
        box: boxOf(badge),
        fontSizes: [...badge.querySelectorAll('p')].map((line) => Number.parseFloat(getComputedStyle(line).fontSize)),
        heightAtZoom1: badge.getBoundingClientRect().height / zoom,
        layoutHeight: badge.offsetHeight,
      })),
    };
  });
}

const intersects = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (inner: Box, outer: Box) => inner.left >= outer.left && inner.top >= outer.top && inner.right <= outer.right && inner.bottom <= outer.bottom;

/** Until the viewport's transform has stayed the same for a few frames (a pan to a stop takes 300 ms). */
async function canvasSettled(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
        let last = '';
        let same = 0;
        const check = () => {
          const now = viewport.style.transform;
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 10) resolve(now);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** Checks every badge: legible, clear of every other node, the stop marker in the canvas's view. */
function expectLegibleBadges(seen: CanvasSeen, where: string): void {
  expect(seen.scrollY, `${where}: the page did not scroll`).toBe(0);
  expect(seen.badges.length, `${where}: badges`).toBeGreaterThan(3);
  for (const badge of seen.badges) {
    const label = `${where}: the badge of ${badge.node} ("${badge.text}")`;
    for (const size of badge.fontSizes) expect(size, `${label}: font size at zoom 1`).toBeGreaterThanOrEqual(12);
    // The zoom read from the transform is the one the badge is drawn at…
    expect(Math.abs(badge.heightAtZoom1 - badge.layoutHeight), `${label}: screen height / zoom`).toBeLessThan(1);
    // …and at it the text is still readable on screen (it was 7.7 px: 12 px at a fitted zoom of 0.64).
    for (const size of badge.fontSizes) expect(size * seen.zoom, `${label}: font size on screen`).toBeGreaterThanOrEqual(10);
    for (const node of seen.nodes) if (node.id !== badge.node) expect(intersects(badge.box, node.box), `${label} overlaps node ${node.id}`).toBe(false);
  }
  const stops = seen.badges.filter((badge) => badge.stopped);
  expect(stops, `${where}: one stop marker`).toHaveLength(1);
  const stop = stops[0] as CanvasSeen['badges'][number];
  expect(inside(stop.box, seen.pane), `${where}: the stop marker is in the canvas's view`).toBe(true);
  const stoppedNode = seen.nodes.find((node) => node.id === stop.node) as CanvasSeen['nodes'][number];
  expect(inside(stoppedNode.box, seen.pane), `${where}: the stopped node is in the canvas's view`).toBe(true);
}

/** The cancelled step is drawn dimmed: grey and flat, its words muted, unlike a step that ran. */
async function expectDimmed(page: Page, cancelled: string, ran: string): Promise<void> {
  const look = (id: string) =>
    page.getByTestId(`node-${id}`).evaluate((node) => {
      const card = node.querySelector('.flow-node') as Element;
      const style = getComputedStyle(card);
      return { className: node.className, filter: style.filter, label: getComputedStyle(card.querySelector('.flow-node__label') as Element).color, border: style.borderTopStyle };
    });
  const [dimmed, plain] = await Promise.all([look(cancelled), look(ran)]);
  expect(dimmed.className).toContain('flow-node--run-cancelled');
  expect(dimmed.filter).toContain('grayscale(1)');
  expect(dimmed.border).toBe('dashed');
  expect(dimmed.label).toBe('rgb(92, 101, 120)');
  expect(plain.filter).toBe('none');
  expect(plain.label).not.toBe(dimmed.label);
}

const EXAMPLES = [
  { name: 'follow-up', path: '/simulator?example=follow-up&script=contact-replies', stopsAt: 'wait', cancelled: 'check-in', ran: 'ack' },
  { name: 'hot-lead', path: '/simulator?example=hot-lead', stopsAt: 'wait-24h', cancelled: 'nudge', ran: 'welcome' },
] as const;

describe.each([
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])('the simulation on the canvas at $width×$height', (viewport) => {
  it.each(EXAMPLES)('$name, run to the end: legible badges beside their steps, none over another step, the stop marker in view, cancelled steps dimmed', async (example) => {
    const page = await session.open({ path: example.path, prepare: (page) => page.setViewportSize(viewport) });
    const bar = page.getByRole('group', { name: 'Playback' });
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await page.locator(`[data-testid="node-${example.stopsAt}"].flow-node--run-stopped .run-badge--stopped`).waitFor();
    await canvasSettled(page);
    expectLegibleBadges(await seeCanvas(page), `${example.name} at ${viewport.width}×${viewport.height}`);
    await expectDimmed(page, example.cancelled, example.ran);
    await saveScreenshot(page, `simulation-canvas-${example.name}-${viewport.width}x${viewport.height}`, { fullPage: false });
  });
});

describe('the canvas opens beside its zoom controls', () => {
  it.each(['follow-up', 'hot-lead', 'clean-up', 'hand-back', 'new-version'])('%s at 1280×720: no step under the controls', async (example) => {
    const page = await session.open({ path: `/simulator?example=${example}`, prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    await page.getByTestId('node-trigger').waitFor();
    await canvasSettled(page);
    const controls = await page.locator('.react-flow__controls').evaluate((element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    });
    const under = (await seeCanvas(page)).nodes.filter(({ box }) => box.left < controls.right && box.right > controls.left && box.top < controls.bottom && box.bottom > controls.top);
    // Before, four of these five opened with a step under the zoom buttons.
    expect(under.map((node) => node.id)).toEqual([]);
  });
});

describe('the stop marker is brought into view when the stop happens, and only then', () => {
  it('hot lead at 1280×720: the canvas opens on the trigger, pans to the Wait when the run stops there, and stays where the person then pans it while playback goes on', async () => {
    const page = await session.open({ path: '/simulator?example=hot-lead', prepare: (page) => page.setViewportSize({ width: 1280, height: 720 }) });
    const bar = page.getByRole('group', { name: 'Playback' });
    await page.getByTestId('node-trigger').waitFor();
    await canvasSettled(page);
    const opened = await seeCanvas(page);
    const box = (seen: CanvasSeen, id: string) => (seen.nodes.find((node) => node.id === id) as CanvasSeen['nodes'][number]).box;
    // Opened where every run starts, at a readable zoom; the Wait is below the canvas's edge.
    expect(inside(box(opened, 'trigger'), opened.pane)).toBe(true);
    expect(opened.zoom).toBeGreaterThanOrEqual(0.8);
    expect(box(opened, 'wait-24h').top).toBeGreaterThan(opened.pane.bottom);

    // Event by event until the agent's message stops the run at the Wait.
    const stopMarker = page.locator('[data-testid="node-wait-24h"] .run-badge--stopped');
    for (let event = 0; event < 10 && !(await stopMarker.isVisible()); event++) await bar.getByRole('button', { name: 'Next event' }).click();
    await stopMarker.waitFor();
    const revealed = await canvasSettled(page);
    const stopped = await seeCanvas(page);
    expectLegibleBadges(stopped, 'when the run stops');
    await saveScreenshot(page, 'simulation-canvas-stop-revealed-1280x720', { fullPage: false });

    // The person drags the canvas away from the stop; playing on to the end leaves it there.
    const pane = stopped.pane;
    await page.mouse.move(pane.left + 30, pane.top + 30);
    await page.mouse.down();
    await page.mouse.move(pane.left + 60, pane.top + 150, { steps: 8 });
    await page.mouse.up();
    const panned = await canvasSettled(page);
    expect(panned).not.toBe(revealed);
    await bar.getByRole('button', { name: 'Run to end' }).click();
    await page.getByRole('slider', { name: 'Virtual time' }).and(page.locator('[aria-valuetext^="+2h,"]')).waitFor();
    expect(await canvasSettled(page)).toBe(panned);
    expect((await seeCanvas(page)).scrollY).toBe(0);
  });
});
