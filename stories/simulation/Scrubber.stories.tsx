import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Scrubber } from '../../src/screens/simulation/playback/Scrubber.tsx';
import '../../src/screens/simulation/playback/playback.css';
import { contactReplies, HOUR, MINUTE, population, startEpochMs, timeZone } from './playbackFixtures.ts';

/** The timeline slider, with its marks, over timelines the real engine made from bundled examples. */
const meta = {
  title: 'Simulation/Scrubber',
  component: Scrubber,
  args: { time: 26 * HOUR, end: population.end, startEpochMs, timeZone, marks: population.marks, onSeek: fn() },
} satisfies Meta<typeof Scrubber>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A population's two days and more, by keyboard: Home and End, an hour with Page Up and Down, a
 * minute with the arrows. The story never answers a seek (its time stays put), so each key moves on
 * from where the last one asked to go — as keys do while the engine is still working.
 */
export const PopulationByKeyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const slider = within(canvasElement).getByRole('slider', { name: 'Virtual time' });
    await expect(slider).toHaveAttribute('aria-valuetext', '+1d2h, Tue 6 Jan, 11:00:00');
    await expect(slider).toHaveAttribute('step', String(MINUTE));
    slider.focus();
    await userEvent.keyboard('{End}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(population.end);
    await userEvent.keyboard('{Home}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(0);
    await userEvent.keyboard('{PageUp}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(HOUR);
    await userEvent.keyboard('{PageUp}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(2 * HOUR);
    await userEvent.keyboard('{PageDown}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(HOUR);
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(HOUR + MINUTE);
    await userEvent.keyboard('{ArrowLeft}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(HOUR);
  },
};

/** One conversation of three hours; each mark says what happens when, and a click goes there. */
export const OneConversation: Story = {
  args: { time: 0, end: contactReplies.end, marks: contactReplies.marks },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const slider = canvas.getByRole('slider', { name: 'Virtual time' });
    await expect(slider).toHaveAttribute('step', String(MINUTE));
    await expect(slider).toHaveAttribute('aria-valuetext', '+0, Mon 5 Jan, 09:00:00');
    const marks = canvas.getAllByTestId('scrubber-mark');
    await expect(marks.map((mark) => mark.querySelector('title')?.textContent)).toEqual(['1 event at +0', '1 event at +3h', '1 run stopped at +3h']);
    await userEvent.click(marks[2] as Element);
    await expect(args.onSeek).toHaveBeenLastCalledWith(3 * HOUR);
    slider.focus();
    // On from the mark it went to: the end is the end, an hour back is +2h.
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(3 * HOUR);
    await userEvent.keyboard('{PageDown}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(2 * HOUR);
  },
};

/** At the end of the timeline: End stays there, Page Up cannot go past it. */
export const AtTheEnd: Story = {
  args: { time: population.end },
  play: async ({ canvasElement, args }) => {
    const slider = within(canvasElement).getByRole('slider', { name: 'Virtual time' });
    await expect(slider).toHaveAttribute('aria-valuetext', '+2d9h, Wed 7 Jan, 18:56:19');
    slider.focus();
    await userEvent.keyboard('{PageUp}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(population.end);
    await userEvent.keyboard('{End}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(population.end);
  },
};

/** Forty-five minutes move by the second. */
export const ShortTimeline: Story = {
  args: { time: 20 * MINUTE, end: 45 * MINUTE, marks: [{ t: 20 * MINUTE, kind: 'event', count: 2 }] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const slider = canvas.getByRole('slider', { name: 'Virtual time' });
    await expect(slider).toHaveAttribute('step', '1000');
    await expect(slider).toHaveAttribute('aria-valuetext', '+20m, Mon 5 Jan, 09:20:00');
    await expect(canvas.getByTestId('scrubber-mark').querySelector('title')).toHaveTextContent('2 events at +20m');
    slider.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(20 * MINUTE - 1000);
    await userEvent.keyboard('{PageUp}');
    await expect(args.onSeek).toHaveBeenLastCalledWith(45 * MINUTE);
  },
};

/** A script where nothing ever happens has nothing to scrub. */
export const EmptyTimeline: Story = {
  args: { time: 0, end: 0, marks: [] },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('slider', { name: 'Virtual time' })).toBeDisabled();
  },
};
