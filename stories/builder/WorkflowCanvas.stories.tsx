import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Workflow } from '../../simulator/schema/workflow.ts';
import { validateWorkflow } from '../../simulator/validate/validateWorkflow.ts';
import type { WorkflowRecord } from '../../src/model/records.ts';
import { WorkflowCanvas } from '../../src/screens/builder/canvas/WorkflowCanvas.tsx';
import { useAppStore } from '../../src/state/StoreProvider.tsx';
import { canvasWorkflowRecord } from '../../test/bench/canvasWorkflow.ts';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { leadNurtureRecord } from '../fixtures/storedWorkflows.ts';

/** The canvas on the store's open document, with its problems per node as the builder computes them. */
function OpenCanvas() {
  const workflow = useAppStore((state) => state.document?.workflow ?? null);
  const problems = useMemo(() => problemsByNode(workflow), [workflow]);
  if (!workflow) return null;
  return (
    <div style={{ width: 1100, height: 700 }}>
      <ReactFlowProvider>
        <WorkflowCanvas workflow={workflow} problems={problems} />
      </ReactFlowProvider>
    </div>
  );
}

function problemsByNode(workflow: Workflow | null): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  if (!workflow) return byNode;
  for (const problem of validateWorkflow(workflow, { workflows: [] })) if (problem.stepId) byNode.set(problem.stepId, [...(byNode.get(problem.stepId) ?? []), problem.message]);
  return byNode;
}

function CanvasOn({ record }: { record: WorkflowRecord }) {
  return (
    <StoryApp setup={(store) => store.getState().openDocument(record)}>
      <OpenCanvas />
    </StoryApp>
  );
}

const meta = { title: 'Builder/WorkflowCanvas', component: CanvasOn, parameters: { layout: 'padded' } } satisfies Meta<typeof CanvasOn>;
export default meta;
type Story = StoryObj<typeof meta>;

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const zoomOf = (root: HTMLElement) => Number(/scale\(([\d.e+-]+)\)/.exec(root.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '')?.[1] ?? Number.NaN);
const plainNodes = (root: HTMLElement) => root.querySelectorAll('.flow-node--plain');
const fullNodes = (root: HTMLElement) => root.querySelectorAll('.flow-node:not(.flow-node--plain)');

/** Presses a zoom control (the Controls' own buttons, as a person does) until `done`, 50 ms apart; at most `times`. */
async function pressUntil(root: HTMLElement, name: 'Zoom In' | 'Zoom Out', done: () => boolean, times = 20) {
  const button = within(root).getByRole('button', { name });
  for (let i = 0; i < times && !done(); i++) {
    await userEvent.click(button);
    await sleep(50);
    await frame();
  }
  await waitFor(() => expect(done()).toBe(true));
}

/** Every edge drawn with a path that goes somewhere: React Flow found both its ends' handles. */
function expectEdgesDrawn(root: HTMLElement) {
  const paths = [...root.querySelectorAll<SVGPathElement>('.react-flow__edge-path')];
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) expect(path.getAttribute('d') ?? '').toMatch(/^M\s?-?\d/);
}

// ── stories ──────────────────────────────────────────────────────────────────────────────────

/** A Workflow of 320 nodes, past the 300 from which the canvas treats a graph as large. */
const LARGE = canvasWorkflowRecord(320, 0);

/**
 * A large graph zoomed out past 0.35: the nodes are plain boxes — no text, icon or handles, each
 * still named for screen readers — with their edges still meeting them; zoomed back in, the full
 * cards return. Ends zoomed out, as the picture shows.
 */
