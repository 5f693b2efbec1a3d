import type { ReactNode } from 'react';
import { RowLimitNote, type RowLimit } from './RowLimitNote.tsx';

/** A column's heading: its text, or (`hidden`) a name only screen readers hear, as over row actions. */
export type DataTableColumn = string | { readonly key: string; readonly label: string; readonly hidden?: boolean };

interface Props {
  /** A heading for the table, in its caption: the table is then a panel of its own, in a section. */
  readonly title?: string;
  /** The caption people see (a heading, a note); or, without one, `label`: a name screen readers hear. */
  readonly caption?: ReactNode;
  readonly label?: string;
  readonly columns: readonly DataTableColumn[];
  /** The body's rows. */
  readonly children: ReactNode;
  /** Classes beside `data-table`, for the rules of this table (`runs-table`). */
  readonly className?: string;
  /** The scrolling box is itself a panel (a table with no heading that fills its box). */
  readonly panel?: boolean;
  /** Set when the rows are the first of more: a note under the table offers the rest. */
  readonly limit?: RowLimit;
}

/**
 * The app's tables: a box that scrolls sideways on a narrow screen, a caption or a name, one row of
 * column headings, the rows, and under a long table how much of it is shown.
 *
 * @example <DataTable title="Runs" columns={['Contact', 'Status']}>{rows}</DataTable>
 */
export function DataTable({ title, caption, label, columns, children, className, panel = false, limit }: Props) {
  const table = (
    <>
      <div className={panel ? 'panel table-scroll' : 'table-scroll'}>
        <table className={className ? `data-table ${className}` : 'data-table'} aria-label={label}>
          {title !== undefined ? (
            <caption>
              <h2 className="panel-title">{title}</h2>
            </caption>
          ) : (
            caption !== undefined && <caption>{caption}</caption>
          )}
          <thead>
            <tr>
              {columns.map((column) =>
                typeof column === 'string' ? (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ) : (
                  <th key={column.key} scope="col">
                    {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {limit && <RowLimitNote {...limit} />}
    </>
  );
  return title !== undefined ? <section className="panel">{table}</section> : table;
}
