import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { PopulationChartsResult } from '../../../../simulator/schema/playback.ts';
import { PausesOverTimeChart } from './PausesOverTimeChart.tsx';
import { StepFunnel } from './StepFunnel.tsx';
import { StopsOverTimeChart } from './StopsOverTimeChart.tsx';

/** The charts' data: the stops, the funnel, the pauses and resumes over time and the runs paused per step. */
export type PopulationCharts = Extract<PopulationChartsResult, { ok: true }>;

interface Props {
  readonly workflowId: string;
  readonly workflowName: string;
  /** The instant shown; the charts follow it. */
  readonly time: number;
  readonly load: (workflowId: string) => Promise<PopulationChartsResult | null>;
}

/**
 * How often the charts are drawn again while the time moves, at most: a chart of hundreds of bars
 * takes tens of milliseconds to draw, too much for every frame of play; twice a second still
 * follows it.
 */
const REDRAW_INTERVAL_MS = 500;

/**
 * A population's charts, following playback: stops over virtual time by reason, pauses and resumes
 * (when the Workflow pauses runs), and how far the runs got along the Workflow. Asked of the worker for the latest instant, never twice at once and
 * at most every REDRAW_INTERVAL_MS; the last instant is always drawn.
 */
export function PopulationSection({ workflowId, workflowName, time, load }: Props) {
  const [charts, setCharts] = useState<PopulationCharts | null>(null);
  const inFlight = useRef(false);
  const wanted = useRef({ workflowId, time });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    wanted.current = { workflowId, time };
    if (inFlight.current) return;
    inFlight.current = true;
    const ask = (asked: { workflowId: string; time: number }): void => {
      const sent = performance.now();
      load(asked.workflowId).then(
        (result) => {
          if (result?.ok) setCharts(result);
          const latest = wanted.current;
          if (latest.workflowId === asked.workflowId && latest.time === asked.time) inFlight.current = false;
          else timer.current = window.setTimeout(() => ask(wanted.current), Math.max(0, REDRAW_INTERVAL_MS - (performance.now() - sent)));
        },
        () => {
          inFlight.current = false;
        },
      );
    };
    ask({ workflowId, time });
  }, [workflowId, time, load]);

  // Drawn at a lower priority than the frame: React draws the charts' hundreds of bars in slices
  // between animation frames instead of in one long task.
  const shown = useDeferredValue(charts);
  if (!shown) return null;
  return (
    <section className="population-section" aria-label="Population">
      <StopsOverTimeChart series={shown.stops} title={`${workflowName}: runs stopped over time, by reason`} />
      {/* Only a Workflow that has paused a run shows the hand-back's chart. */}
      {shown.pauses && shown.pauses.total.paused > 0 ? (
        <PausesOverTimeChart series={shown.pauses} title={`${workflowName}: runs paused and resumed over time`} />
      ) : null}
      <StepFunnel funnel={shown.funnel} title={`${workflowName}: how far the runs got`} {...(shown.pausedAtSteps ? { paused: shown.pausedAtSteps } : {})} />
    </section>
  );
}
