// FITS decoding speed in MB of decoded pixels per second (10^6 bytes of float32), for one
// 2048×2048 float32 frame from memory: plain, and tile-compressed (RICE_1, quantized, fpack -q 4),
// through readFits + readFirstImage. Floors: copying the same number of bytes (memcpy), the
// big-endian → float32 swap every plain decode must do, and funpack's own time when installed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { readFirstImage, readFits } from '../src/tom/fits/index.ts';
import { benchFrames, SIDE } from './lib/fits-frames.ts';
import { repeatFor } from './lib/repeat.ts';
import type { Row } from './lib/table.ts';

const BYTES = SIDE * SIDE * 4;
const MB = BYTES / 1e6;

function funpackInstalled(): boolean {
  try {
    execFileSync('funpack', ['-V'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

export async function fits(seconds: number): Promise<Row[]> {
  const frames = await benchFrames();
  const plain = fs.readFileSync(frames.plain);
  const compressed = fs.readFileSync(frames.plainCompressed);
  const plainInput = `plain (${(plain.length / 1e6).toFixed(1)} MB file)`;
  const riceInput = `RICE_1 q4 (${(compressed.length / 1e6).toFixed(1)} MB file)`;
  const each = Math.max(1, seconds / 2);
  let sink = 0; // read from every result so no work can be skipped
  const rows: Row[] = [];
  const add = (decoder: string, input: string, budget: number, task: () => unknown, minimum = 5) => repeatFor(budget, task, minimum).then((measured) => {
    rows.push({ benchmark: `decode ${SIDE}×${SIDE} float32 (${MB.toFixed(1)} MB of pixels)`, decoder, input, runs: measured.runs, 'ms per image': measured.median * 1000, 'MB/s': MB / measured.median });
  });

  await add('Buffer.copy of the pixel bytes (floor)', plainInput, each / 2, () => {
    const target = Buffer.allocUnsafe(BYTES);
    plain.copy(target, 0, plain.length - BYTES);
    sink += target[BYTES >> 1];
  });
  await add('DataView big-endian → Float32Array (floor)', plainInput, each / 2, () => {
    const view = new DataView(plain.buffer, plain.byteOffset + plain.length - BYTES, BYTES);
    const out = new Float32Array(SIDE * SIDE);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, false);
    sink += out[out.length >> 1];
  });
  await add('readFits + readFirstImage', plainInput, each, () => {
    sink += readFirstImage(readFits(plain)).data[SIDE * SIDE >> 1];
  });
  await add('readFits + readFirstImage', riceInput, each, () => {
    sink += readFirstImage(readFits(compressed)).data[SIDE * SIDE >> 1];
  });
  if (funpackInstalled()) {
    // funpack -S writes the restored FITS to stdout: process start, file read, decode, 16.8 MB written to /dev/null.
    const devNull = fs.openSync('/dev/null', 'w');
    try {
      await add('funpack -S > /dev/null (a process per image)', riceInput, each, () => {
        const result = spawnSync('funpack', ['-S', frames.plainCompressed], { stdio: ['ignore', devNull, 'inherit'] });
        if (result.status !== 0) throw new Error(`funpack exited with ${result.status}`);
      });
    } finally {
      fs.closeSync(devNull);
    }
  } else {
    console.error('  fits: funpack not installed (apt-get install -y libcfitsio-bin); its row is skipped');
  }
  if (Number.isNaN(sink)) console.error('  (NaN pixel seen)');
  return rows;
}
