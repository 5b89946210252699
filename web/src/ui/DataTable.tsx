import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends Omit<TableProps, 'children'> {
  /** The column headings, in order. */
  columns: readonly string[];
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** The rows (<Table.Tr>). */
  children: ReactNode;
}

/** A table with a heading row of column headers, scrolling sideways on narrow screens. */
export function DataTable({ columns, minWidth, children, ...tableProps }: Props) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table {...tableProps}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
