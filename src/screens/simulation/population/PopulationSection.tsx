import { memo, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { PopulationChartsResult } from '../../../../simulator/schema/playback.ts';
import { fileSlug } from '../../../common/fileSlug.ts';
import { funnelCsv, pausesCsv, stopsCsv } from '../../../common/slides/chartCsv.ts';
import { chartSvg } from '../../../common/slides/chartSvg.ts';
import { ExportMenu } from '../../../ui/ExportMenu.tsx';
import { funnelSvg } from '../../../common/slides/funnelSvg.ts';
import { PausesOverTimeChart } from './PausesOverTimeChart.tsx';
import { StepFunnel } from './StepFunnel.tsx';
import { StopsOverTimeChart } from './StopsOverTimeChart.tsx';
import { useDrawnLater } from './useDrawnLater.ts';

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
// Memoised: the workspace draws again when play starts or stops, which changes nothing here.
export const PopulationSection = memo(function PopulationSection({ workflowId, workflowName, time, load }: Props) {
  const [charts, setCharts] = useState<PopulationCharts | null>(null);
  const inFlight = useRef(false);
  const wanted = useRef({ workflowId, time });
  const timer = useRef<number | undefined>(undefined);
  const stopsBox = useRef<HTMLDivElement>(null);
  const pausesBox = useRef<HTMLDivElement>(null);
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
  // The pauses' chart a little after the stops': each redraws in a task of its own.
  const pauses = useDrawnLater(shown?.pauses ?? null);
  if (!shown) return null;
  const slug = fileSlug(workflowName) || workflowId;
  const stopsTitle = `${workflowName}: runs stopped over time, by reason`;
  const pausesTitle = `${workflowName}: runs paused and resumed over time`;
  const funnelTitle = `${workflowName}: how far the runs got`;
  return (
    <section className="population-section" aria-label="Population">
      <div className="population-section__chart" ref={stopsBox}>
        <ExportMenu
          text="Export"
          className="population-section__export"
          label="Export the stops over time"
          fileName={`${slug}-stops-over-time`}
          picture={() => drawnChart(stopsBox.current, stopsTitle)}
          csv={() => stopsCsv(shown.stops)}
        />
        <StopsOverTimeChart series={shown.stops} title={stopsTitle} />
      </div>
      {/* Only a Workflow that has paused a run shows the hand-back's chart. */}
      {pauses && pauses.total.paused > 0 ? (
        <div className="population-section__chart" ref={pausesBox}>
          <ExportMenu
            text="Export"
            className="population-section__export"
            label="Export the pauses over time"
            fileName={`${slug}-pauses-over-time`}
            picture={() => drawnChart(pausesBox.current, pausesTitle)}
            csv={() => pausesCsv(pauses)}
          />
          <PausesOverTimeChart series={pauses} title={pausesTitle} />
        </div>
      ) : null}
      <div className="population-section__chart">
        <ExportMenu text="Export" className="population-section__export" label="Export the step funnel" fileName={`${slug}-funnel`} picture={() => funnelSvg(shown.funnel, funnelTitle)} csv={() => funnelCsv(shown.funnel)} />
        <StepFunnel funnel={shown.funnel} title={funnelTitle} {...(shown.pausedAtSteps ? { paused: shown.pausedAtSteps } : {})} />
      </div>
    </section>
  );
});

/** The chart drawn in `box` (recharts' SVG) as a file, or nothing while it is not drawn. */
function drawnChart(box: HTMLElement | null, title: string) {
  const drawing = box?.querySelector<SVGSVGElement>('svg.recharts-surface');
  return drawing ? chartSvg(drawing, title) : null;
}
