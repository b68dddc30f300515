// A sample sheet pasted from a spreadsheet (tab-separated) or typed as CSV, turned into the CSV
// file the import API takes. Lines stay one for one, so the row numbers the server reports can be
// pointed back at the lines the person sees; a header row is added when the sheet has none.

/** The import API's columns; a sheet without a header row is read in this order. */
export const SHEET_COLUMNS = ['name', 'location', 'group', 'barcode', 'comments', 'priority'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export interface SheetLine {
  /** The line in the text box, from 1. */
  line: number;
  cells: Partial<Record<SheetColumn, string>>;
}

export interface Sheet {
  /** The text to send as text/csv. */
  csv: string;
  /** Whether the person's text began with its own header row. */
  hasHeader: boolean;
  columns: (SheetColumn | null)[];
  /** The lines holding samples (blank lines left out). */
  lines: SheetLine[];
}

const splitLines = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');

/** One line's cells; a cell in double quotes may hold the separator and doubled quotes. */
function cellsOf(line: string, separator: string): string[] {
  const cells: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let cell = '';
      let i = at + 1;
      for (; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (line[i] === '"') break;
        else cell += line[i];
      }
      cells.push(cell);
      const next = line.indexOf(separator, i);
      at = next < 0 ? line.length + 1 : next + 1;
    } else {
      const next = line.indexOf(separator, at);
      cells.push(line.slice(at, next < 0 ? undefined : next));
      at = next < 0 ? line.length + 1 : next + 1;
    }
  }
  return cells;
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function headerOf(cells: string[]): (SheetColumn | null)[] | null {
  const names = cells.map((c) => c.trim().toLowerCase());
  const known = names.every((n) => n === '' || (SHEET_COLUMNS as readonly string[]).includes(n));
  return known && names.some((n) => n === 'name' || n === 'location') ? names.map((n) => (n === '' ? null : n as SheetColumn)) : null;
}

export function readSheet(text: string): Sheet {
  const lines = splitLines(text);
  const separator = lines.some((l) => l.includes('\t')) ? '\t' : ',';
  const rows = lines.map((l) => (l.trim() === '' ? [] : cellsOf(l, separator)));
  const firstFilled = rows.findIndex((r) => r.length > 0);
  const header = firstFilled >= 0 ? headerOf(rows[firstFilled]) : null;
  const columns = header ?? [...SHEET_COLUMNS];
  const body: SheetLine[] = [];
  rows.forEach((cells, index) => {
    if (cells.length === 0 || (header && index === firstFilled)) return;
    const named: SheetLine['cells'] = {};
    cells.forEach((cell, c) => { const column = columns[c]; if (column) named[column] = cell.trim(); });
    body.push({ line: index + 1, cells: named });
  });
  const csvLines = rows.map((cells) => cells.map(quoted).join(','));
  // Without its own header, the added one is row 1 and every line moves down by one.
  const csv = [...(header ? [] : [SHEET_COLUMNS.join(',')]), ...csvLines].join('\r\n') + '\r\n';
  return { csv, hasHeader: header !== null, columns, lines: body };
}

/** The line in the text box that a row number of the server's answer names. */
export function lineOfRow(sheet: Sheet, row: number): number {
  return sheet.hasHeader ? row : row - 1;
}
