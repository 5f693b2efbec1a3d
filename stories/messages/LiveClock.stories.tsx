import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LiveClock } from '../../src/screens/messages/clock/LiveClock.tsx';
import '../../src/screens/messages/messages.css';
import { danaWritesIn, HOUR, MINUTE, playSession, startEpochMs, timeZone } from './messagesFixtures.ts';

/** An hour and a half after Dana wrote in: the next timer is the 24h follow-up's. */
const ninetyMinutesIn = playSession([...danaWritesIn, { advance: 90 * MINUTE + 5_000 }]);

/** The virtual clock and its time warp. */
const meta = {
  title: 'Messages/LiveClock',
  component: LiveClock,
  args: { time: 0, startEpochMs, timeZone, speed: 0, nextDue: null, onSpeedChange: fn(), onJumpToNext: fn() },
} satisfies Meta<typeof LiveClock>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Playing at one minute per second; choosing another speed is reported, the clock itself is the session's. */
export const Playing: Story = {
  args: { time: ninetyMinutesIn.time, speed: 60, nextDue: ninetyMinutesIn.nextDue() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(args.nextDue).toBe(24 * HOUR);
    await expect(canvas.getByText('Mon 5 Jan, 10:30:05')).toHaveAttribute('datetime', '2026-01-05T10:30:05.000Z');
    await expect(canvas.getByText('+1h30m5s')).toBeVisible();
    const speeds = canvas.getByRole('radiogroup', { name: 'Speed' });
    await expect(within(speeds).getAllByRole('radio').map((radio) => radio.textContent)).toEqual(['Pause', '1×', '60×', '3,600×']);
    await expect(within(speeds).getByRole('radio', { name: '60×' })).toHaveAttribute('aria-checked', 'true');

    await userEvent.click(within(speeds).getByRole('radio', { name: '3,600×' }));
    await expect(args.onSpeedChange).toHaveBeenCalledWith(3600);

    const jump = canvas.getByRole('button', { name: /Jump to next timer/ });
    await expect(jump).toHaveTextContent('Jump to next timer (in 22h29m)');
    await userEvent.click(jump);
    await expect(args.onJumpToNext).toHaveBeenCalledOnce();
  },
};

/** Paused at the start, with nothing pending: there is no timer to jump to. */
export const Paused: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Mon 5 Jan, 09:00:00')).toBeVisible();
    await expect(canvas.getByRole('radio', { name: 'Pause' })).toHaveAttribute('aria-checked', 'true');
    await expect(canvas.getByRole('button', { name: 'Jump to next timer' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('radio', { name: '1×' }));
    await expect(args.onSpeedChange).toHaveBeenCalledWith(1);
  },
};
