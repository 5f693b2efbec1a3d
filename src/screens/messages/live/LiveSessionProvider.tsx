import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveCommand } from '../../../../simulator/engine/liveSession.ts';
import type { LiveResult } from '../../../../simulator/schema/live.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { useWorkflowDocuments } from '../../../persistence/storedWorkflowHooks.ts';
import { useLiveSessionStorage } from '../../../persistence/useLiveSessionStorage.ts';
import { useAppStore, useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { demoScript } from './demoCast.ts';
import { LiveController, livePace } from '../../../engine/liveController.ts';
import { createLiveSessionClient, type LiveSessionClient } from '../../../engine/liveSessionClient.ts';
import { runnableWorkflows, type RunnableWorkflows } from './runnableWorkflows.ts';
import { sessionScript } from './sessionScript.ts';
import { loadOnce } from '../../../common/loadOnce.ts';
import { refetchableImport } from '../../../common/refetchableImport.ts';
import { publishesToPlay } from './publishesToPlay.ts';
import { usePublishesSince } from '../../../persistence/usePublishesSince.ts';

/**
 * The words for what a publish did to the session's runs, fetched when the first publish is played
 * into it: the session lives above every screen, and no first frame needs them.
 */
const importPublishOutcome = refetchableImport(() => import('./publishOutcome.ts'));
const publishOutcomeCode = loadOnce(importPublishOutcome);

/** How often, at most, the clock of the kept session is written while time passes, in wall ms. */
const KEEP_CLOCK_MS = 2000;

export interface LiveSessionControls {
  /** Carries out a person's action; false when the engine could not take it (the reason is toasted). */
  perform(command: LiveCommand): Promise<boolean>;
  jumpToNext(): Promise<void>;
  /** The session so far as a script that checks itself (see sessionScript); null before it starts. */
  recordedScript(): Promise<Script | null>;
  /** Starts over on the Workflows as they are stored now. */
  restart(): void;
  /** The stored Workflows, split into those the session can run and those it leaves out; undefined while loading. */
  readonly workflows: RunnableWorkflows | undefined;
  /** The stored Workflows differ from the versions live in the session (those it started on, or published into it since). */
  readonly outdated: boolean;
  /** Marks the Messages view as on screen: the session starts the first time, and its clock plays only then. */
  view(): () => void;
}

const LiveSessionContext = createContext<LiveSessionControls | null>(null);

export function useLiveSession(): LiveSessionControls {
  const controls = use(LiveSessionContext);
  if (!controls) throw new Error('useLiveSession needs a <LiveSessionProvider> above it');
  return controls;
}

/** For stories and tests: controls without a worker. */
export function LiveSessionContextProvider({ value, children }: { value: LiveSessionControls; children: ReactNode }) {
  return <LiveSessionContext value={value}>{children}</LiveSessionContext>;
}

const sameDocuments = (a: readonly Workflow[], b: readonly Workflow[]) => JSON.stringify(a) === JSON.stringify(b);

/** What a session was started from, kept with it so a reload replays it. */
interface SessionInputs {
  readonly workflows: readonly Workflow[];
  readonly publishedSince: number;
}

/** Call in the Messages view: the session starts when it is first shown, and its clock plays while it is. */
export function useLiveSessionViewer(): void {
  const { view } = useLiveSession();
  useEffect(() => view(), [view]);
}

/**
 * Runs the Messages view's live session in the engine's worker: starts it the first time the view
 * is shown, on the stored Workflows that are valid, and keeps it while the person goes to the
 * builder and back — a Workflow published meanwhile is played into it with the policy chosen on
 * publish; an edit not published makes it say its runs use older versions. Plays its clock at the
 * chosen speed while the view is on screen, carries out commands, and puts every report of the
 * engine into the store as it came.
 */
export function LiveSessionProvider({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const [viewers, setViewers] = useState(0);
  const [wanted, setWanted] = useState(false);
  const view = useCallback(() => {
    setViewers((n) => n + 1);
    setWanted(true);
    return () => setViewers((n) => n - 1);
  }, []);
  const documents = useWorkflowDocuments(wanted);
  const workflows = useMemo(() => (documents ? runnableWorkflows(documents) : undefined), [documents]);
  const [generation, setGeneration] = useState(0);
  const sessionRef = useRef<{ readonly client: LiveSessionClient; readonly controller: LiveController; inputs: SessionInputs } | null>(null);
  /** The newest stored version when the session started: publishes after it are played into the session. */
  const [baseline, setBaseline] = useState<{ readonly generation: number; readonly since: number } | null>(null);
  const speed = useAppStore((state) => state.live.speed);
  const status = useAppStore((state) => state.live.status.kind);
  const sessionWorkflows = useAppStore((state) => state.live.workflows);

  const apply = useCallback(
    (result: LiveResult): boolean => {
      if (result.ok) {
        const state = store.getState();
        state.liveUpdated(result.update);
        // The engine stopped the clock short and says why: at the end of what the session plays
        // (or with its trace full) the clock pauses, so it does not ask again at every tick.
        const halted = result.update.halted;
        if (halted) {
          if (halted.reason !== 'advance_limit') state.setLiveSpeed(0);
          state.notify({ tone: 'info', title: 'The clock stopped', description: halted.message });
        }
        return true;
      }
      store.getState().notify({ tone: 'error', title: 'The engine did not take that', description: result.problems.map((problem) => problem.message).join('; ') });
      return false;
    },
    [store],
  );
  const failed = useCallback((error: unknown) => store.getState().liveFailed(error instanceof Error ? error.message : String(error)), [store]);

  const storage = useLiveSessionStorage();
  // Kept after every command and publish (the script grew) and, while time passes, its clock now and then.
  const keep = useCallback(async () => {
    const session = sessionRef.current;
    const recording = session ? await session.client.recording() : null;
    if (!session || !recording) return;
    store.getState().liveRecorded(recording.script);
    const { live } = store.getState();
    await storage.save(recording.script, live.time, live.userId, { workflows: [...session.inputs.workflows], versions: recording.versions, publishedSince: session.inputs.publishedSince });
  }, [storage, store]);
  // "Working as" is kept with the session, so a reload resumes it as the same person.
  const userId = useAppStore((state) => state.live.userId);
  useEffect(() => {
    if (status === 'running' && userId !== '') void storage.saveUser(userId);
  }, [status, userId, storage]);
  const lastClockKept = useRef(0);
  const keepClock = useCallback(() => {
    if (performance.now() - lastClockKept.current < KEEP_CLOCK_MS) return;
    lastClockKept.current = performance.now();
    void storage.saveTime(store.getState().live.time);
  }, [storage, store]);

  // Start a session once the stored Workflows are read: the one kept from before a reload if there
  // is one (its script replayed to its clock), else a new one — and a new one after Restart. Each
  // tab keeps its own session (its own record, under a key only it writes): two tabs of this view
  // run two sessions and never overwrite each other's; the rule is in liveSessionRepository.ts.
  const resume = useRef(true);
  const running = workflows?.running;
  const ready = running !== undefined;
  useEffect(() => {
    if (!ready) return undefined;
    const start = running ?? [];
    if (start.length === 0) return undefined;
    const client = createLiveSessionClient();
    const controller = new LiveController(client);
    const session = { client, controller, inputs: { workflows: start, publishedSince: 0 } as SessionInputs };
    sessionRef.current = session;
    // Every answer of the engine goes into the store as it came; while time passes, its clock is kept now and then.
    const stopListening = controller.subscribe((event) => {
      if (event.kind === 'error') failed(event.error);
      else if (apply(event.answer) && event.from === 'clock') keepClock();
    });
    store.getState().liveStarting();
    // Each `await controller…` answers undefined once this session is gone (or its worker failed: the subscriber said so).
    void (async () => {
      const kept = resume.current ? await storage.read() : null;
      resume.current = false;
      if (controller.disposed) return;
      if (kept) {
        // What it played, exactly: the Workflows it started on (the stored ones, for a session kept before they were) and the versions its publishes name.
        const workflows = kept.workflows ?? start;
        const versions = kept.versions ?? {};
        const since = kept.publishedSince ?? (await storage.newestVersion());
        const resumed = await controller.start({ workflows: [...workflows], base: kept.script, versions: { ...versions } });
        if (!resumed) return;
        if (resumed.ok) {
          session.inputs = { workflows, publishedSince: since };
          store.getState().liveStarted({ workflows, base: kept.script, update: resumed.update, versions });
          // Working as the same person as before the reload (not the cast's first user).
          if (kept.userId !== undefined && kept.script.users.some((user) => user.id === kept.userId)) store.getState().setLiveUser(kept.userId);
          // Back to the kept clock, in as many steps as the engine's limit per step of time takes.
          await controller.replayTo(kept.time, (update) => store.getState().liveUpdated(update));
          if (!controller.disposed) setBaseline({ generation, since });
          return;
        }
        // The Workflows changed so much that the kept session no longer plays: a new one, and why.
        store.getState().notify({
          tone: 'error',
          title: 'The session from before the reload could not be resumed; a new one started',
          description: resumed.problems.map((problem) => problem.message).join('; '),
        });
        await storage.clear();
      }
      const base = demoScript(new Date());
      const since = await storage.newestVersion();
      const result = await controller.start({ workflows: [...start], base });
      if (!result) return;
      if (result.ok) {
        session.inputs = { workflows: start, publishedSince: since };
        store.getState().liveStarted({ workflows: start, base, update: result.update });
        void storage.save(base, 0, undefined, { workflows: [...start], versions: {}, publishedSince: since });
        setBaseline({ generation, since });
      } else store.getState().liveFailed('The engine refused to start the session', result.problems);
    })().catch(failed);
    return () => {
      sessionRef.current = null;
      stopListening();
      controller.dispose();
      client.dispose();
    };
    // Started once per generation: later edits of the stored Workflows only mark the session outdated.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, generation, store, failed]);

  // The clock plays at the chosen speed while the session runs and the view is on screen.
  const viewing = viewers > 0;
  useEffect(() => {
    const controller = sessionRef.current?.controller;
    if (!controller || status !== 'running' || speed === 0 || !viewing) return undefined;
    controller.play(livePace(speed));
    return () => controller.pause();
  }, [status, speed, viewing]);

  // A Workflow published while the session runs is played into it at its clock, with the policy
  // the person chose — once: a publish is known by its file (the version record's id), which the
  // session keeps in its script, so neither a re-render nor a reload plays it again. A Workflow the
  // session does not run keeps the outdated notice (Restart takes it in).
  const publishes = usePublishesSince(status === 'running' && baseline?.generation === generation ? baseline.since : undefined);
  const handled = useRef(new Set<string>());
  useEffect(() => {
    const session = sessionRef.current;
    if (!session || status !== 'running') return;
    const seen = (file: string) => handled.current.has(file) || Object.hasOwn(store.getState().live.versions, file);
    const { play, passedOver } = publishesToPlay(publishes, seen, session.inputs.workflows);
    for (const file of passedOver) handled.current.add(file);
    for (const { file, publish } of play) {
      handled.current.add(file);
      store.getState().liveVersionGiven(file, publish.document);
      // In turn with the clock and the person's commands, in the order they were published.
      void session.controller
        .publish({ workflow: publish.workflowId, file, policy: publish.policy, version: publish.document })
        .then(async (result) => {
          if (!result?.ok) return;
          // Without its words (their code did not arrive), the toast still says that it was published.
          const title = await publishOutcomeCode.load().then(
            ({ describePublishOutcome }) => describePublishOutcome(publish.document.name, file, publish.policy, result.update),
            () => `${publish.document.name} published`,
          );
          store.getState().notify({ tone: 'info', title });
          await keep();
        })
        .catch(failed);
    }
  }, [publishes, status, store, keep, failed]);

  const controls = useMemo<LiveSessionControls>(
    () => ({
      // The answers go into the store through the controller's subscriber (set up with the session).
      async perform(command) {
        const result = await sessionRef.current?.controller.perform(command);
        if (!result?.ok) return false;
        try {
          await keep();
          return true;
        } catch (error) {
          failed(error);
          return false;
        }
      },
      async jumpToNext() {
        const result = await sessionRef.current?.controller.jumpToNext();
        if (!result?.ok) return;
        try {
          await storage.saveTime(store.getState().live.time);
        } catch (error) {
          failed(error);
        }
      },
      async recordedScript() {
        const client = sessionRef.current?.client;
        const script = client ? await client.script() : null;
        if (!script) return null;
        const { runs, workflows: used } = store.getState().live;
        return sessionScript(script, runs, used);
      },
      restart() {
        // Forgotten first, so a reload right after does not bring the old session back.
        void storage.clear().then(() => setGeneration((n) => n + 1));
      },
      workflows,
      outdated: status === 'running' && running !== undefined && !sameDocuments(running, sessionWorkflows),
      view,
    }),
    [failed, keep, storage, store, workflows, status, running, sessionWorkflows, view],
  );

  return <LiveSessionContext value={controls}>{children}</LiveSessionContext>;
}
