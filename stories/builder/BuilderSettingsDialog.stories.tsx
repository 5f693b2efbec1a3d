import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createWorkflow } from '../../src/persistence/workflowRepository.ts';
import type { ExitflowDb } from '../../src/persistence/db.ts';
import { BuilderScreen } from '../../src/screens/builder/BuilderScreen.tsx';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { followUpRecord } from '../fixtures/storedWorkflows.ts';
import { fullWindow } from '../fixtures/fullWindow.tsx';

const at = Date.UTC(2026, 10, 20, 9, 30);

/** The builder on the stored follow-up (its own database per story): the toolbar's Workflow settings over the canvas. */
function BuilderOnFollowUp() {
  return (
    <StoryApp seed={(db: ExitflowDb) => createWorkflow(db, followUpRecord.document, at)} path="/builder/follow-up">
      <BuilderScreen workflowId="follow-up" />
    </StoryApp>
  );
}

const meta = {
  title: 'Builder/BuilderSettingsDialog',
  component: BuilderOnFollowUp,
  parameters: { layout: 'fullscreen' },
  decorators: [fullWindow],
} satisfies Meta<typeof BuilderOnFollowUp>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One press of the mouse at a point, as the browser delivers it to whatever is there now; `count` is the click's place in a double click. */
function pressAt(at: { x: number; y: number }, count: 1 | 2) {
  const target = document.elementFromPoint(at.x, at.y);
  if (!target) throw new Error(`Nothing at ${at.x}, ${at.y}`);
  const init = { bubbles: true, cancelable: true, composed: true, view: window, clientX: at.x, clientY: at.y, button: 0, detail: count };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
  target.dispatchEvent(new MouseEvent('mousedown', { ...init, buttons: 1 }));
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
  target.dispatchEvent(new MouseEvent('mouseup', { ...init, buttons: 0 }));
  target.dispatchEvent(new MouseEvent('click', { ...init, buttons: 0 }));
  if (count === 2) target.dispatchEvent(new MouseEvent('dblclick', { ...init, buttons: 0 }));
}

/**
 * A double click on "Add a When stopped path": the first click adds the entry, selected, and
 * closes the settings dialog; the second lands where the dialog was, on the canvas, and does
 * nothing there — the entry stays selected. A click on the canvas a moment later is the person's.
 */
export const DoubleClickOnAddAWhenStoppedPath: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(document.body);
    const inspector = () => within(canvas.getByRole('region', { name: 'Inspector' }));
    await canvas.findByLabelText('Workflow name', {}, { timeout: 5000 });
    await waitFor(() => expect(canvasElement.querySelector('[data-testid="node-check-in"]')).not.toBeNull(), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Workflow settings' }));
    const dialog = await body.findByRole('dialog', { name: 'Workflow settings' });
    const add = within(dialog).getByRole('button', { name: 'Add a When stopped path' });
    add.scrollIntoView({ block: 'center' });
    const box = add.getBoundingClientRect();
    const at = { x: box.left + box.width / 2, y: box.top + box.height / 2 };

    pressAt(at, 1);
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(inspector().getByRole('heading', { name: 'When stopped' })).toBeVisible());
    // What the second click meets: the canvas the dialog covered.
    await expect(document.elementFromPoint(at.x, at.y)?.closest('.react-flow')).not.toBeNull();
    pressAt(at, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(inspector().queryByRole('heading', { name: 'When stopped' }), 'the entry still selected after the second click').toBeVisible();

    await new Promise((resolve) => setTimeout(resolve, 500));
    await userEvent.click(canvasElement.querySelector('[data-testid="node-check-in"]') as HTMLElement);
    await waitFor(() => expect(inspector().getByRole('heading', { name: 'Send message' })).toBeVisible());
  },
};

