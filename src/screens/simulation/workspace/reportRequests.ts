import type { SimulationReportOutcome } from '../../../../simulator/schema/report.ts';

export interface ReportRequests {
  /** A load or reload is going to the worker: reports asked for before it are stale. Returns its number. */
  loadSent(): number;
  /** Load number `load` was accepted: ask for its report, unless a newer load has been sent since. */
  loaded(load: number): void;
  /** Drops every answer still to come (the worker is going away). */
  cancel(): void;
}

/**
 * Asks the worker for the end-of-run report of the newest load only, one request at a time. A
 * report is asked for once its load has been accepted and while no newer load has been sent; the
 * worker answers in order, so it is the report of that load's inputs. An answer that comes back
 * after a newer load was sent is dropped, and the newest load's report is asked for then (if that
 * load has been accepted by now; otherwise when it is).
 *
 * @example const reports = createReportRequests(() => client.report(), show, fail);
 * const load = reports.loadSent(); client.reload(input).then((result) => result.ok && reports.loaded(load));
 */
export function createReportRequests(
  ask: () => Promise<SimulationReportOutcome>,
  onReport: (outcome: SimulationReportOutcome) => void,
  onError: (error: unknown) => void,
): ReportRequests {
  let loads = 0;
  /** The newest accepted load whose report has not been asked for (0: none). */
  let wanted = 0;
  let inFlight = false;
  let cancelled = false;

  const send = () => {
    if (cancelled || inFlight || wanted === 0 || wanted !== loads) return;
    const load = wanted;
    wanted = 0;
    inFlight = true;
    ask().then(
      (outcome) => {
        inFlight = false;
        if (cancelled) return;
        if (load === loads) onReport(outcome);
        else send();
      },
      (error: unknown) => {
        inFlight = false;
        if (!cancelled) onError(error);
      },
    );
  };

  return {
    loadSent: () => ++loads,
    loaded(load) {
      if (load !== loads) return;
      wanted = load;
      send();
    },
    cancel() {
      cancelled = true;
    },
  };
}
