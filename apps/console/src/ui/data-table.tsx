import type { ReactNode } from 'react';

interface DataTableProps {
  /** The name of the scrolling region (keyboard users scroll it; axe asks for a name). */
  label: string;
  columns: readonly string[];
  busy?: boolean;
  children: ReactNode;
}

/** A table in its own focusable scrolling region, so that a page stays within a phone's width. */
export const DataTable = ({ label, columns, busy, children }: DataTableProps) => (
  <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
    <table aria-busy={busy}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);
