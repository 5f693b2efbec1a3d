import type { BaseTickContentProps } from 'recharts';

/** Where the first line of a label sits under, beside or above its tick, as recharts' own labels place it. */
const DY = { start: '0.71em', middle: '0.355em', end: '0em' } as const;

/**
 * An axis label as recharts draws one, less the measuring: recharts' own label measures each word
 * in the page (a forced layout of the whole workspace while playing) to wrap long labels, and these
 * — offsets such as `+1d` and counts — are short and never wrap.
 */
export function AxisTick({ x, y, textAnchor, verticalAnchor, fill, className, payload }: BaseTickContentProps) {
  return (
    <text x={x} y={y} stroke="none" fill={fill} textAnchor={textAnchor} className={`recharts-text ${className ?? ''}`}>
      <tspan x={x} dy={DY[verticalAnchor]}>
        {String(payload.value)}
      </tspan>
    </text>
  );
}
