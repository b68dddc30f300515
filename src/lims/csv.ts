// A small CSV reader (RFC 4180 as spreadsheets write it): comma-separated fields, fields in
// double quotes may hold commas, line breaks and doubled quotes; lines end in LF, CRLF or CR; a
// leading byte-order mark is ignored. Each record keeps the row number it starts on, counting
// physical lines from 1 as a spreadsheet does, so errors can point at the right row.
import { utf8Prefix } from '../loader/utf8-prefix.ts';

export interface CsvRecord {
  row: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(readonly row: number, message: string) {
    super(`Row ${row}: ${message}`);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = '';
  let startRow = 1;
  let quotedField = false;

  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is no record (but still counts as a row).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ row: startRow, fields });
    fields = [];
  };
  const newline = () => {
    // CRLF is one line break.
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    line++;
  };

  while (i < text.length) {
    const c = text[i];
    if (field === '' && !quotedField && c === '"') {
      quotedField = true;
      i++;
      // Inside quotes until a quote that is not doubled.
      for (;;) {
        if (i >= text.length) throw new CsvError(startRow, 'a quoted field is not closed');
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' || q === '\n') {
          field += q === '\r' && text[i + 1] === '\n' ? '\r\n' : q;
          newline();
          continue;
        }
        field += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(startRow, 'a closing quote must end its field');
      }
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      newline();
      startRow = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || quotedField || fields.length > 0) endRecord();
  return records;
}

/** Bytes that are not UTF-8, found at a row and (when it can be told) a field of that row. */
export class CsvEncodingError extends CsvError {
  constructor(row: number, readonly field: number | null, readonly header: string[] | null) {
    super(row, 'the file is not UTF-8 text');
  }
}

/**
 * The file's text. Bytes that are not UTF-8 (a spreadsheet's Latin-1 export, say) are refused
 * rather than turned into U+FFFD, and the error says where the first of them is.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { row, field, header } = positionAtEnd(utf8Prefix(bytes));
    throw new CsvEncodingError(row, field, header);
  }
}

/** The row and field that text read so far ends in, and the header row when that is another row. */
function positionAtEnd(prefix: string): { row: number; field: number | null; header: string[] | null } {
  try {
    // The closing quote ends a quoted field the prefix may stop inside; elsewhere it is plain text.
    const records = parseCsv(`${prefix}x"`);
    const last = records[records.length - 1];
    return { row: last.row, field: last.fields.length - 1, header: records.length > 1 ? records[0].fields : null };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { row: error.row, field: null, header: null };
  }
}
