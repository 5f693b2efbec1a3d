import { memo, useId } from 'react';
import type { PausedAtSteps } from '../../../../simulator/schema/pauseSeries.ts';
import type { FunnelStep, StepFunnel as StepFunnelData } from '../../../../simulator/schema/population.ts';
import { stopReasonSchema } from '../../../../simulator/schema/script.ts';
import { describeReason } from '../../../../simulator/trace/describeEntry.ts';
import './population.css';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

/** What became of the runs at a step: `1,162 stopped here (439 incoming message, …) · 12 paused here · 40 waiting`. */
function stepDetail(step: FunnelStep, paused: number): string {
  const parts: string[] = [];
  if (step.passes > step.reached) parts.push(`${formatCount(step.passes)} passes`);
  const stops = stopReasonSchema.options.filter((reason) => step.stopped[reason] > 0);
  const stopped = stops.reduce((sum, reason) => sum + step.stopped[reason], 0);
  if (stopped > 0)
    parts.push(
      `${formatCount(stopped)} stopped here (${stops.map((reason) => `${formatCount(step.stopped[reason])} ${describeReason(reason).replace(/^stopped /, '')}`).join(', ')})`,
    );
  if (paused > 0) parts.push(`${formatCount(paused)} paused here`);
  if (step.waiting > 0) parts.push(`${formatCount(step.waiting)} waiting`);
  if (step.completed > 0) parts.push(`${formatCount(step.completed)} completed`);
  if (step.failed > 0) parts.push(`${formatCount(step.failed)} failed`);
  return parts.join(' · ');
}

interface Props {
  /** `stepFunnel(sim, workflowId)`: the Workflow's steps in path order with how many runs reached each. */
  readonly funnel: StepFunnelData;
  /** The funnel's heading. */
  readonly title?: string;
  /** `pausedAtSteps(sim, workflowId)`: the runs paused at each step now, when the Workflow pauses. */
  readonly paused?: PausedAtSteps;
}

/**
 * How far a population's runs got along a Workflow: one horizontal bar per step, in path order
 * (the trigger first), as long as the runs that reached it, with the count and the share of the
 * runs started beside it, and under it what became of the runs that stayed there. A list, so a
 * screen reader reads each step with its numbers; the bars are drawn in SVG for the eye.
 */
export const StepFunnel = memo(function StepFunnel({ funnel, title = `Runs per step: ${funnel.name}`, paused }: Props) {
  const titleId = useId();
  const pausedAt = new Map(paused?.steps.map((step) => [step.step, step.paused]));
  const started = funnel.steps[0]?.reached ?? 0;
  const widest = Math.max(1, ...funnel.steps.map((step) => step.reached));
  const completed = funnel.steps.reduce((sum, step) => sum + step.completed, 0);
  const summary =
    started === 0
      ? 'No run started yet.'
      : `${formatCount(started)} ${started === 1 ? 'run' : 'runs'} started; ${formatCount(completed)} completed.`;

  return (
    <figure className="step-funnel" aria-labelledby={titleId}>
      <figcaption className="population-chart__caption">
        <span id={titleId} className="population-chart__title">
          {title}
        </span>
        <span className="population-chart__summary">{summary}</span>
      </figcaption>
      <ol className="step-funnel__steps">
        {funnel.steps.map((step) => {
          const share = started > 0 ? Math.round((step.reached / started) * 100) : 0;
          const detail = stepDetail(step, pausedAt.get(step.step) ?? 0);
          return (
            <li key={step.step} className="step-funnel__step" data-step={step.step}>
              <span className="step-funnel__label">{step.label}</span>
              <svg className="step-funnel__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className="step-funnel__track" x={0} y={0} width={100} height={10} />
                <rect className="step-funnel__fill" x={0} y={0} width={(step.reached / widest) * 100} height={10} />
              </svg>
              <span className="step-funnel__count">
                {formatCount(step.reached)} reached
                {started > 0 ? <span className="step-funnel__share"> ({share}%)</span> : null}
              </span>
              {detail ? <span className="step-funnel__detail">{detail}</span> : null}
            </li>
          );
        })}
      </ol>
    </figure>
  );
});
