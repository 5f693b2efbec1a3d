/**
 * Runs in Chromium (test/bench/canvasBench.ts builds this page with the app's Vite config and
 * opens it): the builder's real `WorkflowCanvas` — inside a ReactFlowProvider and the app's
 * StoreProvider, the Workflow opened with the store's `openDocument` and its problems computed as
 * BuilderWorkspace does — filling the window. The Workflow record (1,000 nodes, auto-laid-out:
 * test/bench/canvasWorkflow.ts) is put on `window.__canvasBenchRecord` by the bench before the page
 * loads, as if read from IndexedDB (reading and parsing it are timed by the persistence line).
 *
 * The only difference from the app: `nodeTypes` are wrappers of the real StepNode and TriggerNode
 * that count renders per node id (see `counted`); they render exactly what the app renders.
 */
const moduleStartMs = performance.now();

import { ReactFlowProvider, useReactFlow, type NodeProps, type NodeTypes, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useMemo, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { validateWorkflow } from '../../../simulator/validate/validateWorkflow.ts';
import { StepNode } from '../../../src/parts/canvas/StepNode.tsx';
import { TriggerNode } from '../../../src/parts/canvas/TriggerNode.tsx';
import { WorkflowCanvas } from '../../../src/screens/builder/canvas/WorkflowCanvas.tsx';
import type { WorkflowRecord } from '../../../src/model/records.ts';
import { createAppStore } from '../../../src/state/appStore.ts';
import { StoreProvider, useAppStore } from '../../../src/state/StoreProvider.tsx';
import '../../../src/styles.css';
import '../../../src/ui/ui.css';

/** What the page measured while loading; times are ms since navigation start (`performance.timeOrigin`). */
export interface CanvasLoadFigures {
  /** This module's body starts: the HTML and the script fetched, parsed, every imported module evaluated. */
  readonly moduleStartMs: number;
  /** The browser's `first-contentful-paint` entry (anything drawn: here the canvas chrome, nodes still hidden). */
  readonly firstContentfulPaintMs: number | null;
  /** React committed the first `.react-flow__node` element (a MutationObserver callback). */
  readonly firstNodeCommitMs: number;
  /**
   * The first frame after that commit has been rendered: taken in a task posted from the first
   * requestAnimationFrame callback after the commit, so it runs after that frame's style, layout
   * and paint. React Flow mounts nodes hidden until it has measured them, so this is the first
   * paint with node elements, not yet the visible graph.
   */
  readonly firstNodeFrameMs: number;
  /**
   * The graph as the person first sees it: the first frame (timed as above) from which the
   * viewport transform (fitView) and the set of rendered nodes no longer change and every
   * rendered node is measured and visible — checked every frame until 30 frames in a row agree.
   */
  readonly nodesInViewMs: number;
  /** Node elements in that first commit, and the most mounted at once while loading. */
  readonly nodesAtFirstCommit: number;
  readonly nodesMountedAtMost: number;
  /** Node elements mounted once settled, and how many of those intersect the window. */
  readonly nodesRendered: number;
  readonly nodesInView: number;
  readonly zoom: number;
  readonly problems: number;
}

export interface RenderCounts {
  /** Renders of each node's component body (what StepNode's/TriggerNode's own memo lets through), per node id. */
  readonly renders: Record<string, number>;
  /** Times React Flow called the node type component for each id (a memo bail-out still counts here). */
  readonly calls: Record<string, number>;
}

export interface DocumentState {
  readonly editSeq: number;
  readonly positions: Record<string, { x: number; y: number } | undefined>;
}

export interface CanvasBenchApi {
  readonly loaded: Promise<CanvasLoadFigures>;
  resetCounts(): void;
  counts(): RenderCounts;
  document(ids: readonly string[]): DocumentState;
  /** The step node nearest the window's centre, with a point on it (not on a handle) to press. */
  dragTarget(): { id: string; x: number; y: number } | null;
  /** A point of the empty pane at about this height, away from the nodes, minimap and controls. */
  panePoint(y: number): { x: number; y: number } | null;
  viewport(): { x: number; y: number; zoom: number };
  /** Zooms about the window's centre (as the Controls' buttons do), at once. */
  zoomTo(zoom: number): Promise<void>;
  startFrames(): void;
  /** requestAnimationFrame timestamps since `startFrames`, as deltas (ms). */
  stopFrames(): number[];
}

declare global {
  interface Window {
    __canvasBenchRecord?: WorkflowRecord;
    __canvasBench?: CanvasBenchApi;
  }
}

// ── render counting ──────────────────────────────────────────────────────────────────────────

let renders = new Map<string, number>();
let calls = new Map<string, number>();
const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);

