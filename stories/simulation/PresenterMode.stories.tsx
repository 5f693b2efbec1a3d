import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { PlaybackResult } from '../../simulator/schema/playback.ts';
import { PlaybackService } from '../../simulator/service/playbackService.ts';
import { traceNamesOf } from '../../simulator/trace/traceNames.ts';
import type { AppStore } from '../../src/state/appStore.ts';
import { PresenterMode } from '../../src/screens/simulation/presenter/PresenterMode.tsx';
import type { PlaybackControls } from '../../src/screens/simulation/workspace/usePlaybackSession.ts';
// The transcript's bubbles are styled with the Messages screen, which the simulator's stories do not load.
import '../../src/screens/messages/messages.css';
import { StoryApp } from '../fixtures/StoryApp.tsx';
import { hotLead } from '../fixtures/exampleDocuments.ts';
import { MINUTE } from './playbackFixtures.ts';

const workflows = hotLead.workflows.map((document) => document.value);
const script = hotLead.agentTakesOver.value;
const names = traceNamesOf(workflows, script);

/**
 * The hot lead played by the real engine in the page (as the worker plays it), its frames put in
 * the store as the workspace puts them; the controls presenter mode uses (→, ←) go to the same engine.
 */
function hotLeadSession(at: number): { readonly setup: (store: AppStore) => void; readonly controls: PlaybackControls } {
  const service = new PlaybackService();
  let store: AppStore | undefined;
  const show = (result: PlaybackResult) => {
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
    store?.getState().playbackFrame(result.frame);
  };
  const setup = (created: AppStore) => {
    store = created;
    const loaded = service.load({ workflows, script });
    if (!loaded.ok) throw new Error('the hot-lead example does not load');
    created.getState().playbackLoaded(loaded.info, loaded.frame);
    if (at > 0) show(service.seek(at, { breakpoints: 'pass' }));
  };
  const controls: PlaybackControls = {
    play: () => undefined,
    pause: () => undefined,
    step: () => show(service.step()),
    nextEvent: () => show(service.nextEvent()),
    seek: (t) => show(service.seek(t)),
    fireAt: (due) => show(service.seek(due)),
    runToEnd: () => show(service.runToEnd()),
    selectContact: (id) => show(service.selectContact(id)),
    populationCharts: (workflowId) => Promise.resolve(service.populationCharts(workflowId)),
    coverage: () => Promise.resolve(null),
    moreReportRows: () => undefined,
  };
  return { setup, controls };
}

/** Presenter mode over the hot lead, opened at `at` (ms of virtual time). */
function PresentingHotLead({ at }: { readonly at: number }) {
  const [session] = useState(() => hotLeadSession(at));
  const [open, setOpen] = useState(true);
  return (
    <StoryApp setup={session.setup} path="/simulator?example=hot-lead">
      {open ? <PresenterMode workflow={workflows[0]!} names={names} controls={session.controls} onClose={() => setOpen(false)} /> : <p>Presenter mode closed.</p>}
    </StoryApp>
  );
}

/** The simulator for an audience: the canvas and Dana's transcript in large type, and the caption of the latest decision. */
const meta = {
  title: 'Simulation/PresenterMode',
  component: PresentingHotLead,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof PresentingHotLead>;

export default meta;
type Story = StoryObj<typeof meta>;

const presenter = () => within(document.body).getByRole('dialog', { name: 'Presenting Lead nurture' });
const eventsPlayed = () => Number(presenter().getAttribute('data-events-processed'));

/** +3m: Alice's answer stopped Lead nurture at "Wait 24h"; the caption says so in the engine's words, with the event that caused it. */
export const AtTheStop: Story = {
  args: { at: 3 * MINUTE },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Presenting Lead nurture' });
    const caption = within(dialog).getByRole('status');
    await expect(caption).toHaveTextContent('Workflow Lead nurture stopped: outgoing message');
    await expect(caption).toHaveTextContent('Alice writes to Dana: "Hi Dana, Alice here"');
    await expect(within(dialog).getByRole('log', { name: 'Conversation with Dana' })).toHaveTextContent('Hi Dana, Alice here');
    await expect(await within(dialog).findByTestId('node-wait-24h')).toHaveTextContent('Stopped here: Outgoing message at +3m');
    await expect(dialog.querySelector('.presenter__clock')).toHaveTextContent('+3m');
  },
};

/** From the start, → plays one event at a time, each with its caption, until the clock moves on to +2m; ← goes back to +0. */
export const NextEventWithTheArrowKeys: Story = {
  args: { at: 0 },
  play: async () => {
    const dialog = await within(document.body).findByRole('dialog', { name: 'Presenting Lead nurture' });
    const caption = within(dialog).getByRole('status');
    const clock = () => dialog.querySelector('.presenter__clock')?.textContent;
    await expect(caption).toHaveTextContent('Nothing decided yet: press → for the first event.');
    await waitFor(() => expect(dialog).toHaveFocus());
    for (let presses = 0; presses < 10 && clock() === '+0'; presses++) {
      const before = eventsPlayed();
      await userEvent.keyboard('{ArrowRight}');
      await waitFor(() => expect(eventsPlayed()).toBe(before + 1));
      await expect(caption).not.toHaveTextContent('Nothing decided yet');
    }
    await expect(clock()).toBe('+2m');
    await expect(caption).toHaveTextContent('Dana writes');
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(clock()).toBe('+0'));
    await expect(within(dialog).getByRole('button', { name: '← Previous' })).toBeDisabled();
  },
};
