import type { ReactNode } from 'react';

/** A DSFR table of items: its caption (what it lists, for screen readers too), its columns, a row per item. */
export const DataTable = <T,>({
  caption,
  columns,
  items,
  row,
  className,
}: {
  caption: string;
  columns: readonly string[];
  items: readonly T[];
  row: (item: T) => ReactNode;
  className?: string;
}) => (
  <div className={className ? `fr-table ${className}` : 'fr-table'}>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{items.map(row)}</tbody>
    </table>
  </div>
);
