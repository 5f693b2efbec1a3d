import { formatOffset } from '../../../simulator/schema/duration.ts';
import type { PausesOverTime } from '../../../simulator/schema/pauseSeries.ts';
import type { StepFunnel, StopsOverTime } from '../../../simulator/schema/population.ts';
import { stopReasonSchema } from '../../../simulator/schema/script.ts';
import { toCsv } from './csv.ts';

const REASONS = stopReasonSchema.options;

/** The stops over time as a table: one row per stretch of virtual time (ms from the start and as the axis reads it), a column per stop reason. */
export function stopsCsv(series: StopsOverTime): string {
  return toCsv([
    ['from_ms', 'to_ms', 'from', 'to', ...REASONS, 'all'],
    ...series.buckets.map((bucket) => [
      bucket.from,
      bucket.to,
      formatOffset(bucket.from),
      formatOffset(bucket.to),
      ...REASONS.map((reason) => bucket.stopped[reason]),
      REASONS.reduce((sum, reason) => sum + bucket.stopped[reason], 0),
    ]),
  ]);
}

/** The pauses and resumes over time, in the same stretches as the stops. */
export function pausesCsv(series: PausesOverTime): string {
  return toCsv([
    ['from_ms', 'to_ms', 'from', 'to', 'paused', 'resumed'],
    ...series.buckets.map((bucket) => [bucket.from, bucket.to, formatOffset(bucket.from), formatOffset(bucket.to), bucket.paused, bucket.resumed]),
  ]);
}

/** The funnel: one row per step in path order, with where its runs are. */
export function funnelCsv(funnel: StepFunnel): string {
  return toCsv([
    ['step', 'label', 'type', 'reached', 'passes', 'waiting', 'completed', 'failed', ...REASONS.map((reason) => `stopped_${reason}`)],
    ...funnel.steps.map((step) => [step.step, step.label, step.type, step.reached, step.passes, step.waiting, step.completed, step.failed, ...REASONS.map((reason) => step.stopped[reason])]),
  ]);
}
