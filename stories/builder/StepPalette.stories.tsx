import { DndContext, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StepPalette } from '../../src/screens/builder/palette/StepPalette.tsx';
import { STEP_KINDS } from '../../src/parts/canvas/steps/stepKinds.ts';

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
  args: { onAdd: fn() },
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
    await expect(within(palette).getAllByRole('button')).toHaveLength(STEP_KINDS.length);
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
