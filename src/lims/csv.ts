// A small CSV reader (RFC 4180 as spreadsheets write it): comma-separated fields, fields in
// double quotes may hold commas, line breaks and doubled quotes; lines end in LF, CRLF or CR; a
// leading byte-order mark is ignored. Each record keeps the row number it starts on, counting
// physical lines from 1 as a spreadsheet does, so errors can point at the right row.

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
