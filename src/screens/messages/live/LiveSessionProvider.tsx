import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveCommand } from '../../../../simulator/engine/liveSession.ts';
import type { LiveResult } from '../../../../simulator/schema/live.ts';
import type { Script } from '../../../../simulator/schema/script.ts';
import type { Workflow } from '../../../../simulator/schema/workflow.ts';
import { useWorkflowDocuments } from '../../../persistence/storedWorkflowHooks.ts';
import { useLiveSessionStorage } from '../../../persistence/useLiveSessionStorage.ts';
import { useAppStore, useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { demoScript } from './demoCast.ts';
import { createLiveSessionClient, type LiveSessionClient } from '../../../engine/liveSessionClient.ts';
import { runnableWorkflows, type RunnableWorkflows } from './runnableWorkflows.ts';
import { sessionScript } from './sessionScript.ts';

/** How often the live clock asks the engine to move on, in wall ms. */
const TICK_MS = 200;
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
  /** The stored Workflows differ from the versions the session's runs use. */
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

/** Call in the Messages view: the session starts when it is first shown, and its clock plays while it is. */
export function useLiveSessionViewer(): void {
  const { view } = useLiveSession();
  useEffect(() => view(), [view]);
}

/**
 * Runs the Messages view's live session in the engine's worker: starts it the first time the view
 * is shown, on the stored Workflows that are valid, and keeps it while the person goes to the
 * builder and back (the session then says its runs use older versions). Plays its clock at the
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
  const clientRef = useRef<LiveSessionClient | null>(null);
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

  // Start a session once the stored Workflows are read: the one kept from before a reload if there
  // is one (its script replayed to its clock), else a new one — and a new one after Restart. Each
  // tab keeps its own session (its own record, under a key only it writes): two tabs of this view
  // run two sessions and never overwrite each other's; the rule is in liveSessionRepository.ts.
  const storage = useLiveSessionStorage();
  const resume = useRef(true);
  const running = workflows?.running;
  const ready = running !== undefined;
  useEffect(() => {
    if (!ready) return undefined;
    const start = running ?? [];
    if (start.length === 0) return undefined;
    const client = createLiveSessionClient();
    clientRef.current = client;
    store.getState().liveStarting();
    const current = () => clientRef.current === client;
    void (async () => {
      const kept = resume.current ? await storage.read() : null;
      resume.current = false;
      if (!current()) return;
      if (kept) {
        const resumed = await client.start({ workflows: [...start], base: kept.script });
        if (!current()) return;
        if (resumed.ok) {
          store.getState().liveStarted({ workflows: start, base: kept.script, update: resumed.update });
          // Working as the same person as before the reload (not the cast's first user).
          if (kept.userId !== undefined && kept.script.users.some((user) => user.id === kept.userId)) store.getState().setLiveUser(kept.userId);
          // Back to the kept clock: the engine plays at most 20,000 entries per step of time, so a
          // long session is replayed in steps until it is there (or the engine says why not).
          let replayed = await client.advance(kept.time);
          while (current() && replayed.ok && replayed.update.halted?.reason === 'advance_limit' && replayed.update.time < kept.time) {
            store.getState().liveUpdated(replayed.update);
            replayed = await client.advance(kept.time - replayed.update.time);
          }
          if (current()) apply(replayed);
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
      const result = await client.start({ workflows: [...start], base });
      if (!current()) return;
      if (result.ok) {
        store.getState().liveStarted({ workflows: start, base, update: result.update });
        void storage.save(base, 0);
      } else store.getState().liveFailed('The engine refused to start the session', result.problems);
    })().catch(failed);
    return () => {
      clientRef.current = null;
      client.dispose();
    };
    // Started once per generation: later edits of the stored Workflows only mark the session outdated.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, generation, store, failed]);

  // Kept after every command (the script grew) and, while time passes, its clock now and then.
  const keep = useCallback(async () => {
    const client = clientRef.current;
    const script = client ? await client.script() : null;
    if (script) await storage.save(script, store.getState().live.time, store.getState().live.userId);
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

  // The clock: while playing, ask the engine to let the wall time that passed, times the speed, pass.
  const viewing = viewers > 0;
  useEffect(() => {
    if (status !== 'running' || speed === 0 || !viewing) return undefined;
    let last = performance.now();
    let inFlight = false;
    const timer = window.setInterval(() => {
      const client = clientRef.current;
      if (!client || inFlight) return;
      const now = performance.now();
      const virtual = Math.round((now - last) * speed);
      last = now;
      inFlight = true;
      client
        .advance(virtual)
        .then((result) => apply(result) && keepClock(), failed)
        .finally(() => {
          inFlight = false;
        });
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [status, speed, viewing, apply, failed, keepClock]);

  const controls = useMemo<LiveSessionControls>(
    () => ({
      async perform(command) {
        const client = clientRef.current;
        if (!client) return false;
        try {
          const done = apply(await client.command(command));
          if (done) await keep();
          return done;
        } catch (error) {
          failed(error);
          return false;
        }
      },
      async jumpToNext() {
        const client = clientRef.current;
        if (!client) return;
        try {
          if (apply(await client.jumpToNext())) await storage.saveTime(store.getState().live.time);
        } catch (error) {
          failed(error);
        }
      },
      async recordedScript() {
        const client = clientRef.current;
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
    [apply, failed, keep, storage, store, workflows, status, running, sessionWorkflows, view],
  );

  return <LiveSessionContext value={controls}>{children}</LiveSessionContext>;
}
