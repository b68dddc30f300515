// 50 synthetic 2048×2048 float32 sky frames (noise, a drifting star field, DATE-OBS one minute
// apart), tile-compressed with fpack -q 4 as observatories ship them (.fits.fz), plus the first
// frame as plain FITS. Made once and kept in a cache directory under the system's temp dir
// (about 2.6 MB per compressed frame, 140 MB in all); delete that directory to rebuild.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fitsBytes } from '../../test/support/fits-writer.ts';

const run = promisify(execFile);
export const SIDE = 2048;
export const FRAMES = 50;
export const CACHE = path.join(os.tmpdir(), `lightpath-bench-fits-${SIDE}-${FRAMES}-v1`);

export interface BenchFrames {
  /** The tile-compressed frames, in time order. */
  compressed: string[];
  /** Frame 0 as plain FITS, and the same frame compressed. */
  plain: string;
  plainCompressed: string;
}

/** Mulberry32: fast and repeatable, so every run of the benchmark sees the same pixels. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function skyFrame(index: number): Float32Array {
  const pixels = new Float32Array(SIDE * SIDE);
  const next = random(1000 + index);
  for (let i = 0; i < pixels.length; i += 2) {
    // Box-Muller: sky 1000 counts with read and photon noise of ~15 counts.
    const r = Math.sqrt(-2 * Math.log(next() + 1e-12)) * 15;
    const angle = 2 * Math.PI * next();
    pixels[i] = 1000 + r * Math.cos(angle);
    pixels[i + 1] = 1000 + r * Math.sin(angle);
  }
  const stars = random(7); // the same stars in every frame, drifting by half a pixel per frame
  for (let s = 0; s < 400; s++) {
    const cx = stars() * SIDE + index * 0.5;
    const cy = stars() * SIDE + index * 0.3;
    const peak = 200 + 20000 * stars() ** 4;
    for (let y = Math.max(0, Math.floor(cy) - 8); y < Math.min(SIDE, Math.floor(cy) + 9); y++) {
      for (let x = Math.max(0, Math.floor(cx) - 8); x < Math.min(SIDE, Math.floor(cx) + 9); x++) {
        pixels[x + SIDE * y] += peak * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 8);
      }
    }
  }
  return pixels;
}

async function fpack(file: string): Promise<void> {
  try {
    await run('fpack', ['-q', '4', file]); // RICE_1 tiles of one row, quantized to sigma/4
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('fpack is not installed: apt-get install -y libcfitsio-bin');
    throw error;
  }
}

export async function benchFrames(): Promise<BenchFrames> {
  const name = (i: number) => path.join(CACHE, `frame-${String(i).padStart(2, '0')}.fits`);
  const frames: BenchFrames = { compressed: Array.from({ length: FRAMES }, (_, i) => `${name(i)}.fz`), plain: name(0), plainCompressed: `${name(0)}.fz` };
  if (fs.existsSync(path.join(CACHE, 'complete'))) return frames;
  console.error(`  making ${FRAMES} FITS frames in ${CACHE} (once)…`);
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  for (let i = 0; i < FRAMES; i++) {
    const date = new Date(Date.UTC(2019, 7, 1, 3, i)).toISOString().slice(0, 19);
    fs.writeFileSync(name(i), fitsBytes({
      width: SIDE, height: SIDE, pixels: skyFrame(i),
      header: { 'DATE-OBS': date, OBJECT: 'm13', EXPTIME: 60, FILTER: 'rp' },
    }));
    await fpack(name(i));
    if (i > 0) fs.rmSync(name(i));
  }
  fs.writeFileSync(path.join(CACHE, 'complete'), '');
  return frames;
}
