// A greyscale PNG (8-bit, one channel) from rows of grey values. Each row is filtered with "Up"
// (the difference to the row above), which suits smooth diffraction backgrounds, then deflated
// looking for runs only (Z_RLE): several times faster than the default search, files ~10% larger.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Buffer): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const framed = Buffer.alloc(typed.length + 8);
  framed.writeUInt32BE(data.length, 0);
  typed.copy(framed, 4);
  framed.writeUInt32BE(crc32(typed), typed.length + 4);
  return framed;
}

export function encodeGreyPng(grey: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  const filtered = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    const out = y * (width + 1);
    const row = y * width;
    filtered[out] = y === 0 ? 0 : 2; // None for the first row, Up for the others
    for (let x = 0; x < width; x++) {
      filtered[out + 1 + x] = y === 0 ? grey[row + x] : (grey[row + x] - grey[row - width + x]) & 0xff;
    }
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(filtered, { strategy: zlib.constants.Z_RLE })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
