/**
 * The builder's canvas with a 1,000-node and a 5,000-node Workflow (test/bench/canvasWorkflow.ts) in
 * Chromium, production build (issues 5 and 20), each at full speed and with the page's CPU slowed
 * 4× (`Emulation.setCPUThrottlingRate`: a slow laptop). What each case reports:
 *
 * - Load, median over `loads` page loads (each in a fresh browser context, so nothing cached), ms
 *   since navigation start: `moduleStartMs` (the page's script starts), `firstContentfulPaintMs`
 *   (the browser's entry: the canvas chrome, before any node), `firstNodeCommitMs` (React put the
 *   first node element in the DOM), `firstNodeFrameMs` (the frame after it rendered) and
 *   `nodesInViewMs`, the figure held against the target: the first rendered frame from which the
 *   fitted viewport and the rendered nodes no longer change, every one of them measured and
 *   visible (test/bench/browser/canvasPage.tsx says exactly how each is taken).
 *   `nodesAtFirstCommit`: React Flow 12 mounts every node whose handles it has not measured yet,
 *   visible or not, and only then keeps those in view (`nodesRendered`).
 * - Drag: the step nearest the window's centre pressed, moved 10 pointer steps (60 × 40 px),
 *   released; renders of each node's component during it (`distinctNodesRendered`, target 1, the
 *   dragged node), and the edit it made (`moved`, `edits`: one undo step).
 * - Pan: strokes on the empty pane for ~2 s (page.mouse, 40 px a move), the graph travelling up;
 *   requestAnimationFrame deltas meanwhile (median, p95, max), next to those of 1 s without input.
 *   Twice: at the zoom the canvas opened with (`pan`), and zoomed out to 0.2 (`panZoomedOut`),
 *   where nodes are drawn as plain boxes.
 */
import type { Browser, Page } from 'playwright-core';
import type { CanvasBenchApi, CanvasLoadFigures } from './browser/canvasPage.tsx';
import { canvasWorkflowRecord } from './canvasWorkflow.ts';
import type { WorkflowRecord } from '../../src/model/records.ts';
import { median } from './measure.ts';
import { percentile } from './persistenceBench.ts';
import { withBenchPages } from './benchPages.ts';

/** The window the canvas fills (CSS px). */
const VIEWPORT = { width: 1280, height: 800 } as const;
/** The zoom of the second pan: a screen then holds about 6,400 × 4,000 px of the graph. */
const ZOOMED_OUT = 0.2;

export interface CanvasBench {
  readonly nodes: number;
  readonly edges: number;
  /** How many times Chromium slowed the page's CPU (1: not at all). */
  readonly cpuThrottlingRate: number;
  readonly window: string;
  readonly loads: number;
  /** Medians over `loads` page loads, each in a fresh browser context (empty cache); ms since navigation start. */
  readonly moduleStartMs: number;
  readonly firstContentfulPaintMs: number | null;
  readonly firstNodeCommitMs: number;
  readonly firstNodeFrameMs: number;
  readonly nodesInViewMs: number;
  readonly nodesInViewMsRuns: number[];
  readonly nodesAtFirstCommit: number;
  readonly nodesRendered: number;
  readonly nodesInView: number;
  readonly zoom: number;
  readonly drag: {
    readonly nodeId: string;
    readonly moved: boolean;
    readonly edits: number;
    readonly distinctNodesRendered: number;
    readonly renderedNodeIds: string[];
    readonly totalRenders: number;
    readonly draggedNodeRenders: number;
    readonly reactFlowCalls: number;
  };
  /** The pan at the zoom the canvas opened with. */
  readonly pan: CanvasPan;
  /** The same pan at zoom `ZOOMED_OUT`, hundreds of nodes on screen. */
  readonly panZoomedOut: CanvasPan;
}

export interface CanvasPan {
  readonly zoom: number;
  readonly durationMs: number;
  readonly pointerMoves: number;
  /** How far the graph moved, on screen and in flow coordinates. */
  readonly screenPx: number;
  readonly flowPx: number;
  /** The median frame with no input, before the pan (the machine's best). */
  readonly idleMedianFrameMs: number;
  readonly frames: number;
  readonly medianFrameMs: number;
  readonly p95FrameMs: number;
  readonly maxFrameMs: number;
  readonly framesOver50Ms: number;
  readonly nodesMounted: number;
  readonly nodesReRendered: number;
  /** Node elements in the page once the pan ends. */
  readonly nodesMountedAtEnd: number;
}

const api = (page: Page) => page.evaluateHandle(() => window.__canvasBench as CanvasBenchApi);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Lets the page finish what an input started: two rendered frames, then a short idle wait. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await sleep(300);
}

