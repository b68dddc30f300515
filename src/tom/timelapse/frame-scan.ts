/**
 * First pass over the input files: DATE-OBS and the image size of each, read from the
 * headers only. Frames are sorted and their sizes compared before ffmpeg starts, and a
 * header-only read costs a few kilobytes per file instead of the whole (possibly 16 MB)
 * file - the pixels are read later, one frame at a time.
 *
 * The HDU walk mirrors the FITS reader's (readFits + findImageHdu), using its own header
 * parser and layout rules, so the image found here is the one readFirstImage decodes:
 * the primary array if it has data, else the first IMAGE or tile-compressed extension
 * with data. DATE-OBS comes from the first header that has it (spec §3), taking the
 * restored image header for compressed HDUs as the original (astropy) did.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { restoreImageHeader } from '../fits/compressed/restore-header.ts';
import { FitsError, hduError, type ErrorContext } from '../fits/errors.ts';
import { BLOCK_SIZE, parseHeader, type Header } from '../fits/header.ts';
import { dataLength, padded } from '../fits/layout.ts';
import { fileError, MISSING_DATE_DETAIL } from './errors.ts';
import { parseFitsDate } from './fits-date.ts';

export interface FrameSource {
  /** Where the FITS file is. */
  path: string;
  /** Name used in messages (the spec shows the data product's file name). */
  name: string;
}

export interface FrameInfo extends FrameSource {
  /** Position in the caller's list, to keep equal times in their given order. */
  index: number;
  /** DATE-OBS in ms since 1970 UTC. */
  time: number;
  /** The DATE-OBS text as written. */
  dateObs: string;
  /** Image size (NAXIS1 x NAXIS2) of the HDU that will be rendered. */
  width: number;
  height: number;
}

const CARD = 80;
/** Header blocks read per call; most headers fit in one or two. */
const READ_BLOCKS = 4;

/**
 * Reads what ordering and size checks need; failures become `Error in file '<name>': ...`.
 * Aborting `signal` stops the walk between reads and rejects with its reason.
 */
export async function scanFrame(source: FrameSource, index: number, signal?: AbortSignal): Promise<FrameInfo> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(source.path, 'r');
    const found = await walkHdus(handle, source.name, signal);
    if (found.dateObs === undefined) throw fileError(source.name, MISSING_DATE_DETAIL);
    const time = parseFitsDate(found.dateObs);
    if (time === null) {
      throw fileError(source.name, `could not parse observation date '${found.dateObs}' in FITS header 'DATE-OBS'`);
    }
    if (!found.image) throw fileError(source.name, 'no image HDU with data in file');
    if (found.image.width === 0 || found.image.height === 0) {
      throw fileError(source.name, `image has no pixels (${found.image.width}x${found.image.height})`);
    }
    return { ...source, index, time, dateObs: found.dateObs, width: found.image.width, height: found.image.height };
  } catch (error) {
    if (error instanceof FitsError) throw fileError(source.name, error.detail, error);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw fileError(source.name, `cannot read file (${code})`, error);
    throw error;
  } finally {
    await handle?.close();
  }
}

interface Walked {
  dateObs: string | undefined;
  image: { width: number; height: number } | undefined;
}

async function walkHdus(handle: FileHandle, name: string, signal: AbortSignal | undefined): Promise<Walked> {
  const size = (await handle.stat()).size;
  const result: Walked = { dateObs: undefined, image: undefined };
  let offset = 0;
  for (let index = 0; offset < size; index++) {
    signal?.throwIfAborted();
    const where: ErrorContext = { file: name, hdu: index };
    const magic = await readBytes(handle, offset, 9);
    if (index === 0 && magic.toString('latin1') !== 'SIMPLE  =') {
      throw new FitsError('not a FITS file (it does not start with a SIMPLE card in a 2880-byte block)', { file: name });
    }
    // Like the reader: bytes after the last HDU that do not start an extension are ignored.
    if (index > 0 && magic.toString('latin1') !== 'XTENSION=') break;

    const { header, dataOffset } = await readHeader(handle, offset, size, where);
    const isPrimary = index === 0;
    const length = dataLength(header, isPrimary, where);
    const available = Math.max(0, size - dataOffset);
    if (length > available) throw hduError(where, 'truncated data', `expected ${length} bytes, found ${available}`);

    const shown = imageHeader(header, isPrimary, where);
    const headerToSearch = shown ?? header;
    if (result.dateObs === undefined && headerToSearch.has('DATE-OBS')) {
      const value = headerToSearch.get('DATE-OBS');
      result.dateObs = typeof value === 'string' ? value : String(value);
    }
    if (!result.image && shown && shown.getInt('NAXIS', 0) > 0) {
      result.image = { width: shown.getInt('NAXIS1', 1), height: shown.getInt('NAXIS2', 1) };
    }
    if (result.dateObs !== undefined && result.image) break;
    // Every HDU has at least one header block, so each step moves forward and the walk ends.
    offset = dataOffset + padded(length);
  }
  return result;
}

/** The image header if this HDU holds an image (plain or compressed), else undefined. */
function imageHeader(header: Header, isPrimary: boolean, where: ErrorContext): Header | undefined {
  if (isPrimary) {
    const randomGroups = header.getInt('NAXIS1', -1) === 0 && header.getBoolean('GROUPS', false);
    return randomGroups ? undefined : header;
  }
  const xtension = (header.getString('XTENSION') ?? '').trim().toUpperCase();
  if (xtension === 'IMAGE') return header;
  if (xtension === 'BINTABLE' && header.getBoolean('ZIMAGE', false)) return restoreImageHeader(header, where);
  return undefined;
}

/**
 * Reads header blocks from `offset` until one holds the END card, then lets the FITS
 * reader's parser turn them into a Header. Stopping early at binary bytes or the end of
 * the file hands the parser what there is, so its own error (no END card, truncated
 * header) is the one reported. The data offset returned is a file offset: the parser
 * counts from the start of the bytes read here, which begin at `offset`.
 */
async function readHeader(handle: FileHandle, offset: number, size: number, where: ErrorContext) {
  const chunks: Buffer[] = [];
  let position = offset;
  for (;;) {
    const want = Math.min(READ_BLOCKS * BLOCK_SIZE, size - position);
    const chunk = want > 0 ? await readBytes(handle, position, want) : Buffer.alloc(0);
    chunks.push(chunk);
    position += chunk.length;
    if (chunk.length < BLOCK_SIZE || endsHeader(chunk)) break;
  }
  const parsed = parseHeader(Buffer.concat(chunks), 0, where);
  return { header: parsed.header, dataOffset: offset + parsed.dataOffset };
}

/** True if a card of `chunk` is END, or a byte shows this is not header text. */
function endsHeader(chunk: Buffer): boolean {
  const cards = Math.floor(chunk.length / CARD);
  for (let c = 0; c < cards; c++) {
    const start = c * CARD;
    for (let i = start; i < start + CARD; i++) {
      const byte = chunk[i];
      if (byte < 0x20 || byte > 0x7e) return true;
    }
    if (chunk[start] === 0x45 && chunk[start + 1] === 0x4e && chunk[start + 2] === 0x44) {
      let blank = true;
      for (let i = start + 3; i < start + CARD && blank; i++) blank = chunk[i] === 0x20;
      if (blank) return true;
    }
  }
  return false;
}

async function readBytes(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
