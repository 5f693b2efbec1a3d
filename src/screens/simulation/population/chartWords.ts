import { formatOffset } from '../../../../simulator/schema/duration.ts';
import { formatCount } from '../../../../simulator/schema/formatCount.ts';

/** "1,204 runs", "1 run": a count of runs as the charts' captions and tooltips say it. */
export const runs = (n: number): string => `${formatCount(n)} ${n === 1 ? 'run' : 'runs'}`;

/** A bucket of virtual time as the charts name it: "+6h to +12h". */
export const span = (bucket: { readonly from: number; readonly to: number }): string => `${formatOffset(bucket.from)} to ${formatOffset(bucket.to)}`;
