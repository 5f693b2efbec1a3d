import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BuilderWorkspace } from '../../src/screens/builder/BuilderWorkspace.tsx';
import type { AppStore } from '../../src/state/appStore.ts';
import { useAppStore } from '../../src/state/StoreProvider.tsx';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord, leadNurtureRecord } from '../fixtures/storedWorkflows.ts';

/** The other stored Workflows (targets of Trigger Workflow). */
const OTHER_WORKFLOWS = [leadNurtureRecord.document];

/** The workspace on the store's open document, in a box of fixed size so React Flow can measure. */
function OpenWorkspace() {
  const workflow = useAppStore((state) => state.document?.workflow);
  if (!workflow) return null;
  return (
    <div className="workspace-story" style={{ width: 1100, height: 700 }}>
      <style>{'.workspace-story .builder-workspace { height: 100%; }'}</style>
      <BuilderWorkspace workflow={workflow} otherWorkflows={OTHER_WORKFLOWS} />
    </div>
  );
}

/**
 * The builder's work area — palette, canvas, inspector, problems — on the bundled 24h follow-up
 * (trigger → ack → wait → check-in → done), edited through the store like the builder screen.
 */
function WorkspaceOnFollowUp({ setup }: { setup?: (store: AppStore) => void }) {
  return (
    <StoryApp
      setup={(store) => {
        store.getState().openDocument(followUpRecord);
        setup?.(store);
      }}
    >
      <OpenWorkspace />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/BuilderWorkspace',
  component: WorkspaceOnFollowUp,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof WorkspaceOnFollowUp>;

export default meta;
type Story = StoryObj<typeof meta>;

// ── helpers: the canvas as a person sees it, and drags as a hand does ─────────────────────────

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Lets the browser paint (and React Flow and dnd-kit measure) before the next step. */
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

const centre = (element: Element): Point => {
  const box = element.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
};

/** A step's node on the canvas (the StepNode's own test id). */
function nodeOf(root: HTMLElement, id: string): HTMLElement {
  const node = root.querySelector<HTMLElement>(`[data-testid="node-${id}"]`);
  if (!node) throw new Error(`No node "${id}" on the canvas`);
  return node;
}

/** A handle of a node: its input (`target`) or one of its outputs (`source`). */
function handleOf(root: HTMLElement, id: string, type: 'source' | 'target'): HTMLElement {
  const handle = nodeOf(root, id).querySelector<HTMLElement>(`.react-flow__handle.${type}`);
  if (!handle) throw new Error(`Node "${id}" has no ${type} handle`);
  return handle;
}

const edgeCount = (root: HTMLElement) => root.querySelectorAll('.react-flow__edge').length;

/** Waits until the canvas shows the nodes and has finished fitting them into view. */
async function canvasReady(root: HTMLElement, ids: readonly string[]) {
  for (const id of ids) await waitFor(() => expect(nodeOf(root, id)).toBeVisible(), { timeout: 5000 });
  await viewportSettled(root);
}

/** Waits until the canvas's pan and zoom stop changing (after fitting the view, say). */
async function viewportSettled(root: HTMLElement) {
  const viewport = () => root.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  let before = '';
  await waitFor(
    async () => {
      before = viewport();
      await frame();
      await expect(viewport()).toBe(before);
      await expect(before).not.toBe('');
    },
    { timeout: 5000 },
  );
}

const pointer = (type: string, at: Point, buttons: number) =>
  new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, view: window, clientX: at.x, clientY: at.y, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons });
const mouse = (type: string, at: Point, buttons: number) => new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view: window, clientX: at.x, clientY: at.y, button: 0, buttons });

/** `distance` px from `from` towards `to`: a first small move, past the drag libraries' thresholds. */
function nudge(from: Point, to: Point, distance = 8): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) * distance) / length, y: from.y + ((to.y - from.y) * distance) / length };
}

const between = (from: Point, to: Point, share: number): Point => ({ x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share });

/**
 * Drags a palette item to a point, as dnd-kit's PointerSensor hears it: pointerdown on the item,
 * then pointermove and pointerup on the document.
 */
