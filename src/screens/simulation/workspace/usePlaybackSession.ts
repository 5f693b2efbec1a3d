import { useEffect, useMemo, useRef } from 'react';
import type { PlaybackLoad, PlaybackLoadResult, PopulationChartsResult } from '../../../../simulator/schema/playback.ts';
import { createPlaybackClient, type PlaybackClient } from '../../../engine/playbackClient.ts';
import { PlaybackController, playbackPace } from '../../../engine/playbackController.ts';
import type { AppState, AppStore } from '../../../state/appStore.ts';
import { useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { createReportRequests, type ReportRequests } from './reportRequests.ts';
import { MAX_REPORT_ROWS, type ReportRowsRequest } from '../../../../simulator/schema/report.ts';
import type { Breakpoints, SetBreakpointsResult } from '../../../../simulator/schema/breakpoints.ts';
import type { CoverageOutcome, CoverageRequest } from '../../../../simulator/schema/coverage.ts';

export interface PlaybackControls {
  play(): void;
  pause(): void;
  step(): void;
  nextEvent(): void;
  seek(t: number): void;
  /**
   * Fire now: pauses and jumps the clock to the instant a waiting run's timer is due, as Next
   * event does. Asked again for the same instant before the first is answered (a double click), once.
   */
  fireAt(due: number): void;
  runToEnd(): void;
  selectContact(id: string): void;
  /** A population's charts at the current instant; null when the worker is gone. */
  populationCharts(workflowId: string): Promise<PopulationChartsResult | null>;
  /** Which steps and paths some run of the scripts takes, worked out in the worker; null when the worker is gone. */
  coverage(request: CoverageRequest): Promise<CoverageOutcome | null>;
  /** Brings `count` more runs or trace entries of the report into the store, a page at a time. */
  moreReportRows(kind: ReportRowsRequest['kind'], count: number): void;
}

/** Where a simulation opens once loaded, instead of its start and first contact: a link's instant (ms since the script's start) and contact. */
export interface PlaybackStart {
  readonly at?: number;
  readonly contact?: string;
}

/** Runs `work` once the page is idle (the workspace drawn), or after 2 s at the latest. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2_000 });
  else setTimeout(work, 0);
}

/** A call to the worker that failed (the worker died or could not start), as the workspace shows it. */
const workerFailed = (store: AppStore, error: unknown) => store.getState().playbackFailed(error instanceof Error ? error.message : String(error));

/**
 * Plays Workflows and a script in the engine's worker, on a `PlaybackController` (src/engine), and
 * keeps the store's playback slice in step with what it reports. New inputs (an edit) are
 * re-simulated to the same instant, and the end-of-run report of the newest inputs is asked for
 * once they are loaded. The store says whether to play and how fast (the playback bar and the
 * shortcuts set it, a done frame or a failure clears it): the controller follows it at once, and
 * sends one request at a time, so a slow frame never piles up work and the page stays responsive.
 */
export function usePlaybackSession(
  input: PlaybackLoad | null,
  start?: PlaybackStart,
  breakpoints?: Breakpoints,
  onBreakpointsSet?: (result: SetBreakpointsResult) => void,
): PlaybackControls {
  const store = useAppStoreApi();
  // Read once, at the first load: a later reload (an edit) keeps the instant and contact it is at instead.
  const startRef = useRef(start);
  const sessionRef = useRef<{ readonly client: PlaybackClient; readonly controller: PlaybackController; readonly reports: ReportRequests } | null>(null);
  const loadedOnce = useRef(false);
  // The instant Fire now asked for and the worker has not answered yet: a second click on it is the same request.
  const firingRef = useRef<number | null>(null);

  useEffect(() => {
    const client = createPlaybackClient();
    const controller = new PlaybackController(client);
    const failed = (error: unknown) => workerFailed(store, error);
    const reports = createReportRequests(
      () => client.report(),
      (outcome) => {
        if (outcome.ok) store.getState().playbackReported(outcome.report);
        else store.getState().playbackFailed('The simulator could not run the script to the end', outcome.problems);
      },
      failed,
    );
    const stopListening = controller.subscribe((event) => {
      if (event.kind === 'error') return failed(event.error);
      const result = event.answer;
      if (result.ok) store.getState().playbackFrame(result.frame);
      else store.getState().playbackFailed('The simulator refused that', result.problems);
    });
    const end = () => store.getState().playback.info?.end ?? 0;
    const follow = ({ playback }: AppState) => (playback.playing ? controller.play(playbackPace(playback.rate, end)) : controller.pause());
    follow(store.getState());
    const stopFollowing = store.subscribe((state, previous) => {
      if (state.playback.playing !== previous.playback.playing || state.playback.rate !== previous.playback.rate) follow(state);
    });
    sessionRef.current = { client, controller, reports };
    loadedOnce.current = false;
    return () => {
      sessionRef.current = null;
      stopFollowing();
      stopListening();
      reports.cancel();
      controller.dispose();
      client.dispose();
    };
  }, [store]);

  useEffect(() => {
    const session = sessionRef.current;
    if (!session || !input) return;
    const { controller, reports } = session;
    const load = reports.loadSent();
    // Undefined: the worker failed (the subscriber said so) or the workspace is gone.
    const loaded = (result: PlaybackLoadResult | undefined, askReport: (ask: () => void) => void = (ask) => ask()) => {
      if (!result) return;
      if (!result.ok) return store.getState().playbackFailed('Nothing can be simulated: the engine refused the input', result.problems);
      store.getState().playbackLoaded(result.info, result.frame);
      askReport(() => reports.loaded(load));
    };
    if (!loadedOnce.current) {
      loadedOnce.current = true;
      store.getState().playbackLoading();
      const { at, contact } = startRef.current ?? {};
      void controller.load(input).then(async (result) => {
        // The first report waits until the workspace has been drawn: it shows only in the dock, and
        // reading it on the main thread would delay the workspace's first paint; asked for first,
        // it would also make a link's contact and instant wait behind it in the worker.
        loaded(result, whenIdle);
        if (!result?.ok) return;
        // Only a contact the picker lists: another (a link's typo, a population's 500th) would be refused as an error.
        if (contact !== undefined && result.info.contacts.some((listed) => listed.id === contact)) await controller.selectContact(contact);
        // A link's instant is where the person asked to be: breakpoints on the way do not stop it.
        if (at !== undefined) await controller.seek(at, { breakpoints: 'pass' });
      });
    } else {
      store.getState().playbackReportRunning();
      void controller.reload(input).then(loaded);
    }
  }, [input, store]);

  // The engine pauses at breakpoints, so each change goes to the worker (it keeps them across loads).
  const breakpointsSet = useRef(onBreakpointsSet);
  useEffect(() => {
    breakpointsSet.current = onBreakpointsSet;
  }, [onBreakpointsSet]);
  useEffect(() => {
    const session = sessionRef.current;
    if (!session || !breakpoints) return;
    void session.controller.setBreakpoints(breakpoints).then((result) => result && breakpointsSet.current?.(result));
  }, [breakpoints]);

  return useMemo<PlaybackControls>(() => {
    const controller = () => sessionRef.current?.controller;
    return {
      play: () => {
        // Play at the end starts over, as a media player does.
        if (store.getState().playback.frame?.done) void controller()?.seek(0);
        store.getState().setPlaying(true);
      },
      pause: () => store.getState().setPlaying(false),
      step: () => {
        store.getState().setPlaying(false);
        void controller()?.step();
      },
      nextEvent: () => {
        store.getState().setPlaying(false);
        void controller()?.nextEvent();
      },
      seek: (t) => void controller()?.seek(t),
      fireAt: (due) => {
        const now = store.getState().playback.frame?.time ?? 0;
        if (due === firingRef.current || due <= now) return;
        firingRef.current = due;
        store.getState().setPlaying(false);
        void controller()
          ?.seek(due)
          .finally(() => {
            if (firingRef.current === due) firingRef.current = null;
          });
      },
      runToEnd: () => {
        store.getState().setPlaying(false);
        void controller()?.runToEnd();
      },
      selectContact: (id) => void controller()?.selectContact(id),
      populationCharts: async (workflowId) => (sessionRef.current ? sessionRef.current.client.populationCharts(workflowId) : null),
      coverage: async (request) => (sessionRef.current ? sessionRef.current.client.coverage(request) : null),
      moreReportRows: (kind, count) => {
        const rowsOf = () => {
          const report = store.getState().playback.report;
          return report ? { have: kind === 'runs' ? report.runs.length : report.trace.length, total: kind === 'runs' ? report.runCount : report.traceCount, hash: report.traceHash } : null;
        };
        const start = rowsOf();
        if (!start) return;
        const target = Math.min(start.total, start.have + count);
        // Page after page, each parsed and added before the next is asked for, until the target.
        const next = () => {
          const now = rowsOf();
          const client = sessionRef.current?.client;
          if (!client || !now || now.hash !== start.hash || now.have >= target) return;
          client.reportRows({ kind, from: now.have, count: Math.min(MAX_REPORT_ROWS, target - now.have) }).then((page) => {
            if (!page.ok) return store.getState().playbackFailed('The simulator could not bring more rows', page.problems);
            const before = rowsOf()?.have;
            store.getState().playbackReportRows(page);
            if (rowsOf()?.have !== before) next();
          }, (error: unknown) => workerFailed(store, error));
        };
        next();
      },
    };
  }, [store]);
}