/**
 * A node type that renders `Inner` unchanged and counts: the outer function every time React Flow
 * renders the node, the inner one only when its props changed (shallowly, as `memo` compares) —
 * the same test StepNode's and TriggerNode's own `memo` make, so it counts exactly their renders.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React Flow's NodeTypes takes components of any node data
function counted(Inner: ComponentType<any>): ComponentType<NodeProps> {
  const Rendered = memo(function Rendered(props: NodeProps) {
    bump(renders, props.id);
    return <Inner {...props} />;
  });
  return function Called(props: NodeProps) {
    bump(calls, props.id);
    return <Rendered {...props} />;
  };
}

/** Module-level, like the canvas's own NODE_TYPES. */
const COUNTED_NODE_TYPES: NodeTypes = { step: counted(StepNode), trigger: counted(TriggerNode) };

// ── the page ─────────────────────────────────────────────────────────────────────────────────

const record = window.__canvasBenchRecord;
if (!record) throw new Error('the bench puts the Workflow record on window.__canvasBenchRecord before the page loads');
const store = createAppStore();
store.getState().openDocument(record);
let problemCount = 0;

let flow: ReactFlowInstance | null = null;

/** The canvas as BuilderWorkspace feeds it: the open document and its problems per node. */
function BenchCanvas() {
  flow = useReactFlow();
  const workflow = useAppStore((state) => state.document?.workflow ?? null);
  const problemsByNode = useMemo(() => {
    const byNode = new Map<string, string[]>();
    if (!workflow) return byNode;
    const problems = validateWorkflow(workflow, { workflows: [] });
    problemCount = problems.length;
    for (const problem of problems) if (problem.stepId) byNode.set(problem.stepId, [...(byNode.get(problem.stepId) ?? []), problem.message]);
    return byNode;
  }, [workflow]);
  if (!workflow) return null;
  return <WorkflowCanvas workflow={workflow} problems={problemsByNode} nodeTypes={COUNTED_NODE_TYPES} />;
}

// ── load timing ──────────────────────────────────────────────────────────────────────────────

/** Runs `then` in a task after the next frame has been rendered (rAF, then a posted message). */
function afterNextFrame(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  });
}

const nodeElements = () => document.querySelectorAll<HTMLElement>('.react-flow__node');
const viewportElement = () => document.querySelector<HTMLElement>('.react-flow__viewport');

const loaded = new Promise<CanvasLoadFigures>((resolve, reject) => {
  let firstNodeCommitMs = 0;
  let nodesAtFirstCommit = 0;
  let nodesMountedAtMost = 0;
  const samples: { t: number; state: string; settled: boolean }[] = [];
  const STABLE_FRAMES = 30;
  const sample = (firstNodeFrameMs: number) => {
    const t = performance.now();
    const nodes = nodeElements();
    nodesMountedAtMost = Math.max(nodesMountedAtMost, nodes.length);
    let hidden = 0;
    for (const node of nodes) if (node.style.visibility === 'hidden') hidden++;
    const state = `${viewportElement()?.style.transform ?? ''}|${nodes.length}|${hidden}`;
    samples.push({ t, state, settled: hidden === 0 && nodes.length > 0 });
    const last = samples.slice(-STABLE_FRAMES);
    if (last.length === STABLE_FRAMES && last.every((s) => s.settled && s.state === state)) {
      let first = samples.length - 1;
      while (first > 0 && samples[first - 1]?.state === state) first--;
      resolve(settledFigures({ firstNodeFrameMs, firstNodeCommitMs, nodesInViewMs: samples[first]?.t ?? t, nodesAtFirstCommit, nodesMountedAtMost }));
    } else if (t > 30_000) reject(new Error(`the canvas did not settle: ${state}`));
    else afterNextFrame(() => sample(firstNodeFrameMs));
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.react-flow__node')) return;
    observer.disconnect();
    firstNodeCommitMs = performance.now();
    nodesAtFirstCommit = nodeElements().length;
    nodesMountedAtMost = nodesAtFirstCommit;
    afterNextFrame(() => sample(performance.now()));
  });
  observer.observe(document.body, { childList: true, subtree: true });
});

