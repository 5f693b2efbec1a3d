import { memo, useId } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { formatOffset } from '../../../../simulator/schema/duration.ts';
import type { StopCounts, StopsBucket, StopsOverTime } from '../../../../simulator/schema/population.ts';
import { EXIT_CONDITION_IDS, stopReasonLabel } from '../../../../simulator/schema/exitConditions.ts';
import { stopReasonSchema, type StopReason } from '../../../../simulator/schema/script.ts';
import { capitalise } from '../../../../simulator/trace/capitalise.ts';
import { describeReason } from '../../../../simulator/trace/describeEntry.ts';
import { stopReasonColour } from './stopReasonColour.ts';
import { runs, span } from './chartWords.ts';
import { useUnchanged } from './useUnchanged.ts';
import { AxisTick } from './AxisTick.tsx';
import { bucketLabel, CURSOR, labelInterval, MARGIN, noLines } from './chartProps.ts';
import './population.css';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

const REASONS = stopReasonSchema.options;
/** The reasons a chart always names: a person's stop and the exit conditions. A publish's (workflow updated, step removed) only when one happened. */
const ALWAYS_SHOWN = new Set<StopReason>(['manual', ...EXIT_CONDITION_IDS]);

/** A reason as the legend names it: "Stopped by hand", "Outgoing message"…, and a publish's "Workflow updated", "Step removed". */
const reasonLabel = (reason: StopReason): string => (ALWAYS_SHOWN.has(reason) ? capitalise(describeReason(reason)) : stopReasonLabel(reason));

const sumOf = (counts: StopCounts): number => REASONS.reduce((sum, reason) => sum + counts[reason], 0);

/** A stretch's bar height. Made once, as the props in chartProps.ts: recharts redraws for each new function. */
const bucketTotal = (bucket: StopsBucket): number => sumOf(bucket.stopped);

interface Props {
  /** `stopsOverTime(sim, buckets)`: the runs stopped in each stretch of virtual time, by reason. */
  readonly series: StopsOverTime;
  /** The chart's heading. */
  readonly title?: string;
}

/**
 * When a population's runs stopped and why: one bar per stretch of virtual time, stacked by stop
 * reason, the axis in offsets from the start (`+6h`, `+1d`). The caption sums it up in words and
 * a visually hidden table gives every number to screen readers; the bars are for the eye and the
 * pointer (a tooltip per bar, also reached with the arrow keys once the chart has focus).
 */