async function dragPaletteItem(item: HTMLElement, to: Point, steps = 8) {
  const from = centre(item);
  item.dispatchEvent(pointer('pointerdown', from, 1));
  await frame();
  document.dispatchEvent(pointer('pointermove', nudge(from, to), 1));
  await frame();
  for (let i = 1; i <= steps; i++) {
    document.dispatchEvent(pointer('pointermove', between(from, to, i / steps), 1));
    await frame();
  }
  await frame();
  document.dispatchEvent(pointer('pointerup', to, 0));
  await frame();
}

/**
 * Draws a connection from one handle to another, as React Flow hears it: mousedown on the first
 * handle, then mousemove and mouseup on the document. Aims at where the target handle is at each
 * step, as a hand does: starting near the canvas's edge pans it (React Flow's auto-pan).
 */
async function connectHandles(from: HTMLElement, to: HTMLElement, steps = 8) {
  const start = centre(from);
  from.dispatchEvent(mouse('mousedown', start, 1));
  await frame();
  document.dispatchEvent(mouse('mousemove', nudge(start, centre(to)), 1));
  await frame();
  for (let i = 1; i <= steps; i++) {
    document.dispatchEvent(mouse('mousemove', between(start, centre(to), i / steps), 1));
    await frame();
  }
  // Once more where the handle is now, in case the canvas was still panning.
  const end = centre(to);
  document.dispatchEvent(mouse('mousemove', end, 1));
  await frame();
  document.dispatchEvent(mouse('mouseup', end, 0));
  await frame();
}

/** Drags a node on the canvas by an offset, as React Flow's node drag (d3-drag) hears it: mouse events. */
async function dragBy(node: HTMLElement, offset: Point, steps = 8) {
  const from = centre(node);
  const to = { x: from.x + offset.x, y: from.y + offset.y };
  node.dispatchEvent(mouse('mousedown', from, 1));
  await frame();
  document.dispatchEvent(mouse('mousemove', nudge(from, to), 1));
  await frame();
  for (let i = 1; i <= steps; i++) {
    document.dispatchEvent(mouse('mousemove', between(from, to, i / steps), 1));
    await frame();
  }
  document.dispatchEvent(mouse('mouseup', to, 0));
  await frame();
}

/**
 * A spot on the canvas clear of every edge: near its right side, a third of the way down (a node
 * dropped there may overlap the follow-up's column of nodes a little at the fitted zoom).
 */
function freeSpot(root: HTMLElement): Point {
  const canvas = root.querySelector('.builder-canvas')?.getBoundingClientRect();
  const node = nodeOf(root, 'ack').getBoundingClientRect();
  if (!canvas) throw new Error('No canvas');
  return { x: canvas.right - node.width / 2 - 20, y: canvas.top + canvas.height / 3 };
}

const FOLLOW_UP_NODES = ['trigger', 'ack', 'wait', 'check-in', 'done'];

// ── stories ───────────────────────────────────────────────────────────────────────────────────

/** The follow-up as opened: every part of the workspace, nothing selected, no problems. */
export const FollowUp: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    await expect(canvas.getByRole('navigation', { name: 'Steps' })).toBeVisible();
    await expect(canvasElement.querySelector('.react-flow')).toHaveAttribute('aria-label', 'Workflow canvas');
    await expect(edgeCount(canvasElement)).toBe(4);
    await expect(canvas.getByRole('region', { name: 'Inspector' })).toHaveTextContent('Select a step on the canvas to set it up.');
    await expect(canvas.getByRole('region', { name: 'Problems' })).toHaveTextContent('No problems: this Workflow can be published.');
  },
};

/** Selecting a node (here in the store, as a click does) opens its set-up in the inspector. */
export const StepSelected: Story = {
  args: { setup: (store) => store.getState().select({ nodeIds: ['wait'], edgeIds: [] }) },
  play: async ({ canvasElement }) => {
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    await expect(nodeOf(canvasElement, 'wait')).toHaveClass('flow-node--selected');
    const inspector = within(within(canvasElement).getByRole('region', { name: 'Inspector' }));
    await expect(inspector.getByRole('heading', { name: 'Wait' })).toBeVisible();
    await expect(inspector.getByLabelText('Duration')).toHaveValue('24h');
  },
};

