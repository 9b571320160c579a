import type { ReactNode } from 'react';

interface TableProps {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: ReadonlyArray<{ label: string; hidden?: boolean; align?: 'right' }>;
  children: ReactNode;
}

/** A plain, scrollable data table; rows are passed as <tr> children. */
export function Table({ caption, columns, children }: TableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                style={column.align ? { textAlign: column.align } : undefined}
              >
                {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