type LoadTimes = Pick<CanvasLoadFigures, 'firstNodeFrameMs' | 'firstNodeCommitMs' | 'nodesInViewMs' | 'nodesAtFirstCommit' | 'nodesMountedAtMost'>;

function settledFigures(times: LoadTimes): CanvasLoadFigures {
  const nodes = nodeElements();
  let nodesInView = 0;
  for (const node of nodes) {
    const box = node.getBoundingClientRect();
    if (box.right > 0 && box.bottom > 0 && box.left < window.innerWidth && box.top < window.innerHeight) nodesInView++;
  }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    moduleStartMs,
    firstContentfulPaintMs: fcp ? fcp.startTime : null,
    ...times,
    nodesRendered: nodes.length,
    nodesInView,
    zoom: currentViewport().zoom,
    problems: problemCount,
  };
}

function currentViewport(): { x: number; y: number; zoom: number } {
  const match = /translate\((-?[\d.e+-]+)px, ?(-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(viewportElement()?.style.transform ?? '');
  return match ? { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) } : { x: Number.NaN, y: Number.NaN, zoom: Number.NaN };
}

// ── what the bench drives ────────────────────────────────────────────────────────────────────

let frames: number[] = [];
/** Bumped by each start and stop, so a frame callback of an earlier recording stops instead of recording twice. */
let recording = 0;
const recordFrom = (generation: number) => {
  const record = (time: number) => {
    if (generation !== recording) return;
    frames.push(time);
    requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
};

window.__canvasBench = {
  loaded,
  resetCounts() {
    renders = new Map();
    calls = new Map();
  },
  counts: () => ({ renders: Object.fromEntries(renders), calls: Object.fromEntries(calls) }),
  document(ids) {
    const open = store.getState().document;
    const positions: Record<string, { x: number; y: number } | undefined> = {};
    for (const id of ids) positions[id] = open?.workflow.steps.find((step) => step.id === id)?.position;
    return { editSeq: open?.editSeq ?? -1, positions };
  },
  dragTarget() {
    const centre = { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    let best: { id: string; x: number; y: number; distance: number } | null = null;
    for (const node of nodeElements()) {
      if (!node.classList.contains('react-flow__node-step')) continue;
      const box = node.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !node.contains(hit) || hit.closest('.react-flow__handle')) continue;
      const distance = Math.hypot(x - centre.x, y - centre.y);
      if (!best || distance < best.distance) best = { id: node.dataset.id ?? '', x, y, distance };
    }
    return best && { id: best.id, x: best.x, y: best.y };
  },
  panePoint(y) {
    for (let x = 120; x < window.innerWidth - 260; x += 20) {
      if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    }
    return null;
  },
  viewport: currentViewport,
  async zoomTo(zoom) {
    if (!flow) throw new Error('the canvas is not mounted');
    await flow.zoomTo(zoom);
  },
  startFrames() {
    frames = [];
    recording++;
    recordFrom(recording);
  },
  stopFrames() {
    recording++;
    return frames.slice(1).map((time, i) => time - (frames[i] as number));
  },
};

const root = document.getElementById('root');
if (!root) throw new Error('canvas.html has no #root');
createRoot(root).render(
  <StoreProvider store={store}>
    <ReactFlowProvider>
      <div style={{ position: 'fixed', inset: 0 }}>
        <BenchCanvas />
      </div>
    </ReactFlowProvider>
  </StoreProvider>,
);
