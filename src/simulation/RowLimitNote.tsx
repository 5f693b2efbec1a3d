import type { RowLimit } from './useRowLimit.ts';

/** Under a long table: how much of it is shown, and buttons to show more. */
export function RowLimitNote({ limit, what }: { limit: RowLimit; what: string }) {
  if (limit.shown >= limit.total) return null;
  return (
    <p className="row-limit">
      Showing the first {limit.shown.toLocaleString('en')} of {limit.total.toLocaleString('en')} {what}.{' '}
      <button type="button" onClick={limit.showMore}>
        Show {limit.next.toLocaleString('en')} more
      </button>{' '}
      <button type="button" onClick={limit.showAll}>
        Show all
      </button>
    </p>
  );
}
