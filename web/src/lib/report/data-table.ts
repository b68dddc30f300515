// The values behind a figure, for its "Show data" table.
export interface DataTableModel {
  columns: string[];
  rows: (string | number | null)[][];
}
