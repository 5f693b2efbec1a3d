import { expose, proxy } from 'comlink';
import { CompareService } from './service/compareService.ts';
import { CoverageService } from './service/coverageService.ts';
import { LiveSessionService } from './service/liveSessionService.ts';
import { OutcomeDiffService } from './service/outcomeDiffService.ts';
import { PlaybackService } from './service/playbackService.ts';

/**
 * The engine's Web Worker: a thin comlink adapter over the services in `service/`, which parse
 * whatever arrives and answer with plain data. The Messages view's live session and the simulator
 * workspace's playback, coverage and the publish dialog's impact preview run here, off the main thread.
 */
// `proxy` types `live` as a remote object (calls, not a copied value) on the other side.
const api = { live: proxy(new LiveSessionService()), playback: proxy(new PlaybackService()), compare: proxy(new CompareService()), outcomeDiff: proxy(new OutcomeDiffService()), coverage: proxy(new CoverageService()) };
export type WorkerApi = typeof api;

expose(api);
