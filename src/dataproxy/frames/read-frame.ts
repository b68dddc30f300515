// Finds and decodes the frame a URL path names inside a key's directory (spec mxlive-v2 §5.3):
// a file (CBF, SMV, HDF5), or, when the last component is all digits, that frame (1-based) of the
// HDF5 file above it ("x_master.h5/000001"). The format is told by the file's first bytes.
import fs from 'node:fs';
import path from 'node:path';
import { CBF_MAGIC, decodeCbf } from './cbf.ts';
import type { EarlyRows } from './cbf.ts';
import { SMV_MAGIC, decodeSmv } from './smv.ts';
import { HDF5_MAGIC, readEigerFrame } from './hdf5.ts';
import type { Frame } from './frame.ts';
import { openInside } from './source-files.ts';
import type { OpenedSource, SourceStamp } from './source-files.ts';

export interface FoundFrame {
  /** Null when there is no such frame (missing file, frame past the end, unknown format). */
  frame: Frame | null;
  /** Every file read, first the one the path names: a cached rendering is good while they hold. */
  sources: SourceStamp[];
}

/** The file and frame number a path names: "a/x_master.h5/000002" → ("a/x_master.h5", 2). */
function openNamed(realDir: string, relative: string): { opened: OpenedSource; relative: string; number: number | null } | null {
  const last = path.posix.basename(relative);
  const parent = path.posix.dirname(relative);
  if (/^\d+$/.test(last) && parent !== '.' && parent !== '/') {
    const container = openInside(realDir, parent);
    if (container !== null) return { opened: container, relative: parent, number: Number(last) };
  }
  const opened = openInside(realDir, relative);
  return opened === null ? null : { opened, relative, number: null };
}

/** Read buffer kept between frames (decoders copy what they keep), unless a file was unusually large. */
let spare: Buffer | null = null;
const LARGEST_SPARE = 64 * 1024 * 1024;

/**
 * The opened file's bytes as stamped, read with blocking calls: this runs on a frame worker
 * thread, where a few large reads into one reused buffer beat many small asynchronous ones.
 */
function wholeFile(opened: OpenedSource): Buffer {
  const size = opened.stamp.size;
  const buffer = spare !== null && spare.length >= size ? spare : Buffer.allocUnsafe(size);
  if (size <= LARGEST_SPARE) spare = buffer;
  let filled = 0;
  while (filled < size) {
    const read = fs.readSync(opened.fd, buffer, filled, size - filled, filled);
    if (read === 0) break; // shortened meanwhile: the decoder finds its data incomplete
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/** `early`: told when a CBF's first rows are decoded (the other formats are read whole first). */
export async function readFrame(realDir: string, relative: string, early?: EarlyRows): Promise<FoundFrame> {
  const named = openNamed(realDir, relative);
  if (named === null) return { frame: null, sources: [] };
  const { opened, number } = named;
  const sources = [opened.stamp];
  try {
    const head = Buffer.alloc(16);
    fs.readSync(opened.fd, head, 0, head.length, 0);
    if (head.subarray(0, 4).equals(HDF5_MAGIC)) {
      return { frame: await readEigerFrame(realDir, named.relative, opened, number ?? 1, sources), sources };
    }
    // A frame number means a frame inside a container file: only HDF5 has those.
    if (number !== null) return { frame: null, sources };
    const text = head.toString('latin1');
    if (text.startsWith(CBF_MAGIC)) return { frame: decodeCbf(wholeFile(opened), early), sources };
    if (text.startsWith(SMV_MAGIC)) return { frame: decodeSmv(wholeFile(opened)), sources };
    return { frame: null, sources };
  } finally {
    opened.close();
  }
}
