import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PlaybackLoad, PlaybackLoadResult, PlaybackResult, PopulationChartsResult } from '../../../../simulator/schema/playback.ts';
import { useAppStore, useAppStoreApi } from '../../../state/StoreProvider.tsx';
import { createPlaybackClient, type PlaybackClient } from '../../../engine/playbackClient.ts';
import { createReportRequests, type ReportRequests } from './reportRequests.ts';
import { MAX_REPORT_ROWS, type ReportRowsRequest } from '../../../../simulator/schema/report.ts';

export interface PlaybackControls {
  play(): void;
  pause(): void;
  step(): void;
  nextEvent(): void;
  seek(t: number): void;
  runToEnd(): void;
  selectContact(id: string): void;
  /** A population's charts at the current instant; null when the worker is gone. */
  populationCharts(workflowId: string): Promise<PopulationChartsResult | null>;
  /** Brings `count` more runs or trace entries of the report into the store, a page at a time. */
  moreReportRows(kind: ReportRowsRequest['kind'], count: number): void;
}

/** "As fast as possible": how much of the timeline one animation frame plays. */
const MAX_RATE_SHARE = 1 / 120;

/**
 * Plays Workflows and a script in the engine's worker and keeps the store's playback slice in step
 * with what it reports. New inputs (an edit) are re-simulated to the same instant, and the
 * end-of-run report of the newest inputs is asked for once they are loaded. While playing, one
 * request per animation frame at most, and none while one is still out, so a slow frame never
 * piles up work and the page stays responsive.
 */
export function usePlaybackSession(input: PlaybackLoad | null): PlaybackControls {
  const store = useAppStoreApi();
  const clientRef = useRef<PlaybackClient | null>(null);
  const reportsRef = useRef<ReportRequests | null>(null);
  const loadedOnce = useRef(false);
  const playing = useAppStore((state) => state.playback.playing);
  const rate = useAppStore((state) => state.playback.rate);

  const onFrame = useCallback(
    (result: PlaybackResult) => {
      if (result.ok) store.getState().playbackFrame(result.frame);
      else store.getState().playbackFailed('The simulator refused that', result.problems);
    },
    [store],
  );
  const onLoad = useCallback(
    (result: PlaybackLoadResult) => {
      if (result.ok) store.getState().playbackLoaded(result.info, result.frame);
      else store.getState().playbackFailed('Nothing can be simulated: the engine refused the input', result.problems);
    },
    [store],
  );
  const onError = useCallback((error: unknown) => store.getState().playbackFailed(error instanceof Error ? error.message : String(error)), [store]);

  useEffect(() => {
    const client = createPlaybackClient();
    const reports = createReportRequests(
      () => client.report(),
      (outcome) => {
        if (outcome.ok) store.getState().playbackReported(outcome.report);
        else store.getState().playbackFailed('The simulator could not run the script to the end', outcome.problems);
      },
      onError,
    );
    clientRef.current = client;
    reportsRef.current = reports;
    loadedOnce.current = false;
    return () => {
      clientRef.current = null;
      reportsRef.current = null;
      reports.cancel();
      client.dispose();
    };
  }, [store, onError]);

  useEffect(() => {
    const client = clientRef.current;
    const reports = reportsRef.current;
    if (!client || !reports || !input) return;
    const load = reports.loadSent();
    const loaded = (result: PlaybackLoadResult) => {
      onLoad(result);
      if (result.ok) reports.loaded(load);
    };
    if (!loadedOnce.current) {
      loadedOnce.current = true;
      store.getState().playbackLoading();
      client.load(input).then(loaded, onError);
    } else {
      store.getState().playbackReportRunning();
      client.reload(input).then(loaded, onError);
    }
  }, [input, store, onLoad, onError]);

  useEffect(() => {
    if (!playing) return undefined;
    let frame = 0;
    let last = performance.now();
    let inFlight = false;
    const tick = (now: number) => {
      frame = requestAnimationFrame(tick);
      const client = clientRef.current;
      if (!client || inFlight) return;
      // An animation frame's timestamp can be a little older than the clock read when play began.
      const elapsed = Math.max(0, now - last);
      last = Math.max(last, now);
      const end = store.getState().playback.info?.end ?? 0;
      const virtual = rate === 'max' ? Math.max(3_600_000, end * MAX_RATE_SHARE) : elapsed * rate;
      inFlight = true;
      client
        .advance(Math.round(virtual))
        .then(onFrame, onError)
        .finally(() => {
          inFlight = false;
        });
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, rate, store, onFrame, onError]);

  return useMemo<PlaybackControls>(() => {
    const run = (work: (client: PlaybackClient) => Promise<PlaybackResult>) => {
      const client = clientRef.current;
      if (client) work(client).then(onFrame, onError);
    };
    return {
      play: () => {
        const frame = store.getState().playback.frame;
        // Play at the end starts over, as a media player does.
        if (frame?.done && clientRef.current) clientRef.current.seek(0).then(onFrame, onError);
        store.getState().setPlaying(true);
      },
      pause: () => store.getState().setPlaying(false),
      step: () => {
        store.getState().setPlaying(false);
        run((client) => client.step());
      },
      nextEvent: () => {
        store.getState().setPlaying(false);
        run((client) => client.nextEvent());
      },
      seek: (t) => run((client) => client.seek(t)),
      runToEnd: () => {
        store.getState().setPlaying(false);
        run((client) => client.runToEnd());
      },
      selectContact: (id) => run((client) => client.selectContact(id)),
      populationCharts: async (workflowId) => (clientRef.current ? clientRef.current.populationCharts(workflowId) : null),
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
          const client = clientRef.current;
          if (!client || !now || now.hash !== start.hash || now.have >= target) return;
          client.reportRows({ kind, from: now.have, count: Math.min(MAX_REPORT_ROWS, target - now.have) }).then((page) => {
            if (!page.ok) return store.getState().playbackFailed('The simulator could not bring more rows', page.problems);
            const before = rowsOf()?.have;
            store.getState().playbackReportRows(page);
            if (rowsOf()?.have !== before) next();
          }, onError);
        };
        next();
      },
    };
  }, [store, onFrame, onError]);
}
