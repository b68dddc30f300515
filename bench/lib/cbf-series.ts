// A data collection for the archive benchmark: a series of Pilatus 200K miniCBF frames (487 × 407,
// two modules and their gap), as a beamline writes them during a rotation. Each frame has its own
// Poisson background falling off from the beam centre and its own Bragg spots, byte_offset
// compressed as the detector does, so gzip finds what it finds in real frames (about half the
// size). Written once by this script into a cache directory under the system's temp dir; delete
// that directory to rebuild.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WIDTH = 487;
const HEIGHT = 407;
const GAP = { from: 195, to: 212 }; // rows between the two modules
const LEVELS = 64; // background levels, each with its own Poisson table
const TABLE_BITS = 16;

/** xorshift32: fast, and the same frames on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/** For each level, 2^16 draws of a Poisson count in CDF order: a uniform 16-bit index picks one. */
function poissonTables(means: number[]): Uint8Array {
  const tables = new Uint8Array(means.length << TABLE_BITS);
  means.forEach((mean, level) => {
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    for (let i = 0; i < 1 << TABLE_BITS; i++) {
      while ((i + 0.5) / (1 << TABLE_BITS) > cdf && k < 255) {
        k++;
        p *= mean / k;
        cdf += p;
      }
      tables[(level << TABLE_BITS) | i] = k;
    }
  });
  return tables;
}

/** Background level of every pixel: 2 counts at the edge up to 32 at the beam centre. */
function backgroundLevels(): { levels: Uint8Array; means: number[] } {
  const means = Array.from({ length: LEVELS }, (_, i) => 2 + (30 * i) / (LEVELS - 1));
  const levels = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const mean = 2 + 30 * Math.exp(-Math.hypot(y - HEIGHT * 0.48, x - WIDTH * 0.52) / (0.3 * WIDTH));
      levels[y * WIDTH + x] = Math.round(((mean - 2) / 30) * (LEVELS - 1));
    }
  }
  return { levels, means };
}

function frameCounts(index: number, levels: Uint8Array, tables: Uint8Array): Int32Array {
  const next = random(0x9e3779b9 ^ (index * 2654435761));
  const counts = new Int32Array(WIDTH * HEIGHT);
  for (let i = 0; i < counts.length; i += 2) {
    const bits = next();
    counts[i] = tables[(levels[i] << TABLE_BITS) | (bits & 0xffff)];
    if (i + 1 < counts.length) counts[i + 1] = tables[(levels[i + 1] << TABLE_BITS) | (bits >>> 16)];
  }
  for (let spot = 0; spot < 60; spot++) {
    const cy = 3 + (next() % (HEIGHT - 6));
    const cx = 3 + (next() % (WIDTH - 6));
    const peak = 50 + (next() % 5000);
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) counts[(cy + dy) * WIDTH + cx + dx] += peak >> (Math.abs(dy) + Math.abs(dx));
  }
  counts.fill(-1, GAP.from * WIDTH, GAP.to * WIDTH);
  return counts;
}

/** CBF byte_offset: each difference in 1 byte, or escaped (0x80) to 2, or (0x80, 0x8000) to 4. */
function byteOffset(counts: Int32Array): Buffer {
  const out = Buffer.alloc(counts.length * 7);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < counts.length; i++) {
    const value = counts[i];
    const delta = value - previous;
    previous = value;
    if (delta >= -127 && delta <= 127) out[at++] = delta & 0xff;
    else {
      out[at++] = 0x80;
      if (delta >= -32767 && delta <= 32767) at = out.writeInt16LE(delta, at);
      else at = out.writeInt32LE(delta, out.writeInt16LE(-32768, at));
    }
  }
  return out.subarray(0, at);
}

function cbf(index: number, data: Buffer): Buffer {
  const header = [
    '###CBF: VERSION 1.5, CBFlib v0.7.8 - PILATUS detectors', '', `data_series_${index + 1}`, '',
    '_array_data.header_convention "PILATUS_1.2"', '_array_data.header_contents', ';',
    '# Detector: PILATUS 200K, S/N 24-0000', '# Pixel_size 172e-6 m x 172e-6 m', '# Exposure_time 0.1000000 s',
    '# Count_cutoff 1048500 counts', '# Wavelength 0.97950 A', '# Detector_distance 0.30000 m', '# Beam_xy (253.24, 195.36) pixels',
    `# Start_angle ${(index * 0.1).toFixed(4)} deg.`, '# Angle_increment 0.1000 deg.', ';', '', '_array_data.data', ';',
    '--CIF-BINARY-FORMAT-SECTION--', 'Content-Type: application/octet-stream;', '     conversions="x-CBF_BYTE_OFFSET"',
    'Content-Transfer-Encoding: BINARY', `X-Binary-Size: ${data.length}`, 'X-Binary-ID: 1', 'X-Binary-Element-Type: "signed 32-bit integer"',
    'X-Binary-Element-Byte-Order: LITTLE_ENDIAN', `X-Binary-Number-of-Elements: ${WIDTH * HEIGHT}`,
    `X-Binary-Size-Fastest-Dimension: ${WIDTH}`, `X-Binary-Size-Second-Dimension: ${HEIGHT}`, 'X-Binary-Size-Padding: 4095', '', '',
  ].join('\r\n');
  const trailer = Buffer.from('\r\n--CIF-BINARY-FORMAT-SECTION----\r\n;\r\n\r\n', 'latin1');
  return Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from([0x0c, 0x1a, 0x04, 0xd5]), data, Buffer.alloc(4095), trailer]);
}

export const frameName = (index: number) => `series_1_${String(index + 1).padStart(5, '0')}.cbf`;

/**
 * The directory `<cache>/<name>` holding `frames` frames, made on first use (kept between runs).
 * Returns its path and the bytes of all its files.
 */
export function cbfSeries(name: string, frames: number): { dir: string; bytes: number } {
  const cache = path.join(os.tmpdir(), `lightpath-bench-archive-${frames}-v1`);
  const dir = path.join(cache, name);
  const done = path.join(cache, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(cache, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    console.error(`  archive: writing ${frames} Pilatus 200K frames into ${dir} (once)…`);
    const { levels, means } = backgroundLevels();
    const tables = poissonTables(means);
    for (let i = 0; i < frames; i++) fs.writeFileSync(path.join(dir, frameName(i)), cbf(i, byteOffset(frameCounts(i, levels, tables))));
    fs.writeFileSync(done, '');
  }
  let bytes = 0;
  for (const file of fs.readdirSync(dir)) bytes += fs.statSync(path.join(dir, file)).size;
  return { dir, bytes };
}
