/**
 * Just enough of the binary table format (FITS 4.0 section 7.3) to read
 * tile-compressed images: column layout from TFORMn/TTYPEn, scalar cells,
 * and variable-length arrays (P and Q descriptors pointing into the heap).
 */
import { FitsError, hduError, type ErrorContext } from './errors.ts';
import type { Header } from './header.ts';

/** Bytes per element of each TFORM data type (X is counted in bits, see columnWidth). */
const ELEMENT_BYTES: Record<string, number> = {
  L: 1, X: 1, B: 1, I: 2, J: 4, K: 8, A: 1, E: 4, D: 8, C: 8, M: 16, P: 8, Q: 16,
};

export interface BinTableColumn {
  /** 1-based column number (n in TTYPEn). */
  number: number;
  /** TTYPEn, upper case, trimmed ('' if absent). */
  name: string;
  repeat: number;
  /** TFORM type letter. */
  type: string;
  /** For P/Q columns: the type of the array elements in the heap. */
  heapType: string | undefined;
  /** Offset of the cell within a row, in bytes. */
  offset: number;
  width: number;
}

export interface BinTable {
  rowBytes: number;
  rows: number;
  columns: BinTableColumn[];
  data: Uint8Array;
  view: DataView;
  /** Offset of the heap from the start of the data unit (THEAP). */
  heapOffset: number;
  where: ErrorContext;
}

const TFORM = /^\s*(\d*)([LXBIJKAEDCMPQ])(.*)$/i;

export function parseBinTable(header: Header, data: Uint8Array, where: ErrorContext): BinTable {
  const rowBytes = header.requireInt('NAXIS1');
  const rows = header.requireInt('NAXIS2');
  const fields = header.requireInt('TFIELDS');
  const columns: BinTableColumn[] = [];
  let offset = 0;
  for (let n = 1; n <= fields; n++) {
    const tform = header.getString(`TFORM${n}`);
    const match = tform === undefined ? null : TFORM.exec(tform);
    if (!match) throw hduError(where, `bad TFORM${n} '${tform ?? ''}'`);
    const repeat = match[1] === '' ? 1 : Number(match[1]);
    const type = match[2].toUpperCase();
    const heapType = type === 'P' || type === 'Q' ? match[3].trim().charAt(0).toUpperCase() : undefined;
    if (heapType !== undefined && !(heapType in ELEMENT_BYTES)) {
      throw hduError(where, `bad TFORM${n} '${tform}'`, 'unknown array element type');
    }
    const width = type === 'X' ? Math.ceil(repeat / 8) : repeat * ELEMENT_BYTES[type];
    const name = (header.getString(`TTYPE${n}`) ?? '').trim().toUpperCase();
    columns.push({ number: n, name, repeat, type, heapType, offset, width });
    offset += width;
  }
  if (offset > rowBytes) {
    throw hduError(where, 'bad binary table', `columns need ${offset} bytes per row, NAXIS1 is ${rowBytes}`);
  }
  const heapOffset = header.getInt('THEAP', rowBytes * rows);
  if (rowBytes * rows > data.length || heapOffset < rowBytes * rows || heapOffset > data.length) {
    throw hduError(where, 'bad binary table', `table of ${rowBytes * rows} bytes, heap at ${heapOffset}, data ${data.length} bytes`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.length);
  return { rowBytes, rows, columns, data, view, heapOffset, where };
}

/** Column types readNumber() understands. */
export const NUMERIC_TYPES = new Set(['B', 'I', 'J', 'K', 'E', 'D']);

export function findColumn(table: BinTable, name: string): BinTableColumn | undefined {
  return table.columns.find((c) => c.name === name);
}

/** A numeric cell (first element), for ZSCALE/ZZERO/ZBLANK style columns. */
export function readNumber(table: BinTable, column: BinTableColumn, row: number): number {
  const p = row * table.rowBytes + column.offset;
  const v = table.view;
  switch (column.type) {
    case 'B': return v.getUint8(p);
    case 'I': return v.getInt16(p);
    case 'J': return v.getInt32(p);
    case 'K': return Number(v.getBigInt64(p));
    case 'E': return v.getFloat32(p);
    case 'D': return v.getFloat64(p);
    default:
      throw new FitsError(`column ${column.name} has type ${column.type}, expected a number`);
  }
}

export function elementBytes(type: string): number {
  return ELEMENT_BYTES[type];
}

/** The heap bytes of a variable-length array cell (P or Q column), checked to lie inside the heap. */
export function readHeapArray(table: BinTable, column: BinTableColumn, row: number): { count: number; bytes: Uint8Array } {
  const p = row * table.rowBytes + column.offset;
  const v = table.view;
  let count: number;
  let start: number;
  if (column.type === 'P') {
    count = v.getUint32(p);
    start = v.getUint32(p + 4);
  } else if (column.type === 'Q') {
    count = Number(v.getBigUint64(p));
    start = Number(v.getBigUint64(p + 8));
  } else {
    throw new FitsError(`column ${column.name} is not a variable-length array`);
  }
  const heapType = column.heapType ?? 'B';
  const length = heapType === 'X' ? Math.ceil(count / 8) : count * ELEMENT_BYTES[heapType];
  const begin = table.heapOffset + start;
  if (begin + length > table.data.length) {
    // No HDU context here: callers wrap this in their own message.
    throw new FitsError(
      `bad descriptor in column ${column.name} row ${row + 1}: ${length} bytes at heap offset ${start}, ` +
        `heap holds ${table.data.length - table.heapOffset}`,
    );
  }
  return { count, bytes: table.data.subarray(begin, begin + length) };
}
