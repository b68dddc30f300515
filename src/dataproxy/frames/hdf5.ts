// Dectris Eiger HDF5: a master file whose /entry/data/data_NNNNNN links (usually external links to
// data files, bitshuffle/LZ4 compressed) each hold frames image_nr_low…image_nr_high. Read with
// h5wasm and the compression filters of h5wasm-plugins. Every data file is opened by us, confined
// to the key's directory like the master, never by following the link inside HDF5.
import path from 'node:path';
import h5wasm from 'h5wasm/node';
import type { Dataset, File as H5File } from 'h5wasm/node';
import { install_local_plugins } from 'h5wasm-plugins';
import { FrameUnreadable, MAX_FRAME_PIXELS } from './frame.ts';
import type { Frame, PixelArray } from './frame.ts';
import { sharedPixels } from './pixel-buffers.ts';
import { openInside } from './source-files.ts';
import type { OpenedSource, SourceStamp } from './source-files.ts';

export const HDF5_MAGIC = Buffer.from([0x89, 0x48, 0x44, 0x46]);
const CUTOFF = '/entry/instrument/detector/detectorSpecific/countrate_correction_count_cutoff';
const DATA_GROUP = '/entry/data';

let ready: Promise<void> | null = null;

function loadH5wasm(): Promise<void> {
  ready ??= h5wasm.ready.then((module) => {
    install_local_plugins(module);
    // HDF5's errors become exceptions (the placeholder is sent and the reason logged) instead of
    // being printed to the server's standard error.
    module.activate_throwing_error_handler();
  });
  return ready;
}

/**
 * Unsigned detector data is read as the signed type of the same width (the gap 2^32−1 becomes −1),
 * copied into shared memory for the band helper (frame.ts).
 */
function asSigned(values: unknown): PixelArray {
  const make = values instanceof Uint32Array || values instanceof Int32Array ? (buffer: SharedArrayBuffer) => new Int32Array(buffer)
    : values instanceof Uint16Array || values instanceof Int16Array ? (buffer: SharedArrayBuffer) => new Int16Array(buffer)
      : values instanceof Uint8Array || values instanceof Int8Array ? (buffer: SharedArrayBuffer) => new Int8Array(buffer) : null;
  if (make === null) throw new FrameUnreadable('HDF5 frame data is not 8, 16 or 32-bit integers');
  const from = values as ArrayBufferView;
  const buffer = sharedPixels(from.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(from.buffer, from.byteOffset, from.byteLength));
  return make(buffer);
}

/** The data file an external link names, relative to the master's directory inside the key's directory. */
function linkedRelative(realDir: string, masterRelative: string, filename: string): string | null {
  if (!path.isAbsolute(filename)) return path.posix.join(path.posix.dirname(masterRelative.replace(/^\/+/, '')), filename);
  const relative = path.relative(realDir, filename);
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : relative;
}

function cutoffOf(master: H5File): number {
  try {
    const value = (master.get(CUTOFF) as Dataset | null)?.value;
    const cutoff = Number(Array.isArray(value) || ArrayBuffer.isView(value) ? (value as ArrayLike<number>)[0] : value);
    return Number.isFinite(cutoff) && cutoff > 0 ? cutoff : 2 ** 32 - 1;
  } catch {
    return 2 ** 32 - 1;
  }
}

function numberAttribute(dataset: Dataset, name: string): number | null {
  if (!(name in dataset.attrs)) return null;
  const value = Number(dataset.attrs[name].value);
  return Number.isInteger(value) ? value : null;
}

function frameOf(dataset: Dataset, index: number, cutoff: number): Frame {
  const shape = dataset.shape;
  if (shape === null || shape.length !== 3) throw new FrameUnreadable('HDF5 frame data is not a stack of 2-D frames');
  const [, height, width] = shape;
  // Compressed chunks can hold far more than the file's size: the frame's own size is checked first.
  if (width * height > MAX_FRAME_PIXELS) throw new FrameUnreadable(`HDF5 frames of ${width} × ${height} pixels are too large`);
  const values = dataset.slice([[index, index + 1]]);
  return { width, height, cutoff, pixels: asSigned(values) };
}

/**
 * Frame `number` (1-based) of the master file `masterRelative` inside `realDir`, already opened
 * as `master`. Null when there is no such frame; the stamps of every file opened are added to `sources`.
 */
export async function readEigerFrame(realDir: string, masterRelative: string, master: OpenedSource, number: number, sources: SourceStamp[]): Promise<Frame | null> {
  await loadH5wasm();
  const masterFile = new h5wasm.File(master.reopenPath, 'r');
  try {
    const cutoff = cutoffOf(masterFile);
    const group = masterFile.get(DATA_GROUP);
    if (!(group instanceof h5wasm.Group)) throw new FrameUnreadable('HDF5 file without /entry/data');
    let first = 1;
    for (const name of group.keys().filter((key) => /^data_\d+$/.test(key)).sort()) {
      const found = await withLinkedDataset(realDir, masterRelative, masterFile, `${DATA_GROUP}/${name}`, sources, (dataset) => {
        const count = dataset.shape?.[0] ?? 0;
        const low = numberAttribute(dataset, 'image_nr_low') ?? first;
        const high = numberAttribute(dataset, 'image_nr_high') ?? low + count - 1;
        first = high + 1;
        return number >= low && number <= high && number - low < count ? frameOf(dataset, number - low, cutoff) : null;
      });
      if (found !== null) return found;
    }
    return null;
  } finally {
    masterFile.close();
  }
}

async function withLinkedDataset(
  realDir: string, masterRelative: string, masterFile: H5File, member: string, sources: SourceStamp[],
  use: (dataset: Dataset) => Frame | null,
): Promise<Frame | null> {
  // Asked first, so HDF5 never follows an external link itself (an empty answer: a link within the file).
  const link = masterFile.get_external_link(member);
  if (typeof link.filename !== 'string') {
    const local = masterFile.get(member);
    return local instanceof h5wasm.Dataset ? use(local) : null;
  }
  const relative = linkedRelative(realDir, masterRelative, link.filename);
  const opened = relative === null ? null : openInside(realDir, relative);
  if (opened === null) return null;
  try {
    sources.push(opened.stamp);
    const dataFile = new h5wasm.File(opened.reopenPath, 'r');
    try {
      const dataset = dataFile.get(link.obj_path);
      return dataset instanceof h5wasm.Dataset ? use(dataset) : null;
    } finally {
      dataFile.close();
    }
  } finally {
    opened.close();
  }
}
