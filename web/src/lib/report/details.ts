// The report `details` format (MxLIVE reports v2): a list of sections, each with entries that are
// headings, tables or figures. Reports come from many versions of many programs, so everything is
// read defensively: whatever does not fit is skipped or shown as a note, never a crash.
export interface ReportEntry {
  title?: string;
  description?: string;
  notes?: string;
  style?: string;
  kind?: string;
  header?: string;
  data?: unknown;
  /** Timelines: the span shown, in ms since the epoch. */
  start?: unknown;
  end?: unknown;
}

export interface ReportSection {
  title?: string;
  description?: string;
  notes?: string;
  style?: string;
  content: ReportEntry[];
}

export type Record_ = Record<string, unknown>;

export function isRecord(value: unknown): value is Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or undefined when it is missing or not text. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A finite number (numeric strings count), or null. */
export function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A [low, high] pair of numbers, or undefined. */
export function limits(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined;
  const low = num(value[0]);
  const high = num(value[1]);
  return low === null || high === null || low === high ? undefined : [low, high];
}

function entryOf(value: unknown): ReportEntry | null {
  if (!isRecord(value)) return null;
  return {
    title: text(value.title), description: text(value.description), notes: text(value.notes), style: text(value.style),
    kind: text(value.kind), header: text(value.header), data: value.data, start: value.start, end: value.end,
  };
}

export function readSections(details: unknown): ReportSection[] {
  if (!Array.isArray(details)) return [];
  return details.filter(isRecord).map((section) => ({
    title: text(section.title), description: text(section.description), notes: text(section.notes), style: text(section.style),
    content: Array.isArray(section.content) ? section.content.map(entryOf).filter((e): e is ReportEntry => e !== null) : [],
  }));
}

/** Bootstrap-like width classes ("col-6", "col-md-4") as a share of the row, for side-by-side layouts. */
export function columnShare(style: string | undefined): number | null {
  const match = style?.match(/\bcol(?:-[a-z]{2})?-(\d{1,2})\b/);
  if (!match) return null;
  const span = Number(match[1]);
  return span >= 1 && span <= 12 ? span / 12 : null;
}

export const FIGURE_KINDS = ['lineplot', 'scatterplot', 'columnchart', 'barchart', 'histogram', 'pie', 'timeline'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export function isFigureKind(kind: string | undefined): kind is FigureKind {
  return (FIGURE_KINDS as readonly string[]).includes(kind ?? '');
}

/** The chart options object of a figure entry (`data`), or an empty one. */
export function figureData(entry: ReportEntry): Record_ {
  return isRecord(entry.data) ? entry.data : {};
}
