import { formatOffset } from '../../../../simulator/schema/duration.ts';

// recharts keeps its props in a store of its own and reports each new object or function given to
// it as a change, which redraws the whole chart: the props both population charts share are made
// once, here.

export const MARGIN = { top: 8, right: 8, bottom: 4, left: 0 };
export const CURSOR = { className: 'population-chart__cursor' };

/** A grid without vertical lines has no places to work out for them. */
export const noLines = (): number[] => [];

/** A stretch of time as its axis label: where it starts. */
export const bucketLabel = (bucket: { readonly from: number }): string => formatOffset(bucket.from);

/** The time axis labels every n-th stretch, evenly, at most eight labels. */
export const labelInterval = (buckets: readonly unknown[]): number => Math.ceil(buckets.length / 8) - 1;