/** What one run of the bench measures: `nodes` nodes with the CPU slowed `cpuThrottlingRate` times. */
export interface CanvasCase {
  readonly nodes: number;
  readonly cpuThrottlingRate: number;
}

/** The cases `benchCanvasCases` runs: 1,000 and 5,000 nodes, each at full speed and with the CPU slowed 4× (a slow laptop). */
export const CANVAS_CASES: readonly CanvasCase[] = [
  { nodes: 1_000, cpuThrottlingRate: 1 },
  { nodes: 1_000, cpuThrottlingRate: 4 },
  { nodes: 5_000, cpuThrottlingRate: 1 },
  { nodes: 5_000, cpuThrottlingRate: 4 },
];

/** Every case's figures, keyed `"1000@1x"`, `"1000@4x"`, `"5000@1x"`, `"5000@4x"`. */
export type CanvasBenchCases = Record<string, CanvasBench>;
export const canvasCaseKey = ({ nodes, cpuThrottlingRate }: CanvasCase) => `${nodes}@${cpuThrottlingRate}x`;

/**
 * The 1,000-node Workflow at full speed: `benchCanvasCases` with one case (the line `npm run
 * bench` printed before the 5,000-node and throttled cases).
 */
export async function benchCanvas(loads: number, panMs = 2_000): Promise<CanvasBench> {
  const figures = await benchCanvasCases(loads, panMs, [{ nodes: 1_000, cpuThrottlingRate: 1 }]);
  return figures['1000@1x'] as CanvasBench;
}

/**
 * Builds the canvas page with the app's Vite config (production build, as users get it), serves
 * it with `vite preview` and opens it in the machine's Chromium (`requireChromium`); then, for
 * each case, loads the page `loads` times (each in a fresh context, nothing cached), and on the
 * last page drags one node and pans across the graph, at the fitted zoom and zoomed out. A case
 * with `cpuThrottlingRate` above 1 has Chromium slow the page's CPU that many times (the DevTools
 * protocol's `Emulation.setCPUThrottlingRate`, set before the page loads).
 */
export async function benchCanvasCases(loads: number, panMs = 2_000, cases: readonly CanvasCase[] = CANVAS_CASES): Promise<CanvasBenchCases> {
  const records = new Map<number, WorkflowRecord>();
  for (const { nodes } of cases) if (!records.has(nodes)) records.set(nodes, canvasWorkflowRecord(nodes));
  return withBenchPages({ pages: ['test/bench/browser/canvas.html'], copyPublicDir: false }, async ({ origin, browser }) => {
    const url = `${origin}/test/bench/browser/canvas.html`;
    const figures: CanvasBenchCases = {};
    for (const benchCase of cases) {
      const record = records.get(benchCase.nodes) as WorkflowRecord;
      figures[canvasCaseKey(benchCase)] = await runCase(browser, url, record, benchCase.cpuThrottlingRate, loads, panMs);
    }
    return figures;
  });
}

/** Opens a fresh context on the canvas page with `record` as the Workflow and the CPU slowed `rate` times. */
async function openCanvas(browser: Browser, url: string, record: WorkflowRecord, rate: number): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript((value) => {
    window.__canvasBenchRecord = value;
  }, record);
  const page = await context.newPage();
  if (rate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  await page.goto(url);
  return page;
}

/** The frames of a pan: strokes on the empty pane, upwards, 40 px per pointer move, for `panMs`. */
async function pan(page: Page, panMs: number): Promise<CanvasPan> {
  const bench = await api(page);
  const STEP = 40;
  const top = 120;
  const bottom = VIEWPORT.height - 120;
  const start = await bench.evaluate((b, y) => b.panePoint(y), bottom);
  if (!start) throw new Error('no empty pane to press on');
  // Frames with nothing happening, for reference: what this browser on this machine does at best.
  await bench.evaluate((b) => b.startFrames());
  await sleep(1_000);
  const idle = await bench.evaluate((b) => b.stopFrames());
  await bench.evaluate((b) => b.resetCounts());
  const mountedBefore = new Set(await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => node.dataset.id ?? '')));
  const viewportBefore = await bench.evaluate((b) => b.viewport());
  await bench.evaluate((b) => b.startFrames());
  const began = performance.now();
  let moves = 0;
  while (performance.now() - began < panMs) {
    await page.mouse.move(start.x, bottom);
    await page.mouse.down();
    for (let y = bottom - STEP; y >= top && performance.now() - began < panMs; y -= STEP) {
      const step = performance.now();
      await page.mouse.move(start.x, y);
      moves++;
      const wait = 16 - (performance.now() - step);
      if (wait > 0) await sleep(wait);
    }
    await page.mouse.up();
  }
  const durationMs = performance.now() - began;
  const deltas = await bench.evaluate((b) => b.stopFrames());
  const viewportAfter = await bench.evaluate((b) => b.viewport());
  const panCounts = await bench.evaluate((b) => b.counts());
  const panRendered = Object.keys(panCounts.renders);
  const mountedAfter = await page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
  return {
    zoom: viewportAfter.zoom,
    durationMs,
    pointerMoves: moves,
    screenPx: Math.round(viewportBefore.y - viewportAfter.y),
    flowPx: Math.round((viewportBefore.y - viewportAfter.y) / viewportAfter.zoom),
    idleMedianFrameMs: percentile(idle, 0.5),
    frames: deltas.length,
    medianFrameMs: percentile(deltas, 0.5),
    p95FrameMs: percentile(deltas, 0.95),
    maxFrameMs: Math.max(...deltas),
    framesOver50Ms: deltas.filter((d) => d > 50).length,
    nodesMounted: panRendered.filter((id) => !mountedBefore.has(id)).length,
    nodesReRendered: panRendered.filter((id) => mountedBefore.has(id)).length,
    nodesMountedAtEnd: mountedAfter,
  };
}

