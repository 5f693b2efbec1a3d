import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stepSchema } from '../../simulator/schema/step.ts';
import { nodeWidth } from '../../src/parts/canvas/nodeSize.ts';
import { useAppSession } from './support/appSession.ts';
import { saveScreenshot } from './support/browser.ts';

const session = useAppSession();

const followUp = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/follow-up/follow-up.workflow.json'), 'utf8')) as { steps: object[]; edges: object[] };

const REASONS = ['manual', 'outgoing_message', 'incoming_message', 'manual_assignment', 'else'] as const;
const WHY = { id: 'why', type: 'stop_reason_branch', label: 'Why stopped?', position: { x: 600, y: 140 } };

/**
 * The bundled follow-up in format 2 with a When stopped path: the entry, a Stop reason branch and
 * a step under each of its five outputs, where a person laid them out when the branch was drawn
 * 260 px wide (the steps 300 px apart, the branch at the left of them).
 */
const withPath = {
  ...followUp,
  format: 'exitflow.workflow/2',
  name: 'Follow-up by stop reason',
  whenStopped: { id: 'when-stopped', label: '', position: { x: 600, y: 0 } },
  steps: [...followUp.steps, WHY, ...REASONS.map((reason, i) => ({ id: `after-${reason}`, type: 'add_comment', label: `After ${reason}`, text: reason, position: { x: 600 + i * 300, y: 340 } }))],
  edges: [
    ...followUp.edges,
    { id: 'w-entry', source: 'when-stopped', target: 'why' },
    ...REASONS.map((reason) => ({ id: `w-${reason}`, source: 'why', sourceHandle: reason, target: `after-${reason}` })),
  ],
};

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the canvas draws, read in one go: every node's box, each output's label and handle boxes, the labels' type size, and the zoom. */
interface Drawn {
  readonly zoom: number;
  readonly nodes: readonly { readonly id: string; readonly box: Rect; readonly labels: readonly { readonly text: string; readonly box: Rect; readonly fontSize: number }[]; readonly handles: readonly Rect[] }[];
}

function readCanvas(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const rect = (element: Element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : NaN;
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((node) => ({
      id: node.getAttribute('data-id') ?? '',
      box: rect(node),
      labels: [...node.querySelectorAll('.flow-node__output-label')].map((label) => ({ text: label.textContent ?? '', box: rect(label), fontSize: Number.parseFloat(getComputedStyle(label).fontSize) })),
      handles: [...node.querySelectorAll('.flow-handle--source')].map(rect),
    }));
    return { zoom, nodes };
  });
}

/** Whether two boxes share more than half a pixel each way (rounding). */
const intersect = (p: Rect, q: Rect) => p.x < q.x + q.width - 0.5 && q.x < p.x + p.width - 0.5 && p.y < q.y + q.height - 0.5 && q.y < p.y + p.height - 0.5;
const inside = (inner: Rect, outer: Rect) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

/** Pairs of node boxes that intersect. */
function intersecting(drawn: Drawn): string[] {
  return drawn.nodes.flatMap((a, i) => drawn.nodes.slice(i + 1).flatMap((b) => (intersect(a.box, b.box) ? [`${a.id} / ${b.id}`] : [])));
}

/** Every output label inside its node's box at 12 px or more, no two labels or handles of a node on each other, no two nodes on each other. */
function expectRoomForEveryLabel(drawn: Drawn): void {
  for (const node of drawn.nodes) {
    for (const [i, label] of node.labels.entries()) {
      expect(inside(label.box, node.box), `"${label.text}" inside ${node.id}`).toBe(true);
      expect(label.fontSize, `"${label.text}" type size`).toBeGreaterThanOrEqual(12);
      for (const other of node.labels.slice(i + 1)) expect(intersect(label.box, other.box), `"${label.text}" / "${other.text}"`).toBe(false);
    }
    for (const [i, handle] of node.handles.entries()) for (const other of node.handles.slice(i + 1)) expect(intersect(handle, other), `handles of ${node.id}`).toBe(false);
  }
  expect(intersecting(drawn)).toEqual([]);
}

/** Reads the canvas once its nodes stand still: the same boxes on two reads 100 ms apart. */
async function settled(page: Page): Promise<Drawn> {
  let last = '';
  for (let tries = 0; tries < 50; tries++) {
    const drawn = await readCanvas(page);
    const now = JSON.stringify(drawn);
    if (now === last) return drawn;
    last = now;
    await page.waitForTimeout(100);
  }
  throw new Error('the nodes keep moving');
}

