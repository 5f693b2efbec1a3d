import type { StateCreator } from 'zustand';
import type { PlaybackFrame, PlaybackInfo } from '../../simulator/schema/playback.ts';
import type { ReportRows, SimulationReport } from '../../simulator/schema/report.ts';
import type { InputProblem } from '../../simulator/schema/result.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';

/** A page of report rows the worker answered. */
export type ReportRowsPage = Extract<ReportRows, { ok: true }>;

/** Playback speed: virtual ms per wall ms, or as fast as the engine goes. */
export type PlaybackRate = 1 | 60 | 3600 | 86400 | 'max';

export type PlaybackStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string; readonly problems: readonly InputProblem[] };

/**
 * The simulator workspace's playback as the engine last reported it: the timeline, the latest
 * frame, the selected contact's trace (spliced from frames), the end-of-run report of the inputs
 * as they are now, and the person's choices.
 */
export interface PlaybackSlice {
  readonly playback: {
    readonly status: PlaybackStatus;
    readonly info: PlaybackInfo | null;
    readonly frame: PlaybackFrame | null;
    readonly contactTrace: readonly TraceEntry[];
    /** The end-of-run report of the latest inputs; while `reportRunning`, of the ones before (or none yet). */
    readonly report: SimulationReport | null;
    /** The worker is running the script to the end for the latest inputs. */
    readonly reportRunning: boolean;
    readonly playing: boolean;
    readonly rate: PlaybackRate;
  };
  playbackLoading(): void;
  playbackLoaded(info: PlaybackInfo, frame: PlaybackFrame): void;
  playbackFrame(frame: PlaybackFrame): void;
  playbackFailed(message: string, problems?: readonly InputProblem[]): void;
  /** New inputs went to the worker: the report shown is of the ones before until the new one comes. */
  playbackReportRunning(): void;
  playbackReported(report: SimulationReport): void;
  /** A page of more rows of the report; dropped unless it is of this report and continues its rows. */
  playbackReportRows(page: ReportRowsPage): void;
  setPlaying(playing: boolean): void;
  setPlaybackRate(rate: PlaybackRate): void;
}

export const createPlaybackSlice: StateCreator<PlaybackSlice, [], [], PlaybackSlice> = (set, get) => {
  const patch = (change: Partial<PlaybackSlice['playback']>) => set({ playback: { ...get().playback, ...change } });
  // `after`: the frame whose contact's trace the store holds; none for a load, whose first frame begins a new timeline.
  const spliced = (frame: PlaybackFrame, after: PlaybackFrame | null): readonly TraceEntry[] => {
    const contact = frame.contact;
    if (!contact) return [];
    const previous = after?.contact?.id === contact.id ? get().playback.contactTrace : [];
    // Nothing new for this contact (most frames of a population): the same array, so the transcript and trace do not draw again.
    if (contact.trace.entries.length === 0 && contact.trace.from === previous.length) return previous;
    return contact.trace.from === 0 ? contact.trace.entries : [...previous.slice(0, contact.trace.from), ...contact.trace.entries];
  };
  return {
    playback: { status: { kind: 'idle' }, info: null, frame: null, contactTrace: [], report: null, reportRunning: false, playing: false, rate: 3600 },
    playbackLoading() {
      // A new session: no report until the worker has made this one's.
      patch({ status: { kind: 'loading' }, report: null, reportRunning: true, playing: false });
    },
    playbackLoaded(info, frame) {
      // One change: a subscriber never sees the new timeline without its frame. The workspace draws
      // the first state it is told of, and a frame-less one put "Starting the simulator…" in place
      // of the whole workspace on every reload (a stop setting changed), the focus lost with it.
      patch({ status: { kind: 'ready' }, info, frame, contactTrace: spliced(frame, null) });
    },
    playbackFrame(frame) {
      const contactTrace = spliced(frame, get().playback.frame);
      // A breakpoint paused the worker: play has stopped, as at the end.
      patch({ frame, contactTrace, ...(frame.done || frame.hit !== undefined ? { playing: false } : {}) });
    },
    playbackFailed(message, problems = []) {
      patch({ status: { kind: 'failed', message, problems }, playing: false });
    },
    playbackReportRunning() {
      patch({ reportRunning: true });
    },
    playbackReported(report) {
      patch({ report, reportRunning: false });
    },
    playbackReportRows(page) {
      const report = get().playback.report;
      if (!report || page.traceHash !== report.traceHash) return;
      if (page.kind === 'runs' && page.from === report.runs.length) patch({ report: { ...report, runs: [...report.runs, ...page.rows] } });
      if (page.kind === 'trace' && page.from === report.trace.length) patch({ report: { ...report, trace: [...report.trace, ...page.rows] } });
    },
    setPlaying(playing) {
      patch({ playing });
    },
    setPlaybackRate(rate) {
      patch({ rate });
    },
  };
};
