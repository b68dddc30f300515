// Prints benchmark rows as an aligned Markdown table (ready to paste into docs/benchmarks.md).
export type Row = Record<string, string | number>;

/** What a benchmark returns: its rows, and optionally notes printed under its table. */
export type Outcome = Row[] | { rows: Row[]; notes: string };

export function formatTable(rows: Row[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = Object.keys(rows[0]);
  const cell = (value: string | number) => (typeof value === 'number' ? formatNumber(value) : value);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r[c])).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => String(cell(r[c])))))].join('\n');
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
