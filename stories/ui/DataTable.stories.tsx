import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { DataTable } from '../../src/ui/DataTable.tsx';

const people = [
  ['Dana', 'Stopped', '+3m'],
  ['Omar', 'Active', '+1d2h'],
  ['Lee', 'Completed', '+2d'],
] as const;

function PeopleTable({ onMore, total }: { onMore: (count: number) => void; total: number }) {
  return (
    <DataTable title="Runs" columns={['Contact', 'Status', { key: 'when', label: 'When', hidden: true }]} limit={{ shown: people.length, total, what: 'runs', onMore }}>
      {people.map(([name, status, when]) => (
        <tr key={name}>
          <th scope="row">{name}</th>
          <td>{status}</td>
          <td>{when}</td>
        </tr>
      ))}
    </DataTable>
  );
}

const meta = {
  title: 'UI/DataTable',
  component: PeopleTable,
  args: { onMore: fn(), total: 3 },
} satisfies Meta<typeof PeopleTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every row shown: a panel with its heading in the caption, one row of headings (the last heard, not seen), no note under it. */
export const AllRows: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = canvas.getByRole('table', { name: 'Runs' });
    await expect(within(table).getAllByRole('columnheader').map((heading) => heading.textContent)).toEqual(['Contact', 'Status', 'When']);
    await expect(within(table).getByText('When')).toHaveClass('visually-hidden');
    await expect(within(table).getAllByRole('row')).toHaveLength(4);
    await expect(canvas.queryByRole('button', { name: 'Show all' })).toBeNull();
  },
};

/** The first 3 of 250 runs: the note under the table offers the next 200, or all of them. */
export const FirstRowsOfMore: Story = {
  args: { total: 250 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Showing the first 3 of 250 runs\./)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show 200 more' }));
    await expect(args.onMore).toHaveBeenLastCalledWith(200);
    await userEvent.click(canvas.getByRole('button', { name: 'Show all' }));
    await expect(args.onMore).toHaveBeenLastCalledWith(247);
  },
};
