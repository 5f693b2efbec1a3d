import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PlaybackBar } from '../../src/screens/simulation/playback/PlaybackBar.tsx';
import { usePlaybackShortcuts } from '../../src/screens/simulation/playback/usePlaybackShortcuts.ts';
import { contactReplies, HOUR, MINUTE, population, startEpochMs, timeZone } from './playbackFixtures.ts';

/** The simulator workspace's time warp, over timelines the real engine made from bundled examples. */
const meta = {
  title: 'Simulation/PlaybackBar',
  component: PlaybackBar,
  args: {
    time: 0,
    end: contactReplies.end,
    startEpochMs,
    timeZone,
    playing: false,
    speed: 3600,
    marks: contactReplies.marks,
    done: false,
    onPlay: fn(),
    onPause: fn(),
    onSpeedChange: fn(),
    onStep: fn(),
    onNextEvent: fn(),
    onSeek: fn(),
    onRunToEnd: fn(),
  },
} satisfies Meta<typeof PlaybackBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Loaded and paused at the start: the contact has just written; the reply comes three hours later. */
export const PausedAtStart: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Mon 5 Jan, 09:00:00')).toHaveAttribute('datetime', '2026-01-05T09:00:00.000Z');
    await expect(canvas.getByTestId('playback-since')).toHaveTextContent('Since the start: +0 of +3h');
    await expect(canvas.getByRole('slider', { name: 'Virtual time' })).toHaveAttribute('aria-valuetext', '+0, Mon 5 Jan, 09:00:00');
    const speeds = canvas.getByRole('radiogroup', { name: 'Speed' });
    await expect(within(speeds).getAllByRole('radio').map((radio) => radio.textContent)).toEqual(['1×', '60×', '3,600×', '86,400×', 'As fast as possible']);
    await expect(within(speeds).getByRole('radio', { name: '3,600×' })).toHaveAttribute('aria-checked', 'true');
    await expect(canvas.queryByRole('button', { name: 'Pause' })).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await expect(args.onPlay).toHaveBeenCalledOnce();
    await expect(args.onPause).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Run to end' }));
    await expect(args.onRunToEnd).toHaveBeenCalledOnce();
  },
};

