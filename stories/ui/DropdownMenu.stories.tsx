import type { Meta, StoryObj } from '@storybook/react-vite';
import { Archive, Copy, FolderOpen, Pencil, Trash2 } from 'lucide-react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { DropdownMenu, type MenuItem } from '../../src/ui/DropdownMenu.tsx';

const meta = {
  title: 'UI/DropdownMenu',
  component: DropdownMenu,
  args: {
    label: 'Actions for Lead nurture',
    items: [
      { label: 'Open', icon: <FolderOpen size={16} />, onSelect: fn() },
      { label: 'Rename', icon: <Pencil size={16} />, onSelect: fn() },
      { label: 'Duplicate', icon: <Copy size={16} />, onSelect: fn() },
      { label: 'Archive', icon: <Archive size={16} />, onSelect: fn(), disabled: true },
      { kind: 'separator' },
      { label: 'Delete', icon: <Trash2 size={16} />, onSelect: fn(), tone: 'danger' },
    ],
  },
} satisfies Meta<typeof DropdownMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The spy behind the item with this label. */
function onSelectOf(items: readonly MenuItem[], label: string) {
  const item = items.find((candidate) => candidate.kind !== 'separator' && candidate.label === label);
  if (!item || item.kind === 'separator') throw new Error(`No menu item "${label}"`);
  return item.onSelect;
}

/** A click opens the menu of row actions; choosing one runs it and closes the menu. */
export const RowActions: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Actions for Lead nurture' }));
    const menu = await screen.findByRole('menu', { name: 'Actions for Lead nurture' });
    const names = within(menu)
      .getAllByRole('menuitem')
      .map((item) => item.textContent);
    await expect(names).toEqual(['Open', 'Rename', 'Duplicate', 'Archive', 'Delete']);
    await expect(within(menu).getByRole('menuitem', { name: 'Archive' })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Rename' }));
    await expect(onSelectOf(args.items, 'Rename')).toHaveBeenCalledOnce();
    await expect(onSelectOf(args.items, 'Open')).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  },
};

/** Enter opens it, the arrow keys move (skipping the disabled item), Enter selects. */
export const Keyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Actions for Lead nurture' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: 'Open' })).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await expect(within(menu).getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(onSelectOf(args.items, 'Delete')).toHaveBeenCalledOnce();
    await expect(onSelectOf(args.items, 'Archive')).not.toHaveBeenCalled();
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** ArrowDown opens it too; Escape closes it without choosing, and focus returns to the trigger. */
export const EscapeCloses: Story = {
  play: async ({ canvasElement, args }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Actions for Lead nurture' });
    trigger.focus();
    await userEvent.keyboard('{ArrowDown}');
    await screen.findByRole('menu');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    for (const item of args.items) if (item.kind !== 'separator') await expect(item.onSelect).not.toHaveBeenCalled();
  },
};

/** Any element can open it, here a text button at the start edge. */
export const CustomTrigger: Story = {
  args: {
    align: 'start',
    trigger: (
      <button type="button" className="ui-button">
        Actions
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Actions' }));
    await expect(await screen.findByRole('menu', { name: 'Actions for Lead nurture' })).toBeVisible();
    // Closed again before the axe check: an open modal menu hides the page (aria-hidden) around its focusable trigger.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
  },
};