async function fitView(page: Page): Promise<Drawn> {
  await settled(page);
  await page.getByRole('button', { name: 'Fit View' }).click();
  return settled(page);
}

describe.each([
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])('a Stop reason branch on the canvas at $width×$height', (viewport) => {
  it('is as wide as its five labels need: every label inside its node, readable, nothing overlapping — as imported, after Auto-layout and after a drop beside it', async () => {
    const page = await session.open();
    await page.setViewportSize(viewport);
    await page.getByLabel('Workflow file to import').setInputFiles({ name: 'by-reason.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withPath)) });
    await page.getByTestId('node-why').waitFor();

    // As imported: the card widened from 260 px to what its labels need, at zoom 1 in flow units.
    const imported = await fitView(page);
    const why = imported.nodes.find((node) => node.id === 'why');
    expect(why?.labels.map((label) => label.text)).toEqual(['Manual stop', 'Outgoing messages', 'Incoming messages', 'Manual assignment', 'Else']);
    expect((why?.box.width ?? 0) / imported.zoom).toBeCloseTo(nodeWidth(stepSchema.parse(WHY)), 0);
    expect(nodeWidth(stepSchema.parse(WHY))).toBeGreaterThan(260);
    expectRoomForEveryLabel(imported);
    await saveScreenshot(page, `wide-nodes-imported-${viewport.width}x${viewport.height}`, { fullPage: false });

    // Auto-layout lays the wide node out at its width: still nothing overlaps.
    await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Auto-layout' }).click();
    const laid = await fitView(page);
    expectRoomForEveryLabel(laid);
    await saveScreenshot(page, `wide-nodes-laid-out-${viewport.width}x${viewport.height}`, { fullPage: false });

    // A step dropped on the part of the card a 260 px node would not have covered goes to a free spot.
    const card = laid.nodes.find((node) => node.id === 'why')?.box;
    if (!card) throw new Error('no Stop reason branch');
    const item = await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Update tag', exact: true }).boundingBox();
    if (!item) throw new Error('no palette item');
    await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2);
    await page.mouse.down();
    await page.mouse.move(item.x + item.width / 2 + 6, item.y + item.height / 2 + 6, { steps: 3 });
    await page.mouse.move(card.x + card.width * 0.8, card.y + card.height * 0.3, { steps: 12 });
    await page.mouse.up();
    await page.getByTestId('node-update-tag-1').waitFor();
    expectRoomForEveryLabel(await settled(page));
    await saveScreenshot(page, `wide-nodes-dropped-${viewport.width}x${viewport.height}`, { fullPage: false });
    expect(session.current()?.errors).toEqual([]);
  });
});

describe('a Stop reason branch on the simulator’s canvas at 1280×720', () => {
  it('has its badge in a lane beside its card, clear of every other node, and its labels inside its card, after the run stops', async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByLabel('Workflow file to import').setInputFiles({ name: 'by-reason.workflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withPath)) });
    await page.getByTestId('node-why').waitFor();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('heading', { name: 'Simulator', level: 1 }).waitFor();
    await page.getByTestId('node-why').waitFor();
    // The first script stops the run when an agent writes; the path runs in that instant, at its outgoing_message output.
    await page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="node-after-outgoing_message"]')?.textContent?.includes('Passed'), undefined, { timeout: 20_000 });
    const drawn = await fitView(page);
    // In the simulator a node's box is its card and its badge's lane: the labels lie inside the card, the card and lane inside the node.
    const cards = await page.locator('.react-flow__node .flow-node').evaluateAll((elements) =>
      elements.map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return { id: element.closest('.react-flow__node')?.getAttribute('data-id') ?? '', box: { x, y, width, height } };
      }),
    );
    const why = cards.find((card) => card.id === 'why');
    expect((why?.box.width ?? 0) / drawn.zoom).toBeCloseTo(nodeWidth(stepSchema.parse(WHY)), 0);
    for (const node of drawn.nodes) {
      const card = cards.find((candidate) => candidate.id === node.id)?.box;
      if (!card) throw new Error(`no card for ${node.id}`);
      for (const label of node.labels) expect(inside(label.box, card), `"${label.text}" inside the card of ${node.id}`).toBe(true);
    }
    expect(intersecting(drawn)).toEqual([]);
    await saveScreenshot(page, 'wide-nodes-simulator-1280x720', { fullPage: false });
    expect(session.current()?.errors).toEqual([]);
  });
});