async function runCase(browser: Browser, url: string, record: WorkflowRecord, rate: number, loads: number, panMs: number): Promise<CanvasBench> {
  const runs: CanvasLoadFigures[] = [];
  let page: Page | undefined;
  for (let i = 0; i < loads; i++) {
    if (page) await page.context().close();
    page = await openCanvas(browser, url, record, rate);
    runs.push(await page.evaluate(() => (window.__canvasBench as CanvasBenchApi).loaded));
  }
  if (!page) throw new Error('no load');
  try {
    const bench = await api(page);

    // Drag: press on the step nearest the centre, move in 10 steps, release; count node renders.
    await settle(page);
    const target = await bench.evaluate((b) => b.dragTarget());
    if (!target) throw new Error('no step node in view to drag');
    const before = await bench.evaluate((b, id) => b.document([id]), target.id);
    await page.mouse.move(target.x, target.y);
    await settle(page);
    await bench.evaluate((b) => b.resetCounts());
    await page.mouse.down();
    await page.mouse.move(target.x + 60, target.y + 40, { steps: 10 });
    await page.mouse.up();
    await settle(page);
    const dragCounts = await bench.evaluate((b) => b.counts());
    const after = await bench.evaluate((b, id) => b.document([id]), target.id);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const movedFrom = before.positions[target.id];
    const movedTo = after.positions[target.id];

    const fitted = await pan(page, panMs);
    // Zoomed out, where a screen holds hundreds of nodes, drawn as plain boxes.
    await bench.evaluate((b, zoom) => b.zoomTo(zoom), ZOOMED_OUT);
    await settle(page);
    const zoomedOut = await pan(page, panMs);

    return {
      nodes: record.document.steps.length + 1,
      edges: record.document.edges.length,
      cpuThrottlingRate: rate,
      window: `${VIEWPORT.width}x${VIEWPORT.height}`,
      loads,
      moduleStartMs: median(runs.map((r) => r.moduleStartMs)),
      firstContentfulPaintMs: runs.every((r) => r.firstContentfulPaintMs !== null) ? median(runs.map((r) => r.firstContentfulPaintMs as number)) : null,
      firstNodeCommitMs: median(runs.map((r) => r.firstNodeCommitMs)),
      firstNodeFrameMs: median(runs.map((r) => r.firstNodeFrameMs)),
      nodesInViewMs: median(runs.map((r) => r.nodesInViewMs)),
      nodesInViewMsRuns: runs.map((r) => Math.round(r.nodesInViewMs)),
      nodesAtFirstCommit: Math.max(...runs.map((r) => r.nodesAtFirstCommit)),
      nodesRendered: runs.at(-1)?.nodesRendered ?? 0,
      nodesInView: runs.at(-1)?.nodesInView ?? 0,
      zoom: runs.at(-1)?.zoom ?? Number.NaN,
      drag: {
        nodeId: target.id,
        moved: movedFrom !== undefined && movedTo !== undefined && (movedFrom.x !== movedTo.x || movedFrom.y !== movedTo.y),
        edits: after.editSeq - before.editSeq,
        distinctNodesRendered: Object.keys(dragCounts.renders).length,
        renderedNodeIds: Object.keys(dragCounts.renders).slice(0, 10),
        totalRenders: sum(dragCounts.renders),
        draggedNodeRenders: dragCounts.renders[target.id] ?? 0,
        reactFlowCalls: sum(dragCounts.calls),
      },
      pan: fitted,
      panZoomedOut: zoomedOut,
    };
  } finally {
    await page.context().close();
  }
}