/** Dragging "Wait" from the palette onto the canvas adds a step there and selects it. */
export const DragFromPalette: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    const item = within(canvas.getByRole('navigation', { name: 'Steps' })).getByRole('button', { name: 'Wait' });
    const drop = freeSpot(canvasElement);
    await dragPaletteItem(item, drop);

    await waitFor(() => expect(nodeOf(canvasElement, 'wait-1')).toBeVisible());
    await expect(nodeOf(canvasElement, 'wait-1')).toHaveClass('flow-node--selected');
    const inspector = within(canvas.getByRole('region', { name: 'Inspector' }));
    await expect(inspector.getByRole('heading', { name: 'Wait' })).toBeVisible();
    await expect(inspector.getByLabelText('Label')).toHaveValue('Wait');
    await expect(inspector.getByLabelText('Duration')).toHaveValue('1h');
    // Dropped away from every edge: added on its own, so nothing leads to it yet.
    await expect(edgeCount(canvasElement)).toBe(4);
    await expect(canvas.getByRole('region', { name: 'Problems' })).toHaveTextContent('"Wait" cannot be reached from the trigger');
    // The step is centred where it was dropped (give or take the snap to the grid).
    const box = nodeOf(canvasElement, 'wait-1').getBoundingClientRect();
    await expect(Math.abs(box.left + box.width / 2 - drop.x)).toBeLessThanOrEqual(15);
    await expect(drop.y).toBeGreaterThan(box.top);
    await expect(drop.y).toBeLessThan(box.bottom);
  },
};

/** Dropped onto an edge, a step goes into it: Acknowledge → the new step → Wait 24h. */
export const DropOntoEdge: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    const item = within(canvas.getByRole('navigation', { name: 'Steps' })).getByRole('button', { name: 'Send message' });
    // Half-way down the edge from Acknowledge's output to Wait 24h's input.
    await dragPaletteItem(item, between(centre(handleOf(canvasElement, 'ack', 'source')), centre(handleOf(canvasElement, 'wait', 'target')), 0.5));

    await waitFor(() => expect(nodeOf(canvasElement, 'send-message-1')).toBeVisible());
    await waitFor(() => expect(edgeCount(canvasElement)).toBe(5));
    const edges = [...canvasElement.querySelectorAll('.react-flow__edge')].map((edge) => edge.getAttribute('aria-label'));
    await expect(edges).toContain('Edge from ack to send-message-1');
    await expect(edges).toContain('Edge from send-message-1 to wait');
    await expect(edges).not.toContain('Edge from ack to wait');
    // Reached, but a new message has no text yet.
    const problems = within(canvas.getByRole('region', { name: 'Problems' }));
    await expect(problems.getAllByRole('button').map((problem) => problem.textContent?.trim())).toEqual(['"Send message" has no message text']);
  },
};

/** A new step joined into the Workflow by drawing connections from handle to handle. */
export const ConnectNewStep: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const problems = within(canvas.getByRole('region', { name: 'Problems' }));
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    await dragPaletteItem(within(canvas.getByRole('navigation', { name: 'Steps' })).getByRole('button', { name: 'Add comment' }), freeSpot(canvasElement));
    await waitFor(() => expect(nodeOf(canvasElement, 'add-comment-1')).toBeVisible());
    await expect(problems.getByText('"Add comment" cannot be reached from the trigger')).toBeVisible();

    // Follow-up → the comment: an output leads to one step, so this replaces Follow-up → End.
    await connectHandles(handleOf(canvasElement, 'check-in', 'source'), handleOf(canvasElement, 'add-comment-1', 'target'));
    await waitFor(() => expect(problems.queryByText('"Add comment" cannot be reached from the trigger')).toBeNull());
    await expect(problems.getByText('"End" cannot be reached from the trigger')).toBeVisible();
    await expect(edgeCount(canvasElement)).toBe(4);

    // The comment → End: one more edge, and nothing is left unreachable.
    await connectHandles(handleOf(canvasElement, 'add-comment-1', 'source'), handleOf(canvasElement, 'done', 'target'));
    await waitFor(() => expect(edgeCount(canvasElement)).toBe(5));
    await waitFor(() => expect(problems.getByText('No problems: this Workflow can be published.')).toBeVisible());
  },
};

