// The Timelapse pipeline (spec §3): a video of the selected FITS frames in DATE-OBS order, saved
// as one data product named like the process ("timelapse_m13_2019-08-02-100944.webm", T1).
import path from 'node:path';
import type { Config } from '../../config.ts';
import { renderTimelapse, requireTimelapseSettings, TimelapseError } from '../timelapse/index.ts';
import type { RawTimelapseSettings } from '../timelapse/index.ts';
import { PipelineError } from './types.ts';
import type { Pipeline } from './types.ts';

export function timelapseSettings(settings: Record<string, unknown>, config: Config) {
  const defaults = config.tom.timelapse;
  const raw: RawTimelapseSettings = {
    format: settings.format ?? defaults.format,
    fps: settings.fps ?? defaults.fps,
    size: settings.size ?? defaults.size,
    cropScale: settings.crop_scale ?? defaults.cropScale,
  } as RawTimelapseSettings;
  try {
    return requireTimelapseSettings(raw);
  } catch (error) {
    if (error instanceof TimelapseError) throw new PipelineError(error.message);
    throw error;
  }
}

export const timelapsePipeline: Pipeline = {
  name: 'Timelapse',
  shortName: 'timelapse',
  processType: 'timelapse',
  flags: {
    normalise_background: { default: false, label: 'Process each frame to achieve a consistent background brightness across the timelapse' },
    crop: { default: false, label: 'Crop each frame in the timelapse around its centre pixel' },
  },
  allowedSuffixes: ['.fits', '.fz'],
  identifierSuffix(settings, config) {
    const format = settings.format ?? config.tom.timelapse.format;
    return typeof format === 'string' && /^[a-z0-9]{1,8}$/.test(format) ? `.${format}` : '';
  },
  async run(context) {
    const settings = timelapseSettings(context.settings, context.config);
    const output = path.join(context.workDir, context.identifier);
    await context.log('Sorting frames');
    let logged = Promise.resolve();
    try {
      await renderTimelapse({
        frames: context.inputs.map((input) => ({ path: input.path, name: input.name })),
        output,
        format: settings.format,
        fps: settings.fps,
        size: settings.size,
        cropScale: context.flags.crop ? settings.cropScale : undefined,
        normaliseBackground: context.flags.normalise_background,
        ffmpegPath: context.config.ffmpegPath,
        signal: context.signal,
        onProgress: (done, total) => {
          logged = logged.then(() => context.log(`Processing frame ${done}/${total}`));
        },
      });
    } catch (error) {
      if (error instanceof TimelapseError) throw new PipelineError(error.message);
      throw error;
    } finally {
      await logged;
    }
    await context.log('Finished');
    return [{ kind: 'data_product', path: output, dataProductType: 'timelapse', fileName: context.identifier }];
  },
};
