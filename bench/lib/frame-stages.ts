// The stages of one Pilatus 6M preview, timed one by one on this thread (CPU time, so other work
// on the machine inflates them less than wall time): where the milliseconds of a render go, and
// so what the floor of a render is.
import fs from 'node:fs';
import { AreaResize } from '../../src/dataproxy/frames/area-resize.ts';
import { decodeCbf } from '../../src/dataproxy/frames/cbf.ts';
import { pngBand } from '../../src/dataproxy/frames/png.ts';
import { PREVIEW_SIZE } from '../../src/dataproxy/frames/preview-band.ts';
import { contrastRange, greyRows } from '../../src/dataproxy/frames/render.ts';
import { quantile } from './frame-files.ts';

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** Stage name → CPU ms of each of `runs` renders (after one unmeasured). */
export function frameStages(file: string, runs: number): Map<string, number[]> {
  const stages = new Map<string, number[]>();
  for (let run = 0; run <= runs; run++) {
    let started = cpuMs();
    const lap = (name: string) => {
      const now = cpuMs();
      if (run > 0) stages.set(name, [...(stages.get(name) ?? []), now - started]);
      started = now;
    };
    const bytes = fs.readFileSync(file);
    lap('read the file');
    const frame = decodeCbf(bytes);
    lap('decode byte_offset');
    const contrast = contrastRange(frame);
    lap('percentiles (statistics region)');
    const grey = new Uint8Array(PREVIEW_SIZE * PREVIEW_SIZE);
    new AreaResize(frame.width, frame.height, PREVIEW_SIZE, PREVIEW_SIZE).rows(greyRows(frame, 1, contrast), 0, PREVIEW_SIZE, grey);
    lap('grey map + area resize');
    pngBand(grey, PREVIEW_SIZE, true);
    lap('PNG filter + deflate');
  }
  return stages;
}

export function p50(times: number[]): number {
  return quantile([...times].sort((a, b) => a - b), 0.5);
}
