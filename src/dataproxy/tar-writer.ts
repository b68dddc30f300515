// A streaming tar (POSIX ustar + pax extended headers) writer: one header block per entry, then the
// entry's bytes padded to 512. Names too long for ustar, non-ASCII names and files of 8 GiB or more
// get a pax header ('x') carrying the exact value, which GNU tar, bsdtar and Python all read.
const BLOCK = 512;
const MAX_OCTAL_SIZE = 0o77777777777; // 11 octal digits
const MAX_OCTAL_MTIME = 0o77777777777;

export type EntryType = 'file' | 'directory' | 'symlink';

export interface TarEntry {
  /** "/"-separated path inside the archive; directories without a trailing slash. */
  name: string;
  type: EntryType;
  mode: number;
  size: number; // 0 for directories and symlinks
  mtime: Date;
  linkTarget?: string;
}

const TYPE_FLAGS: Record<EntryType, string> = { file: '0', directory: '5', symlink: '2' };

function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function writeString(block: Buffer, offset: number, length: number, value: string): void {
  block.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8');
}

/** Octal number, zero-padded, NUL-terminated, filling `length` bytes. */
function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${Math.trunc(value).toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

/** One pax record: "<length> <key>=<value>\n", where <length> counts the whole record itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  let length = bodyLength;
  while (length !== bodyLength + String(length).length) length = bodyLength + String(length).length;
  return `${length}${body}`;
}

function headerBlock(name: string, type: string, mode: number, size: number, mtime: number, linkTarget: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, mode & 0o7777);
  writeOctal(block, 108, 8, 0); // uid
  writeOctal(block, 116, 8, 0); // gid
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, mtime);
  block.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  block.write(type, 156, 1, 'ascii');
  writeString(block, 157, 100, linkTarget);
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/** The header block(s) for an entry: a pax header first when ustar cannot hold a value exactly. */
export function entryHeader(entry: TarEntry): Buffer {
  const name = entry.type === 'directory' ? `${entry.name}/` : entry.name;
  const link = entry.linkTarget ?? '';
  const mtime = Math.max(0, Math.min(MAX_OCTAL_MTIME, Math.floor(entry.mtime.getTime() / 1000)));
  const records: string[] = [];
  if (Buffer.byteLength(name) > 100 || !isPlainAscii(name)) records.push(paxRecord('path', name));
  if (Buffer.byteLength(link) > 100 || !isPlainAscii(link)) records.push(paxRecord('linkpath', link));
  if (entry.size > MAX_OCTAL_SIZE) records.push(paxRecord('size', String(entry.size)));
  const ustar = headerBlock(asciiFallback(name, 100), TYPE_FLAGS[entry.type], entry.mode, entry.size > MAX_OCTAL_SIZE ? 0 : entry.size, mtime, asciiFallback(link, 100));
  if (records.length === 0) return ustar;
  const pax = Buffer.from(records.join(''), 'utf8');
  const paxHeader = headerBlock(asciiFallback(`PaxHeaders/${name}`, 100), 'x', 0o644, pax.length, mtime, '');
  return Buffer.concat([paxHeader, pax, padding(pax.length), ustar]);
}

/** A readable stand-in for the ustar field when the pax header carries the real value. */
function asciiFallback(value: string, max: number): string {
  const ascii = value.replace(/[^\x20-\x7e]/g, '_');
  return ascii.length <= max ? ascii : ascii.slice(ascii.length - max);
}

/** Zero bytes that bring `size` up to a whole number of blocks. */
export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

/** Two zero blocks end an archive. */
export function endOfArchive(): Buffer {
  return Buffer.alloc(BLOCK * 2);
}