export const LargeGraphZoomedOut: Story = {
  args: { record: LARGE },
  play: async ({ canvasElement }) => {
    const root = canvasElement;
    await waitFor(() => expect(within(root).getByText('Update 0')).toBeVisible(), { timeout: 5000 });
    await expect(plainNodes(root)).toHaveLength(0);
    await expect(root.querySelectorAll('.react-flow__handle').length).toBeGreaterThan(0);

    await pressUntil(root, 'Zoom Out', () => plainNodes(root).length > 0);
    await waitFor(() => expect(fullNodes(root)).toHaveLength(0));
    await expect(zoomOf(root)).toBeLessThan(0.35);
    await expect(plainNodes(root).length).toBeGreaterThan(8);
    await expect(root.querySelectorAll('.react-flow__handle')).toHaveLength(0);
    await expect(within(root).queryByText('Update 0')).toBeNull();
    await expect(within(root).getByRole('img', { name: 'Trigger: Incoming message' })).toBeVisible();
    await expect(within(root).getByRole('img', { name: 'Send message: Update 0' })).toBeVisible();
    await expect(within(root).getByRole('img', { name: 'Ask a question: Ask 0' })).toBeVisible();
    await waitFor(() => expectEdgesDrawn(root));

    await pressUntil(root, 'Zoom In', () => plainNodes(root).length === 0);
    await expect(zoomOf(root)).toBeGreaterThanOrEqual(0.35);
    await waitFor(() => expect(within(root).getByText('Update 0')).toBeVisible());
    await expect(root.querySelectorAll('.react-flow__handle').length).toBeGreaterThan(0);

    await pressUntil(root, 'Zoom Out', () => plainNodes(root).length > 0);
    await waitFor(() => expectEdgesDrawn(root));
  },
};

/**
 * A small Workflow keeps its cards at any zoom: zoomed out as far as the canvas goes, the lead
 * nurture's nodes still show their labels and handles (Fit View takes a wide flow this far out).
 */
export const SmallGraphZoomedOut: Story = {
  args: { record: leadNurtureRecord },
  play: async ({ canvasElement }) => {
    const root = canvasElement;
    await waitFor(() => expect(within(root).getByText('Ask what they need')).toBeVisible(), { timeout: 5000 });
    await pressUntil(root, 'Zoom Out', () => zoomOf(root) < 0.2);
    await frame();
    await expect(plainNodes(root)).toHaveLength(0);
    await expect(within(root).getByText('Ask what they need')).toBeInTheDocument();
    await expect(root.querySelectorAll('.react-flow__handle').length).toBeGreaterThan(0);
  },
};

/**
 * A 5,000-node Workflow (the canvas bench's) opens, pans and zooms out without hanging: only the
 * nodes in view are mounted, a drag on the pane brings later steps into view, and zoomed out they
 * are plain boxes. Bounded waits, not timings.
 */
export const FiveThousandNodes: Story = {
  args: { record: canvasWorkflowRecord(5_000, 0) },
  play: async ({ canvasElement }) => {
    const root = canvasElement;
    await waitFor(() => expect(within(root).getByText('Update 0')).toBeVisible(), { timeout: 20_000 });
    const mounted = () => root.querySelectorAll('.react-flow__node').length;
    await expect(mounted()).toBeLessThan(100);
    await expect(mounted()).toBeGreaterThan(0);

    // Drag the empty pane upwards, three strokes, as a hand does (d3-zoom hears mouse events).
    const pane = root.querySelector<HTMLElement>('.react-flow__pane');
    if (!pane) throw new Error('no pane');
    const box = pane.getBoundingClientRect();
    const x = box.left + 80;
    const mouse = (type: string, y: number, buttons: number) =>
      new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view: window, clientX: x, clientY: y, button: 0, buttons });
    for (let stroke = 0; stroke < 3; stroke++) {
      pane.dispatchEvent(mouse('mousedown', box.bottom - 40, 1));
      for (let y = box.bottom - 80; y >= box.top + 40; y -= 40) {
        window.dispatchEvent(mouse('mousemove', y, 1));
        await frame();
      }
      window.dispatchEvent(mouse('mouseup', box.top + 40, 0));
      await frame();
    }
    await waitFor(() => expect(within(root).queryByText('Update 0')).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(within(root).getAllByText(/^Update [1-9]\d*$/)[0]).toBeVisible(), { timeout: 10_000 });
    await expect(mounted()).toBeLessThan(100);

    await pressUntil(root, 'Zoom Out', () => zoomOf(root) < 0.15, 30);
    await waitFor(() => expect(fullNodes(root)).toHaveLength(0), { timeout: 10_000 });
    await expect(plainNodes(root).length).toBeGreaterThan(20);
    await expect(mounted()).toBeLessThan(500);
    await waitFor(() => expectEdgesDrawn(root));
  },
};