/** Enter on a palette item adds the step below the selected one; a connection is drawn to it. */
export const AddWithEnterThenConnect: Story = {
  args: { setup: (store) => store.getState().select({ nodeIds: ['done'], edgeIds: [] }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const problems = within(canvas.getByRole('region', { name: 'Problems' }));
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    within(canvas.getByRole('navigation', { name: 'Steps' })).getByRole('button', { name: 'Close conversation' }).focus();
    await userEvent.keyboard('{Enter}');
    // End has no output to join it to: the step is added below it, on its own, and selected.
    await waitFor(() => expect(nodeOf(canvasElement, 'close-conversation-1')).toBeVisible());
    await expect(within(canvas.getByRole('region', { name: 'Inspector' })).getByRole('heading', { name: 'Close conversation' })).toBeVisible();
    await expect(problems.getByText('"Close conversation" cannot be reached from the trigger')).toBeVisible();
    await expect(nodeOf(canvasElement, 'close-conversation-1').getBoundingClientRect().top).toBeGreaterThan(nodeOf(canvasElement, 'done').getBoundingClientRect().bottom);
    // Fit the view to reach every handle on the way.
    await userEvent.click(canvas.getByRole('button', { name: 'Fit View' }));
    await viewportSettled(canvasElement);

    // Reconnect Follow-up to the new step, then the new step to End.
    await connectHandles(handleOf(canvasElement, 'check-in', 'source'), handleOf(canvasElement, 'close-conversation-1', 'target'));
    await waitFor(() => expect(problems.queryByText('"Close conversation" cannot be reached from the trigger')).toBeNull());
    await connectHandles(handleOf(canvasElement, 'close-conversation-1', 'source'), handleOf(canvasElement, 'done', 'target'));
    await waitFor(() => expect(edgeCount(canvasElement)).toBe(5));
    await waitFor(() => expect(problems.getByText('No problems: this Workflow can be published.')).toBeVisible());
  },
};

/** Whether an element is drawn whole inside the canvas (the part of the workspace React Flow draws in). */
function wholeInCanvas(root: HTMLElement, element: Element): boolean {
  const pane = root.querySelector('.react-flow')?.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return pane !== undefined && box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom;
}

/**
 * A step added with Enter below End, the last node in view, and the When stopped entry added
 * beside the flow from the palette: each is placed out of sight, and the canvas pans (at the same
 * zoom) until it is shown whole.
 */
export const AddedStepIsBroughtIntoView: Story = {
  args: { setup: (store) => store.getState().select({ nodeIds: ['done'], edgeIds: [] }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const palette = within(canvas.getByRole('navigation', { name: 'Steps' }));
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    const zoom = canvasElement.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform.match(/scale\(([^)]+)\)/)?.[1];
    palette.getByRole('button', { name: 'Close conversation' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(nodeOf(canvasElement, 'close-conversation-1')).toBeInTheDocument());
    await viewportSettled(canvasElement);
    await waitFor(() => expect(wholeInCanvas(canvasElement, nodeOf(canvasElement, 'close-conversation-1'))).toBe(true));
    await expect(canvasElement.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform).toContain(`scale(${zoom})`);

    await userEvent.click(palette.getByRole('button', { name: 'When stopped' }));
    await waitFor(() => expect(nodeOf(canvasElement, 'when-stopped')).toBeInTheDocument());
    await viewportSettled(canvasElement);
    await waitFor(() => expect(wholeInCanvas(canvasElement, nodeOf(canvasElement, 'when-stopped'))).toBe(true));
  },
};

/** Delete a selected step with the Delete key; Ctrl+Z brings it back with its edges. */
export const DeleteAndUndo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const problems = within(canvas.getByRole('region', { name: 'Problems' }));
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    await userEvent.click(nodeOf(canvasElement, 'wait'));
    await waitFor(() => expect(nodeOf(canvasElement, 'wait')).toHaveClass('flow-node--selected'));
    await expect(within(canvas.getByRole('region', { name: 'Inspector' })).getByRole('heading', { name: 'Wait' })).toBeVisible();

    await userEvent.keyboard('{Delete}');
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="node-wait"]')).toBeNull());
    await expect(edgeCount(canvasElement)).toBe(2);
    await expect(problems.getByText('"Follow-up" cannot be reached from the trigger')).toBeVisible();

    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(nodeOf(canvasElement, 'wait')).toBeVisible());
    await waitFor(() => expect(edgeCount(canvasElement)).toBe(4));
    await expect(problems.getByText('No problems: this Workflow can be published.')).toBeVisible();

    // And Shift+Ctrl+Z deletes it again.
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="node-wait"]')).toBeNull());
  },
};

