// The stages of one Pilatus 6M preview, timed one by one on this thread (CPU time, so other work
// on the machine inflates them less than wall time): where the milliseconds of a render go, and
// so what the floor of a render is. Timed with the native loops (native/frame_render.c) and with
// the JavaScript ones (LIGHTPATH_NATIVE=off), taking turns run by run so a change in the machine's
// load falls on both. Each run hands its frame's buffer back, as a frame worker does.
import fs from 'node:fs';
import { frameRenderAddon } from '../../src/dataproxy/frames/frame-addon.ts';
import { decodeCbf } from '../../src/dataproxy/frames/cbf.ts';
import { releasePixels } from '../../src/dataproxy/frames/pixel-buffers.ts';
import { pngBand } from '../../src/dataproxy/frames/png.ts';
import { greyBand, PREVIEW_SIZE } from '../../src/dataproxy/frames/preview-band.ts';
import { contrastRange } from '../../src/dataproxy/frames/render.ts';
import { quantile } from './frame-files.ts';

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

export type Loops = 'native' | 'JavaScript';

/** One render, stage by stage; `lap(name)` is called at the end of each. */
function render(file: string, lap: (name: string) => void): void {
  const bytes = fs.readFileSync(file);
  lap('read the file');
  const frame = decodeCbf(bytes);
  // The native decoder measures the percentiles on the way: that stage is then (almost) free.
  lap('decode byte_offset');
  const contrast = contrastRange(frame);
  lap('percentiles (statistics region)');
  const grey = greyBand({ frame, brightness: 1, contrast, from: 0, to: PREVIEW_SIZE });
  lap('grey map + area resize');
  pngBand(grey, PREVIEW_SIZE, true);
  lap('PNG filter + deflate');
  releasePixels(frame);
}

/** "stage (loops)" → CPU ms of each of `runs` renders per kind of loops (after one unmeasured each). */
export function frameStages(file: string, runs: number): Map<string, number[]> {
  const stages = new Map<string, number[]>();
  const kinds: Loops[] = frameRenderAddon() === null ? ['JavaScript'] : ['native', 'JavaScript'];
  const previous = process.env.LIGHTPATH_NATIVE;
  try {
    for (let run = 0; run <= runs; run++) {
      for (const kind of kinds) {
        process.env.LIGHTPATH_NATIVE = kind === 'native' ? 'on' : 'off';
        let started = cpuMs();
        render(file, (name) => {
          const now = cpuMs();
          const stage = `${name} (${kind})`;
          if (run > 0) stages.set(stage, [...(stages.get(stage) ?? []), now - started]);
          started = now;
        });
      }
    }
  } finally {
    if (previous === undefined) delete process.env.LIGHTPATH_NATIVE;
    else process.env.LIGHTPATH_NATIVE = previous;
  }
  return stages;
}

export function p50(times: number[]): number {
  return quantile([...times].sort((a, b) => a - b), 0.5);
}
