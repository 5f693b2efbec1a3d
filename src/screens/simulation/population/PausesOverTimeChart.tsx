import { memo, useId } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import { formatOffset } from '../../../../simulator/schema/duration.ts';
import type { PausesBucket, PausesOverTime } from '../../../../simulator/schema/pauseSeries.ts';
import { runs, span } from './chartWords.ts';
import { useUnchanged } from './useUnchanged.ts';
import { AxisTick } from './AxisTick.tsx';
import { bucketLabel, CURSOR, labelInterval, MARGIN, noLines } from './chartProps.ts';
import './population.css';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

/** The two series, as the legend says them to people who never read the settings. */
const SERIES = [
  { key: 'paused', label: 'Paused', meaning: 'an exit condition handed the contact to your team', colour: 'var(--population-paused)' },
  { key: 'resumed', label: 'Resumed', meaning: 'the run carried on where it paused', colour: 'var(--population-resumed)' },
] as const;

/**
 * How tall a stretch's bar is: the larger of its two counts, so the count axis reaches the tallest
 * of either. Made once, as the props in chartProps.ts: recharts redraws for each new function.
 */
const tallest = (bucket: PausesBucket): number => Math.max(bucket.paused, bucket.resumed);
/** The pixels between a stretch's paused and resumed bars. */
const PAIR_GAP = 1;

interface Props {
  /** `pausesOverTime(sim, buckets)`: the runs paused and resumed in each stretch of virtual time. */
  readonly series: PausesOverTime;
  readonly title?: string;
}

/**
 * When a population's runs were handed to the team and when they came back: per stretch of
 * virtual time, a bar of runs paused beside a bar of runs resumed, in the same stretches as the
 * stops chart. The caption sums it up in words (and how many are paused now); a visually hidden
 * table gives every number to screen readers.
 */
export const PausesOverTimeChart = memo(function PausesOverTimeChart({ series, title = 'Pauses and resumes over time' }: Props) {
  const titleId = useId();
  const summaryId = useId();
  const { paused, resumed } = series.total;
  const until = formatOffset(series.asOf);
  const summary =
    paused === 0
      ? `No run paused between +0 and ${until}.`
      : `${runs(paused)} paused and ${formatCount(resumed)} resumed between +0 and ${until}, in stretches of ${formatOffset(series.bucketMs).slice(1)}; ${formatCount(series.pausedNow)} still paused at ${until}.`;
  // The same stretches as last time keep the plot as drawn: recharts redraws nothing.
  const buckets = useUnchanged(series.buckets);
  const withPauses = series.buckets.filter((bucket) => bucket.paused + bucket.resumed > 0);

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
      <ul className="population-legend" aria-label="Pauses and resumes">
        {SERIES.map((line) => (
          <li key={line.key} className="population-legend__item">
            <span className="population-legend__swatch" style={{ background: line.colour }} aria-hidden="true" />
            <span className="population-legend__label">
              {line.label}: {line.meaning}
            </span>
            <span className="population-legend__count">{formatCount(series.total[line.key])}</span>
          </li>
        ))}
      </ul>
      <PausesPlot buckets={buckets} title={title} />
      <table className="visually-hidden">
        <caption>
          {title}: runs paused and resumed in each stretch of {formatOffset(series.bucketMs).slice(1)}
          {withPauses.length < series.buckets.length ? ' (stretches without either left out)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Virtual time</th>
            {SERIES.map((line) => (
              <th key={line.key} scope="col">
                {line.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {withPauses.map((bucket) => (
            <tr key={bucket.from}>
              <th scope="row">{span(bucket)}</th>
              {SERIES.map((line) => (
                <td key={line.key}>{bucket[line.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Whole timeline</th>
            {SERIES.map((line) => (
              <td key={line.key}>{series.total[line.key]}</td>
            ))}
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
const PausesPlot = memo(function PausesPlot({ buckets, title }: { readonly buckets: readonly PausesBucket[]; readonly title: string }) {
  return (
    <div className="population-chart__plot population-chart__plot--short">
      <BarChart
        responsive
        className="population-chart__chart"
        data={buckets}
        title={title}
        margin={MARGIN}
        barCategoryGap="12%"
        barGap={1}
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
        <Tooltip content={PausesTooltip} cursor={CURSOR} isAnimationActive={false} />
        {/* One bar per stretch, its paused and resumed counts side by side inside it (PausedBesideResumed):
            recharts then lays out one series of 48 bars instead of two, which halves a redraw while playing. */}
        <Bar dataKey={tallest} name="Runs paused and resumed" className="population-chart__bar" shape={PausedBesideResumed} isAnimationActive={false} />
      </BarChart>
    </div>
  );
});

/**
 * One stretch's two bars, paused then resumed, each half the stretch's width and as tall as its own
 * count: recharts sized the stretch's bar for the larger count, and heights are proportional to counts.
 */
function PausedBesideResumed({ x, y, width, height, payload }: BarShapeProps) {
  const bucket = payload as PausesBucket;
  const top = Math.max(bucket.paused, bucket.resumed);
  if (top === 0 || height <= 0) return null;
  const half = Math.max(0, (width - PAIR_GAP) / 2);
  return (
    <g>
      {SERIES.map((line, i) => {
        const tall = (height * bucket[line.key]) / top;
        return tall > 0 ? (
          <rect key={line.key} className={`population-chart__segment population-chart__segment--${line.key}`} style={{ fill: line.colour }} x={x + i * (half + PAIR_GAP)} y={y + height - tall} width={half} height={tall} />
        ) : null;
      })}
    </g>
  );
}

/** One stretch's pauses and resumes, in the legend's colours. */
function PausesTooltip({ active, payload }: TooltipContentProps) {
  const bucket = payload?.[0]?.payload as PausesBucket | undefined;
  if (!active || !bucket) return null;
  return (
    <div className="population-tooltip">
      <div className="population-tooltip__title">{span(bucket)}</div>
      <ul className="population-tooltip__list">
        {SERIES.map((line) => (
          <li key={line.key} className="population-legend__item">
            <span className="population-legend__swatch" style={{ background: line.colour }} aria-hidden="true" />
            <span className="population-legend__label">{line.label}</span>
            <span className="population-legend__count">{bucket[line.key]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