/**
 * A step deleted with the canvas's Delete or Backspace key leaves the selection: the next step
 * clicked opens alone in the inspector (not as "2 steps selected"), also after deleting a step of
 * the When stopped path, whose palette limits (no Wait there) end with it.
 */
export const DeleteKeyLetsGoOfTheStep: Story = {
  args: {
    setup: (store) =>
      store.getState().editWorkflow((workflow) => ({
        ...workflow,
        whenStopped: { id: 'when-stopped', label: '', position: { x: 400, y: 0 } },
        steps: [...workflow.steps, { id: 'note', type: 'add_comment', label: 'Note', text: 'Stopped', position: { x: 400, y: 160 } }],
        edges: [...workflow.edges, { id: 'w-entry', source: 'when-stopped', sourceHandle: 'next', target: 'note' }],
      })),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const inspector = within(canvas.getByRole('region', { name: 'Inspector' }));
    const waitItem = () => within(canvas.getByRole('navigation', { name: 'Steps' })).getByRole('button', { name: 'Wait' });
    await canvasReady(canvasElement, [...FOLLOW_UP_NODES, 'when-stopped', 'note']);

    await userEvent.click(nodeOf(canvasElement, 'check-in'));
    await waitFor(() => expect(nodeOf(canvasElement, 'check-in')).toHaveClass('flow-node--selected'));
    await userEvent.keyboard('{Delete}');
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="node-check-in"]')).toBeNull());
    await userEvent.click(nodeOf(canvasElement, 'ack'));
    await waitFor(() => expect(inspector.getByRole('heading', { name: 'Send message' })).toBeVisible());
    await expect(inspector.queryByText(/steps selected/)).toBeNull();

    // A step of the When stopped path, with Backspace: while it is selected the palette refuses a Wait.
    await userEvent.click(nodeOf(canvasElement, 'note'));
    await waitFor(() => expect(waitItem()).toHaveAttribute('aria-disabled', 'true'));
    await userEvent.keyboard('{Backspace}');
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="node-note"]')).toBeNull());
    await userEvent.click(nodeOf(canvasElement, 'wait'));
    await waitFor(() => expect(inspector.getByRole('heading', { name: 'Wait' })).toBeVisible());
    await expect(inspector.queryByText(/steps selected/)).toBeNull();
    await expect(waitItem()).not.toHaveAttribute('aria-disabled');
  },
};

/** Moving a node is one undo step, however many moves the drag made. */
export const MoveAndUndo: Story = {
  play: async ({ canvasElement }) => {
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    const wrapper = () => canvasElement.querySelector<HTMLElement>('[data-testid="rf__node-check-in"]');
    const before = wrapper()?.style.transform;
    const left = nodeOf(canvasElement, 'check-in').getBoundingClientRect().left;
    await dragBy(nodeOf(canvasElement, 'check-in'), { x: 120, y: 0 });
    await waitFor(() => expect(wrapper()?.style.transform).not.toBe(before));
    await expect(nodeOf(canvasElement, 'check-in').getBoundingClientRect().left).toBeGreaterThan(left + 60);
    // Still connected: the edges follow the node.
    await expect(edgeCount(canvasElement)).toBe(4);

    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(wrapper()?.style.transform).toBe(before));
  },
};

/** A click on a problem selects the step it is about. */
export const ShowProblem: Story = {
  args: {
    setup: (store) =>
      store.getState().editWorkflow((workflow) => ({ ...workflow, steps: workflow.steps.map((step) => (step.id === 'check-in' && step.type === 'send_message' ? { ...step, text: '' } : step)) })),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvasReady(canvasElement, FOLLOW_UP_NODES);
    await expect(within(nodeOf(canvasElement, 'check-in')).getByRole('img', { name: '1 problem: "Follow-up" has no message text' })).toBeVisible();
    await userEvent.click(within(canvas.getByRole('region', { name: 'Problems' })).getByRole('button', { name: '"Follow-up" has no message text' }));
    await waitFor(() => expect(nodeOf(canvasElement, 'check-in')).toHaveClass('flow-node--selected'));
    const inspector = within(canvas.getByRole('region', { name: 'Inspector' }));
    await expect(inspector.getByRole('heading', { name: 'Send message' })).toBeVisible();
    await expect(inspector.getByLabelText('Message')).toHaveValue('');
  },
};
