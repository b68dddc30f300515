// SMV/ADSC images: a "{ KEY=value; … }" text header of HEADER_BYTES bytes, then the raw pixels.
import { FrameUnreadable, MAX_FRAME_PIXELS } from './frame.ts';
import type { Frame, PixelArray } from './frame.ts';
import { sharedPixels } from './pixel-buffers.ts';

export const SMV_MAGIC = '{\nHEADER_BYTES=';

const TYPES: Record<string, { size: number; make: (buffer: SharedArrayBuffer) => PixelArray; read: (view: DataView, at: number, little: boolean) => number }> = {
  unsigned_short: { size: 2, make: (b) => new Uint16Array(b), read: (v, at, le) => v.getUint16(at, le) },
  unsigned_int: { size: 4, make: (b) => new Uint32Array(b), read: (v, at, le) => v.getUint32(at, le) },
  signed_short: { size: 2, make: (b) => new Int16Array(b), read: (v, at, le) => v.getInt16(at, le) },
  signed_int: { size: 4, make: (b) => new Int32Array(b), read: (v, at, le) => v.getInt32(at, le) },
};

export function decodeSmv(bytes: Buffer): Frame {
  const headerBytes = Number(/HEADER_BYTES=\s*(\d+)/.exec(bytes.toString('latin1', 0, 64))?.[1]);
  if (!Number.isInteger(headerBytes) || headerBytes <= 0 || headerBytes > bytes.length) throw new FrameUnreadable('SMV file without a valid HEADER_BYTES');
  const fields = new Map<string, string>();
  for (const match of bytes.toString('latin1', 0, headerBytes).matchAll(/^\s*([A-Za-z_][\w]*)\s*=\s*([^;]*);/gm)) {
    fields.set(match[1].toUpperCase(), match[2].trim());
  }
  const typeName = (fields.get('TYPE') ?? 'unsigned_short').toLowerCase();
  const type = TYPES[typeName];
  if (!type) throw new FrameUnreadable(`SMV pixel type ${typeName} is not supported`);
  const width = Number(fields.get('SIZE1'));
  const height = Number(fields.get('SIZE2'));
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new FrameUnreadable('SMV header without SIZE1 and SIZE2');
  const count = width * height;
  if (count > MAX_FRAME_PIXELS || headerBytes + count * type.size > bytes.length) throw new FrameUnreadable('SMV data is shorter than its header says');
  const little = !/big/i.test(fields.get('BYTE_ORDER') ?? 'little_endian');
  const saturation = Number(fields.get('CCD_IMAGE_SATURATION'));
  const cutoff = Number.isFinite(saturation) && saturation > 0 ? saturation : 2 ** (8 * type.size) - 1;

  const pixels = type.make(sharedPixels(count * type.size));
  const view = new DataView(bytes.buffer, bytes.byteOffset + headerBytes, count * type.size);
  for (let i = 0; i < count; i++) pixels[i] = type.read(view, i * type.size, little);
  return { width, height, cutoff, pixels };
}
