// Diffraction frames for the frame benchmark, written by fabio and h5py (bench/baselines/frame-reference.py):
// one Pilatus 6M CBF, an Eiger 16M HDF5 master with its bitshuffle/LZ4 data file, and a series of
// Pilatus 6M CBFs. Made once and kept in a cache directory under the system's temp dir (about
// 6 MB per CBF); delete that directory to rebuild.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PYTHON } from '../../test/dataproxy/frame-fixtures.ts';

const run = promisify(execFile);
export const SERIES = 100;
export const REFERENCE = path.resolve(import.meta.dirname, '../baselines/frame-reference.py');
const CACHE = path.join(os.tmpdir(), `lightpath-bench-frames-${SERIES}-v1`);

export const seriesName = (index: number) => `series_${String(index + 1).padStart(5, '0')}.cbf`;

/** The directory holding pilatus6m.cbf, eiger_master.h5 and the series, made on first use. */
export async function benchFrameDir(): Promise<string> {
  const done = path.join(CACHE, '.complete');
  if (fs.existsSync(done)) return CACHE;
  fs.rmSync(CACHE, { recursive: true, force: true });
  console.error(`  frames: writing the benchmark frames into ${CACHE} (a few minutes, once)…`);
  await run(PYTHON, [REFERENCE, 'make', CACHE, String(SERIES)], { maxBuffer: 1 << 20 });
  fs.writeFileSync(done, '');
  return CACHE;
}

/** The reference renderer's milliseconds per render of `target` (a file, or master.h5/<frame>), `runs` times. */
export async function referenceRenders(target: string, runs: number): Promise<number[]> {
  const { stdout } = await run(PYTHON, [REFERENCE, 'render', String(runs), target], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as number[];
}

/** The q-quantile (0–1) of ascending-sorted values, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
