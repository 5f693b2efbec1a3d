// A playback session for controller tests: the workspace's PlaybackController over the real
// services in process (answers held as long as the test likes) and a fake clock the test moves.
import type { PlaybackFrame, PlaybackResult } from '../../simulator/schema/playback.ts';
import { PlaybackController } from '../../src/engine/playbackController.ts';
import type { SessionEvent } from '../../src/engine/sessionController.ts';
import { followUpSituation } from './exampleDocuments.ts';
import { FakeSessionTiming } from './fakeSessionTiming.ts';
import { heldPlaybackClient } from './heldWorkerClients.ts';

/**
 * The follow-up example's "nobody answers" script loaded (Omar writes at +0; the follow-up goes
 * out at +24h, the end), recording what subscribers hear. The controller's dispose is pushed onto
 * `disposers`, for the test file's afterEach.
 */
export async function loadedPlaybackSession(disposers: Array<() => void>) {
  const timing = new FakeSessionTiming();
  const client = heldPlaybackClient();
  const controller = new PlaybackController(client, timing);
  disposers.push(() => controller.dispose());
  const events: SessionEvent<PlaybackResult>[] = [];
  controller.subscribe((event) => events.push(event));
  const loaded = await controller.load(followUpSituation('nobody-answers.script.json'));
  if (!loaded?.ok) throw new Error('the follow-up example did not load');
  const frames = (): PlaybackFrame[] => events.flatMap((event) => (event.kind === 'answer' && event.answer.ok ? [event.answer.frame] : []));
  const time = () => frames().at(-1)?.time ?? 0;
  /** What each `advance` asked for, in ms of virtual time. */
  const advances = () => client.answers.sent.flatMap((request) => (request.startsWith('advance ') ? [Number(request.slice('advance '.length))] : []));
  return { timing, client, answers: client.answers, controller, events, frames, time, advances, end: () => loaded.info.end };
}