export const StopsOverTimeChart = memo(function StopsOverTimeChart({ series, title = 'Stops over time' }: Props) {
  const titleId = useId();
  const summaryId = useId();
  const total = sumOf(series.total);
  const shown = REASONS.filter((reason) => ALWAYS_SHOWN.has(reason) || series.total[reason] > 0);
  // The same stretches as last time keep the plot as drawn: recharts redraws nothing.
  const buckets = useUnchanged(series.buckets);
  const withStops = series.buckets.filter((bucket) => sumOf(bucket.stopped) > 0);
  const summary =
    total === 0
      ? `No run stopped between +0 and ${formatOffset(series.asOf)}.`
      : `${runs(total)} stopped between +0 and ${formatOffset(series.asOf)}, in stretches of ${formatOffset(series.bucketMs).slice(1)}: ` +
        REASONS.filter((reason) => series.total[reason] > 0)
          .map((reason) => `${formatCount(series.total[reason])} by ${(ALWAYS_SHOWN.has(reason) ? describeReason(reason) : stopReasonLabel(reason).toLowerCase()).replace(/^stopped by /, '')}`)
          .join(', ') +
        '.';

  return (
    <figure className="population-chart" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption className="population-chart__caption">
        <span id={titleId} className="population-chart__title">
          {title}
        </span>
        <span id={summaryId} className="population-chart__summary">
          {summary}
        </span>
      </figcaption>
      <ul className="population-legend" aria-label="Stop reasons">
        {shown.map((reason) => (
          <li key={reason} className="population-legend__item">
            <span className="population-legend__swatch" style={{ background: stopReasonColour(reason) }} aria-hidden="true" />
            <span className="population-legend__label">{reasonLabel(reason)}</span>
            <span className="population-legend__count">{formatCount(series.total[reason])}</span>
          </li>
        ))}
      </ul>
      <StopsPlot buckets={buckets} title={title} />
      <table className="visually-hidden">
        <caption>
          {title}: runs stopped in each stretch of {formatOffset(series.bucketMs).slice(1)}, by reason
          {withStops.length < series.buckets.length ? ' (stretches without stops left out)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Virtual time</th>
            {shown.map((reason) => (
              <th key={reason} scope="col">
                {reasonLabel(reason)}
              </th>
            ))}
            <th scope="col">All reasons</th>
          </tr>
        </thead>
        <tbody>
          {withStops.map((bucket) => (
            <tr key={bucket.from}>
              <th scope="row">{span(bucket)}</th>
              {shown.map((reason) => (
                <td key={reason}>{bucket.stopped[reason]}</td>
              ))}
              <td>{sumOf(bucket.stopped)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Whole timeline</th>
            {shown.map((reason) => (
              <td key={reason}>{series.total[reason]}</td>
            ))}
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
    </figure>
  );
});

/**
 * The bars alone, drawn again only for other stretches: while playing, the caption's instant moves
 * on every redraw but the bars often stay as they were, and recharts redraws a chart in one piece.
 */
const StopsPlot = memo(function StopsPlot({ buckets, title }: { readonly buckets: readonly StopsBucket[]; readonly title: string }) {
  return (
    <div className="population-chart__plot">
      <BarChart
        responsive
        className="population-chart__chart"
        data={buckets}
        title={title}
        margin={MARGIN}
        barCategoryGap="12%"
      >
        {/* No vertical lines, so none to place: recharts would otherwise work out where they go by
            measuring every time label in the page on each redraw. */}
        <CartesianGrid vertical={false} verticalCoordinatesGenerator={noLines} className="population-chart__grid" />
        <XAxis
          dataKey={bucketLabel}
          tickLine={false}
          tick={AxisTick}
          className="population-chart__axis"
          interval={labelInterval(buckets)}
        />
        {/* Every count tick (recharts makes about five, never crowded): with a number for `interval`
            recharts keeps them all without measuring each label in the page, which forced a layout
            of the whole workspace on every redraw while playing. */}
        <YAxis allowDecimals={false} width={40} tickLine={false} tick={AxisTick} interval={0} className="population-chart__axis" />
        <Tooltip content={StopsTooltip} cursor={CURSOR} isAnimationActive={false} />
        {/* One bar per stretch, its reasons stacked inside it by StackedStops: recharts then lays out
            48 bars instead of one series per reason, which keeps a redraw short while playing. */}
        <Bar dataKey={bucketTotal} name="Runs stopped" className="population-chart__bar" shape={StackedStops} isAnimationActive={false} />
      </BarChart>
    </div>
  );
});

/** One stretch's bar: a segment per reason, bottom up in the legend's order, each as tall as its share. */
function StackedStops({ x, y, width, height, payload }: BarShapeProps) {
  const bucket = payload as StopsBucket;
  const total = sumOf(bucket.stopped);
  if (total === 0 || height <= 0) return null;
  const present = REASONS.filter((reason) => bucket.stopped[reason] > 0);
  // Each segment sits on the ones before it: its top is the bar's bottom less everything up to it.
  const tops = present.map((_, i) => y + height - (height * present.slice(0, i + 1).reduce((sum, reason) => sum + bucket.stopped[reason], 0)) / total);
  return (
    <g>
      {present.map((reason, i) => (
        <rect
          key={reason}
          className="population-chart__segment"
          style={{ fill: stopReasonColour(reason) }}
          x={x}
          y={tops[i]}
          width={width}
          height={(height * bucket.stopped[reason]) / total}
        />
      ))}
    </g>
  );
}

/** One bar's counts, reason by reason, in the legend's colours. */
function StopsTooltip({ active, payload }: TooltipContentProps) {
  const bucket = payload?.[0]?.payload as StopsBucket | undefined;
  if (!active || !bucket) return null;
  const total = sumOf(bucket.stopped);
  return (
    <div className="population-tooltip">
      <div className="population-tooltip__title">{span(bucket)}</div>
      {total === 0 ? (
        <div>No run stopped</div>
      ) : (
        <ul className="population-tooltip__list">
          {REASONS.filter((reason) => bucket.stopped[reason] > 0).map((reason) => (
            <li key={reason} className="population-legend__item">
              <span className="population-legend__swatch" style={{ background: stopReasonColour(reason) }} aria-hidden="true" />
              <span className="population-legend__label">{reasonLabel(reason)}</span>
              <span className="population-legend__count">{bucket.stopped[reason]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