/** Playing at one hour per second, half way to the reply. The speed group is one tab stop; arrows change the speed. */
export const PlayingAt3600: Story = {
  args: { time: 90 * MINUTE, playing: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Mon 5 Jan, 10:30:00')).toBeVisible();
    await expect(canvas.getByTestId('playback-since')).toHaveTextContent('+1h30m of +3h');

    await userEvent.click(canvas.getByRole('button', { name: 'Pause' }));
    await expect(args.onPause).toHaveBeenCalledOnce();
    await expect(args.onPlay).not.toHaveBeenCalled();

    const speeds = canvas.getByRole('radiogroup', { name: 'Speed' });
    const checked = within(speeds).getByRole('radio', { name: '3,600×' });
    await expect(within(speeds).getAllByRole('radio').filter((radio) => radio.tabIndex === 0)).toEqual([checked]);
    checked.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onSpeedChange).toHaveBeenLastCalledWith(86400);
    await expect(within(speeds).getByRole('radio', { name: '86,400×' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(args.onSpeedChange).toHaveBeenLastCalledWith(60);
    await userEvent.click(within(speeds).getByRole('radio', { name: 'As fast as possible' }));
    await expect(args.onSpeedChange).toHaveBeenLastCalledWith('max');

    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(args.onStep).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Next event' }));
    await expect(args.onNextEvent).toHaveBeenCalledOnce();
  },
};

/** At the end, nothing is left to play; the timeline can still be scrubbed back and the speed chosen. */
export const AtTheEnd: Story = {
  args: { time: contactReplies.end, done: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Mon 5 Jan, 12:00:00')).toBeVisible();
    await expect(canvas.getByTestId('playback-since')).toHaveTextContent('+3h of +3h');
    for (const name of ['Play', 'Step', 'Next event', 'Run to end']) await expect(canvas.getByRole('button', { name })).toBeDisabled();
    const slider = canvas.getByRole('slider', { name: 'Virtual time' });
    await expect(slider).toBeEnabled();
    slider.focus();
    await userEvent.keyboard('{PageDown}');
    await expect(args.onSeek).toHaveBeenCalledWith(2 * HOUR);
    await userEvent.click(canvas.getByRole('radio', { name: '60×' }));
    await expect(args.onSpeedChange).toHaveBeenCalledWith(60);
  },
};

/** 1,000 contacts over two days and more: the marks are bunched along the track, stops in the stop colour. */
export const PopulationTimeline: Story = {
  args: { time: 26 * HOUR, end: population.end, marks: population.marks, speed: 86400 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Tue 6 Jan, 11:00:00')).toBeVisible();
    await expect(canvas.getByTestId('playback-since')).toHaveTextContent('+1d2h of +2d9h');
    await expect(canvas.getByRole('slider', { name: 'Virtual time' })).toHaveAttribute('aria-valuetext', '+1d2h, Tue 6 Jan, 11:00:00');
    const marks = canvas.getAllByTestId('scrubber-mark');
    await expect(marks.length).toBeGreaterThan(50);
    await expect(marks.length).toBeLessThan(population.marks.length);
    const stops = marks.filter((mark) => mark.classList.contains('scrubber__mark--stop'));
    await expect(stops.length).toBeGreaterThan(0);
    await expect(stops[0]?.querySelector('title')?.textContent).toMatch(/^[\d,]+ runs? stopped (at|from) \+/);
  },
};

/** The workspace's wiring of the bar and its keys: Space plays or pauses, → steps, Shift+→ goes to the next event. */
function PlaybackBarWithShortcuts(props: ComponentProps<typeof PlaybackBar>) {
  usePlaybackShortcuts({ onTogglePlay: props.playing ? props.onPause : props.onPlay, onStep: props.onStep, onNextEvent: props.onNextEvent });
  return (
    <>
      <PlaybackBar {...props} />
      <p>
        <label>
          Notes <input type="text" />
        </label>
      </p>
    </>
  );
}

/** The keys work on the page, but never take Space from a focused button, a text field's typing or the slider's arrows. */
export const KeyboardShortcuts: Story = {
  args: { time: 90 * MINUTE },
  render: (args) => <PlaybackBarWithShortcuts {...args} />,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard(' ');
    await expect(args.onPlay).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onStep).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await expect(args.onNextEvent).toHaveBeenCalledTimes(1);
    await expect(args.onStep).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
    await expect(args.onStep).toHaveBeenCalledTimes(1);

    // Handled keys are the bar's: Space does not also scroll the page.
    const space = new KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, cancelable: true });
    document.body.dispatchEvent(space);
    await expect(space.defaultPrevented).toBe(true);
    await expect(args.onPlay).toHaveBeenCalledTimes(2);

    const notes = canvas.getByRole('textbox', { name: 'Notes' });
    await userEvent.type(notes, 'a b{ArrowRight}');
    await expect(notes).toHaveValue('a b');
    await expect(args.onPlay).toHaveBeenCalledTimes(2);
    await expect(args.onStep).toHaveBeenCalledTimes(1);

    // Space on a focused button clicks that button, once.
    canvas.getByRole('button', { name: 'Next event' }).focus();
    await userEvent.keyboard(' ');
    await expect(args.onNextEvent).toHaveBeenCalledTimes(2);
    await expect(args.onPlay).toHaveBeenCalledTimes(2);

    // The slider keeps its arrows.
    canvas.getByRole('slider', { name: 'Virtual time' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(args.onSeek).toHaveBeenCalledWith(91 * MINUTE);
    await expect(args.onStep).toHaveBeenCalledTimes(1);
  },
};
