import { DndContext, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StepPalette } from '../../src/screens/builder/palette/StepPalette.tsx';
import { STEP_KINDS } from '../../src/parts/canvas/steps/stepKinds.ts';
import { NOT_ON_WHEN_STOPPED, ONE_WHEN_STOPPED } from '../../src/screens/builder/palette/paletteAvailability.ts';

const GROUPS = ['Messages', 'Timing', 'Logic', 'Contact', 'Conversation', 'Flow'] as const;

/** The palette inside a drag context with the workspace's sensors: pointer only, so Enter is the palette's own. */
function PaletteInContext(props: Parameters<typeof StepPalette>[0]) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  return (
    <DndContext sensors={sensors}>
      <div style={{ width: '13rem' }}>
        <StepPalette {...props} />
      </div>
    </DndContext>
  );
}

const meta = {
  title: 'Builder/StepPalette',
  component: PaletteInContext,
  args: { onAdd: fn(), onAddWhenStopped: fn(), hasWhenStopped: false, unavailable: new Map() },
} satisfies Meta<typeof PaletteInContext>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every kind of step, in its group, each with its description. */
export const AllSteps: Story = {
  play: async ({ canvasElement }) => {
    const palette = within(canvasElement).getByRole('navigation', { name: 'Steps' });
    for (const group of GROUPS) {
      const section = within(palette).getByRole('region', { name: group });
      const kinds = STEP_KINDS.filter((kind) => kind.group === group);
      const items = within(section).getAllByRole('button');
      await expect(items.map((item) => item.textContent?.trim())).toEqual(kinds.map((kind) => kind.name));
      for (const kind of kinds) await expect(within(section).getByRole('button', { name: kind.name })).toHaveAccessibleDescription(kind.description);
    }
    const afterStop = within(palette).getByRole('region', { name: 'After a stop' });
    await expect(within(afterStop).getByRole('button', { name: 'When stopped' })).toHaveAccessibleDescription('Runs once, right after a run of this Workflow is stopped');
    await expect(within(palette).getAllByRole('button')).toHaveLength(STEP_KINDS.length + 1);
  },
};

/** The When stopped entry adds itself when the Workflow has none, and is disabled, saying why, when it has its one. */
export const WhenStoppedOnce: Story = {
  args: { hasWhenStopped: true },
  play: async ({ canvasElement, args }) => {
    const entry = within(canvasElement).getByRole('button', { name: 'When stopped' });
    await expect(entry).toHaveAttribute('aria-disabled', 'true');
    await expect(entry).toHaveAccessibleDescription(`Runs once, right after a run of this Workflow is stopped. ${ONE_WHEN_STOPPED}`);
    await userEvent.click(entry);
    await expect(args.onAddWhenStopped).not.toHaveBeenCalled();
  },
};

/** On the When stopped path: Wait, Ask a question and Jump to are greyed out with the reason, the rest still add. */
export const OnWhenStoppedPath: Story = {
  args: {
    unavailable: new Map(STEP_KINDS.filter((kind) => ['wait', 'ask_question', 'jump_to'].includes(kind.type)).map((kind) => [kind.type, NOT_ON_WHEN_STOPPED])),
  },
  play: async ({ canvasElement, args }) => {
    const palette = within(canvasElement).getByRole('navigation', { name: 'Steps' });
    const wait = within(palette).getByRole('button', { name: 'Wait' });
    await expect(wait).toHaveAttribute('aria-disabled', 'true');
    await expect(wait).toHaveAccessibleDescription(expect.stringContaining(NOT_ON_WHEN_STOPPED));
    await userEvent.click(wait);
    await expect(args.onAdd).not.toHaveBeenCalled();
    await expect(within(palette).getByRole('button', { name: 'Send message' })).not.toHaveAttribute('aria-disabled');
    await userEvent.click(within(palette).getByRole('button', { name: 'Stop reason branch' }));
    await expect(args.onAdd).toHaveBeenCalledWith('stop_reason_branch');
  },
};

/** A click on an item adds that kind of step. */
export const ClickAdds: Story = {
  play: async ({ canvasElement, args }) => {
    const palette = within(canvasElement).getByRole('navigation', { name: 'Steps' });
    await userEvent.click(within(palette).getByRole('button', { name: 'Wait' }));
    await expect(args.onAdd).toHaveBeenCalledOnce();
    await expect(args.onAdd).toHaveBeenCalledWith('wait');
    await userEvent.click(within(palette).getByRole('button', { name: 'Trigger Workflow' }));
    await expect(args.onAdd).toHaveBeenLastCalledWith('trigger_workflow');
  },
};

/** Keyboard: Tab to an item and press Enter (or Space) to add it; nothing starts a drag. */
export const EnterAdds: Story = {
  play: async ({ canvasElement, args }) => {
    const palette = within(canvasElement).getByRole('navigation', { name: 'Steps' });
    await userEvent.tab();
    await expect(within(palette).getByRole('button', { name: 'Send message' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onAdd).toHaveBeenCalledOnce();
    await expect(args.onAdd).toHaveBeenCalledWith('send_message');
    const branch = within(palette).getByRole('button', { name: 'Branch' });
    branch.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onAdd).toHaveBeenLastCalledWith('branch');
    await userEvent.keyboard(' ');
    await expect(args.onAdd).toHaveBeenCalledTimes(3);
    await expect(branch).not.toHaveClass('palette__item--dragging');
  },
};
