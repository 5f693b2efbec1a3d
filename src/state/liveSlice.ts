import type { StateCreator } from 'zustand';
import type { LiveUpdate, PublishedVersion } from '../../simulator/schema/live.ts';
import type { InputProblem } from '../../simulator/schema/result.ts';
import type { ContactState, RunState } from '../../simulator/schema/run.ts';
import type { Script } from '../../simulator/schema/script.ts';
import type { TraceEntry } from '../../simulator/schema/trace.ts';
import type { Workflow } from '../../simulator/schema/workflow.ts';

/** How fast the live clock plays: virtual ms per wall ms. 0 is paused. */
export const LIVE_SPEEDS = [0, 1, 60, 3600] as const;
export type LiveSpeed = (typeof LIVE_SPEEDS)[number];

export type LiveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'running' }
  /** The engine refused the inputs, or the worker failed: the session cannot go on. */
  | { readonly kind: 'failed'; readonly message: string; readonly problems: readonly InputProblem[] };

/** Which side of the conversation the composer writes for. */
export type ComposerSide = 'agent' | 'contact';

/**
 * The live Messages view: what the engine reported last (runs, contacts, trace, clock) and what
 * the person chose (who they are, which contact, the speed). Nothing here decides whether a run
 * stops — the engine does, and its report is kept as it came.
 */
export interface LiveSlice {
  readonly live: {
    readonly status: LiveStatus;
    /**
     * The version of each Workflow live in the session now: the one it started with, or the last a
     * publish made live (as the engine reported it). New runs start on these.
     */
    readonly workflows: readonly Workflow[];
    /** The Workflows the session started with (runs the engine reports with no version follow these). */
    readonly startWorkflows: readonly Workflow[];
    /** The new versions given to the session, by the `file` their publish names. */
    readonly versions: Readonly<Record<string, Workflow>>;
    /** Each version a publish made live, in order, as the engine reported it. */
    readonly published: readonly PublishedVersion[];
    /** The cast the session started with. */
    readonly base: Script | null;
    /**
     * The session so far as a script (its cast, start and every command, publishes included), as
     * last kept: what the publish dialog's impact preview plays for the live session.
     */
    readonly recorded: Script | null;
    readonly time: number;
    readonly nextDue: number | null;
    readonly runs: readonly RunState[];
    readonly contacts: readonly ContactState[];
    readonly trace: readonly TraceEntry[];
    readonly speed: LiveSpeed;
    readonly userId: string;
    readonly contactId: string;
    readonly composerSide: ComposerSide;
  };
  liveStarting(): void;
  liveStarted(session: { readonly workflows: readonly Workflow[]; readonly base: Script; readonly update: LiveUpdate; readonly versions?: Readonly<Record<string, Workflow>> }): void;
  liveUpdated(update: LiveUpdate): void;
  /** A new version given to the session under `file`, before the engine's answer names it. */
  liveVersionGiven(file: string, version: Workflow): void;
  /** The session's script as kept after a command. */
  liveRecorded(script: Script): void;
  liveFailed(message: string, problems?: readonly InputProblem[]): void;
  setLiveSpeed(speed: LiveSpeed): void;
  setLiveUser(userId: string): void;
  selectLiveContact(contactId: string): void;
  setComposerSide(side: ComposerSide): void;
}

const initialLive: LiveSlice['live'] = {
  status: { kind: 'idle' },
  workflows: [],
  startWorkflows: [],
  versions: {},
  published: [],
  base: null,
  recorded: null,
  time: 0,
  nextDue: null,
  runs: [],
  contacts: [],
  trace: [],
  speed: 1,
  userId: '',
  contactId: '',
  composerSide: 'agent',
};

/** The versions live now, from what the engine reported published (unchanged when it reported nothing, or nothing new). */
function publishedOf(live: LiveSlice['live'], published: readonly PublishedVersion[] | undefined): Partial<LiveSlice['live']> {
  if (published === undefined || published.length === live.published.length) return {};
  const latest = new Map(published.map((version) => [version.workflow, version.file]));
  const workflows = live.startWorkflows.map((workflow) => {
    const file = latest.get(workflow.id);
    return (file !== undefined && Object.hasOwn(live.versions, file) ? live.versions[file] : undefined) ?? workflow;
  });
  return { published, workflows };
}

export const createLiveSlice: StateCreator<LiveSlice, [], [], LiveSlice> = (set, get) => {
  const patch = (change: Partial<LiveSlice['live']>) => set({ live: { ...get().live, ...change } });
  const applied = (update: LiveUpdate): Partial<LiveSlice['live']> => ({
    ...publishedOf(get().live, update.published),
    time: update.time,
    nextDue: update.nextDue,
    runs: update.runs,
    contacts: update.contacts,
    trace: update.trace.from === 0 ? update.trace.entries : [...get().live.trace.slice(0, update.trace.from), ...update.trace.entries],
  });
  return {
    live: initialLive,
    liveStarting() {
      // A new session: nothing of the last one stays on screen; a paused clock (after a failure) plays again.
      const { userId, contactId, composerSide, speed } = get().live;
      patch({ ...initialLive, status: { kind: 'starting' }, userId, contactId, composerSide, speed: speed === 0 && get().live.status.kind === 'failed' ? 1 : speed });
    },
    liveStarted({ workflows, base, update, versions }) {
      const { live } = get();
      const userId = base.users.some((user) => user.id === live.userId) ? live.userId : (base.users[0]?.id ?? '');
      const contactId = base.contacts.some((contact) => contact.id === live.contactId) ? live.contactId : (base.contacts[0]?.id ?? '');
      patch({ status: { kind: 'running' }, startWorkflows: workflows, workflows, versions: versions ?? {}, published: [], base, recorded: base, userId, contactId });
      patch(applied(update));
    },
    liveUpdated(update) {
      patch(applied(update));
    },
    liveVersionGiven(file, version) {
      patch({ versions: { ...get().live.versions, [file]: version } });
    },
    liveRecorded(script) {
      patch({ recorded: script });
    },
    liveFailed(message, problems = []) {
      patch({ status: { kind: 'failed', message, problems }, speed: 0 });
    },
    setLiveSpeed(speed) {
      patch({ speed });
    },
    setLiveUser(userId) {
      patch({ userId });
    },
    selectLiveContact(contactId) {
      patch({ contactId });
    },
    setComposerSide(composerSide) {
      patch({ composerSide });
    },
  };
};
