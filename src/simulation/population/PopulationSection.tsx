import { useEffect, useRef, useState } from 'react';
import type { PopulationChartsResult } from '../../../simulator/schema/playback.ts';
import { StepFunnel } from './StepFunnel.tsx';
import { StopsOverTimeChart } from './StopsOverTimeChart.tsx';

interface Props {
  readonly workflowId: string;
  readonly workflowName: string;
  /** The instant shown; the charts follow it. */
  readonly time: number;
  readonly load: (workflowId: string) => Promise<PopulationChartsResult | null>;
}

/**
 * A population's charts, following playback: stops over virtual time by reason, and how far the
 * runs got along the Workflow. Asked of the worker once per frame at most, never twice at once.
 */
export function PopulationSection({ workflowId, workflowName, time, load }: Props) {
  const [charts, setCharts] = useState<Extract<PopulationChartsResult, { ok: true }> | null>(null);
  const inFlight = useRef(false);
  const wanted = useRef({ workflowId, time });
  useEffect(() => {
    wanted.current = { workflowId, time };
    if (inFlight.current) return;
    inFlight.current = true;
    const ask = (asked: { workflowId: string; time: number }): void => {
      load(asked.workflowId).then(
        (result) => {
          if (result?.ok) setCharts(result);
          const latest = wanted.current;
          if (latest.workflowId !== asked.workflowId || latest.time !== asked.time) ask(latest);
          else inFlight.current = false;
        },
        () => {
          inFlight.current = false;
        },
      );
    };
    ask({ workflowId, time });
  }, [workflowId, time, load]);

  if (!charts) return null;
  return (
    <section className="population-section" aria-label="Population">
      <StopsOverTimeChart series={charts.stops} title={`${workflowName}: runs stopped over time, by reason`} />
      <StepFunnel funnel={charts.funnel} title={`${workflowName}: how far the runs got`} />
    </section>
  );
}
