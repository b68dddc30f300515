/**
 * Splits a FITS file (a Buffer or any Uint8Array) into its HDUs: the primary
 * HDU and every extension, each with its header and a view of its data.
 * Nothing is decoded here; pixel decoding happens in readImage().
 */
import { restoreImageHeader } from './compressed/restore-header.ts';
import { FitsError, hduError, type ErrorContext } from './errors.ts';
import { BLOCK_SIZE, parseHeader, type Header } from './header.ts';
import { dataLength, padded } from './layout.ts';

export type HduKind =
  | 'image' // primary array or IMAGE extension (NAXIS may be 0: header only)
  | 'compressed-image' // BINTABLE with ZIMAGE = T (tile compression convention)
  | 'bintable'
  | 'table' // ASCII table
  | 'random-groups'
  | 'other'; // any extension type this reader does not interpret

export interface Hdu {
  /** 0 for the primary HDU. */
  index: number;
  kind: HduKind;
  /**
   * The header to use. For a compressed image this is the image header it
   * stands for (ZBITPIX -> BITPIX, ZNAXISn -> NAXISn, ...), as funpack
   * would restore it; the table's own header is `storedHeader`.
   */
  header: Header;
  /** The header exactly as stored in the file. */
  storedHeader: Header;
  /** Byte offset of the header in the file. */
  offset: number;
  /** Byte offset of the data unit in the file. */
  dataOffset: number;
  /** The data unit (without block padding); a view into the caller's buffer. */
  data: Uint8Array;
  /** File name given to readFits(), for error messages. */
  file: string | undefined;
}

export interface FitsFile {
  file: string | undefined;
  hdus: Hdu[];
  /** Bytes after the last HDU that do not start another extension (ignored). */
  trailingBytes: number;
}

export interface ReadFitsOptions {
  /** Name (or path) of the file, used in error messages. */
  name?: string;
}

export function readFits(buffer: Uint8Array, options: ReadFitsOptions = {}): FitsFile {
  const file = options.name;
  if (buffer.length < BLOCK_SIZE || !startsWith(buffer, 0, 'SIMPLE  =')) {
    throw new FitsError('not a FITS file (it does not start with a SIMPLE card in a 2880-byte block)', { file });
  }
  const hdus: Hdu[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const index = hdus.length;
    if (index > 0 && !startsWith(buffer, offset, 'XTENSION=')) break;
    hdus.push(readHdu(buffer, offset, { file, hdu: index }));
    const last = hdus[index];
    offset = last.dataOffset + padded(last.data.length);
  }
  return { file, hdus, trailingBytes: Math.max(0, buffer.length - offset) };
}

function readHdu(buffer: Uint8Array, offset: number, where: ErrorContext): Hdu {
  const isPrimary = where.hdu === 0;
  const { header, dataOffset } = parseHeader(buffer, offset, where);
  const length = dataLength(header, isPrimary, where);
  const available = Math.max(0, buffer.length - dataOffset);
  if (length > available) {
    throw hduError(where, 'truncated data', `expected ${length} bytes, found ${available}`);
  }
  const data = buffer.subarray(dataOffset, dataOffset + length);
  const kind = classify(header, isPrimary);
  const shown = kind === 'compressed-image' ? restoreImageHeader(header, where) : header;
  return { index: where.hdu ?? 0, kind, header: shown, storedHeader: header, offset, dataOffset, data, file: where.file };
}

function classify(header: Header, isPrimary: boolean): HduKind {
  if (isPrimary) {
    return header.getInt('NAXIS1', -1) === 0 && header.getBoolean('GROUPS', false) ? 'random-groups' : 'image';
  }
  const xtension = (header.getString('XTENSION') ?? '').trim().toUpperCase();
  if (xtension === 'IMAGE') return 'image';
  if (xtension === 'TABLE') return 'table';
  if (xtension === 'BINTABLE') return header.getBoolean('ZIMAGE', false) ? 'compressed-image' : 'bintable';
  return 'other';
}

function startsWith(buffer: Uint8Array, offset: number, text: string): boolean {
  if (offset + text.length > buffer.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (buffer[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}
