import type { StateCreator } from 'zustand';
import type { PlaybackFrame, PlaybackInfo } from '../../simulator/schema/playback.ts';
import type { InputProblem } from '../../simulator/schema/result.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';

/** Playback speed: virtual ms per wall ms, or as fast as the engine goes. */
export type PlaybackRate = 1 | 60 | 3600 | 86400 | 'max';

export type PlaybackStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string; readonly problems: readonly InputProblem[] };

/**
 * The simulator workspace's playback as the engine last reported it: the timeline, the latest
 * frame, the selected contact's trace (spliced from frames), and the person's choices.
 */
export interface PlaybackSlice {
  readonly playback: {
    readonly status: PlaybackStatus;
    readonly info: PlaybackInfo | null;
    readonly frame: PlaybackFrame | null;
    readonly contactTrace: readonly TraceEntry[];
    readonly playing: boolean;
    readonly rate: PlaybackRate;
  };
  playbackLoading(): void;
  playbackLoaded(info: PlaybackInfo, frame: PlaybackFrame): void;
  playbackFrame(frame: PlaybackFrame): void;
  playbackFailed(message: string, problems?: readonly InputProblem[]): void;
  setPlaying(playing: boolean): void;
  setPlaybackRate(rate: PlaybackRate): void;
}

export const createPlaybackSlice: StateCreator<PlaybackSlice, [], [], PlaybackSlice> = (set, get) => {
  const patch = (change: Partial<PlaybackSlice['playback']>) => set({ playback: { ...get().playback, ...change } });
  const spliced = (frame: PlaybackFrame): readonly TraceEntry[] => {
    const contact = frame.contact;
    if (!contact) return [];
    const previous = get().playback.frame?.contact?.id === contact.id ? get().playback.contactTrace : [];
    return contact.trace.from === 0 ? contact.trace.entries : [...previous.slice(0, contact.trace.from), ...contact.trace.entries];
  };
  return {
    playback: { status: { kind: 'idle' }, info: null, frame: null, contactTrace: [], playing: false, rate: 3600 },
    playbackLoading() {
      patch({ status: { kind: 'loading' }, playing: false });
    },
    playbackLoaded(info, frame) {
      set({ playback: { ...get().playback, status: { kind: 'ready' }, info, frame: null, contactTrace: [] } });
      patch({ contactTrace: spliced(frame), frame });
    },
    playbackFrame(frame) {
      const contactTrace = spliced(frame);
      patch({ frame, contactTrace, ...(frame.done ? { playing: false } : {}) });
    },
    playbackFailed(message, problems = []) {
      patch({ status: { kind: 'failed', message, problems }, playing: false });
    },
    setPlaying(playing) {
      patch({ playing });
    },
    setPlaybackRate(rate) {
      patch({ rate });
    },
  };
};
