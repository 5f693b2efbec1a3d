import { formatOffset } from '../../../simulator/schema/duration.ts';

interface Props {
  /** Virtual time, ms since the script's start. */
  readonly offset: number;
  readonly startEpochMs: number;
}

/** A virtual time as an offset from the start (`+1d2h`), with the absolute instant for machines and tooltips. */
export function OffsetTime({ offset, startEpochMs }: Props) {
  const instant = new Date(startEpochMs + offset).toISOString();
  return (
    <time dateTime={instant} title={instant}>
      {formatOffset(offset)}
    </time>
  );
}
