/** A table of the end-of-run report: its first rows (the worker sends more on request) and how to ask for more. */
export interface ReportTableProps<Row> {
  readonly rows: readonly Row[];
  /** How many rows there are in all. */
  readonly total: number;
  readonly startEpochMs: number;
  readonly onMore: (count: number) => void;
}
