import { useState } from 'react';

/** How many rows a long table shows at first, and adds per "Show more". */
const ROW_PAGE = 200;

export interface RowLimit {
  readonly shown: number;
  readonly total: number;
  /** How many rows "Show more" adds. */
  readonly next: number;
  showMore(): void;
  showAll(): void;
}

/** Shows a long table a page at a time, so a 1,000-contact trace does not build 100,000 cells at once. */
export function useRowLimit(total: number): RowLimit {
  const [limit, setLimit] = useState(ROW_PAGE);
  const shown = Math.min(limit, total);
  return {
    shown,
    total,
    next: Math.min(ROW_PAGE, total - shown),
    showMore: () => setLimit(shown + ROW_PAGE),
    showAll: () => setLimit(total),
  };
}
