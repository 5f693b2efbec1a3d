import { formatCount } from '../../simulator/schema/formatCount.ts';
/** How many rows "Show more" adds. */
const ROW_PAGE = 200;

/** A long table's first rows: how many are on screen, of how many, and how to ask for more. */
export interface RowLimit {
  /** Rows on screen, of `total`. */
  readonly shown: number;
  readonly total: number;
  readonly what: string;
  /** Asks for `count` more rows (the engine's worker sends them a page at a time). */
  readonly onMore: (count: number) => void;
}

/**
 * Under a long table: how much of it is shown, and buttons to show more — so a 10,000-contact
 * trace neither crosses from the worker nor builds its cells all at once.
 */
export function RowLimitNote({ shown, total, what, onMore }: RowLimit) {
  if (shown >= total) return null;
  const next = Math.min(ROW_PAGE, total - shown);
  return (
    <p className="row-limit">
      Showing the first {formatCount(shown)} of {formatCount(total)} {what}.{' '}
      <button type="button" onClick={() => onMore(next)}>
        Show {formatCount(next)} more
      </button>{' '}
      <button type="button" onClick={() => onMore(total - shown)}>
        Show all
      </button>
    </p>
  );
}
