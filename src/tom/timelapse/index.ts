/**
 * Timelapses (spec §3): FITS frames ordered by DATE-OBS, auto-stretched, gamma-corrected,
 * flipped, fitted within a size, optionally cropped and background-normalised, encoded by
 * ffmpeg as GIF, MP4 (H.264) or WebM (VP9).
 *
 *   const settings = validateTimelapseSettings({ fps: 10, format: 'webm', size: 500 });
 *   if (!settings.ok) fail(settings.message);
 *   const result = await renderTimelapse({ frames, output, ...settings.settings,
 *     ffmpegPath: config.ffmpegPath, signal, onProgress: (i, n) => log(`Processing frame ${i}/${n}`) });
 *
 * TimelapseError messages are the process failure messages of the spec; other errors
 * (FfmpegError, FfmpegNotFoundError, bugs) are unexpected ones.
 */
export { renderTimelapse } from './render.ts';
export type { RenderTimelapseOptions, TimelapseFrameInput, TimelapseResult } from './render.ts';
export {
  DEFAULT_TIMELAPSE_SETTINGS,
  MAX_SIZE,
  MIN_SIZE,
  TIMELAPSE_FORMATS,
  requireTimelapseSettings,
  validateTimelapseSettings,
} from './settings.ts';
export type { RawTimelapseSettings, SettingsResult, TimelapseFormat, TimelapseSettings } from './settings.ts';
export { DIFFERENT_SIZES_MESSAGE, MISSING_DATE_DETAIL, TimelapseError, invalidFpsMessage } from './errors.ts';
export { parseFitsDate } from './fits-date.ts';
export { orderByDate } from './order.ts';
export { scanFrame } from './frame-scan.ts';
export type { FrameInfo, FrameSource } from './frame-scan.ts';
export { zscale, zscaleSorted, sampleGrid } from './zscale.ts';
export type { DisplayRange, ZscaleOptions } from './zscale.ts';
export { gammaTable, DEFAULT_GAMMA } from './gamma.ts';
export { cropBox, cropPlane } from './crop.ts';
export { estimateSky, normaliseBackground } from './background.ts';
export { fitWithin } from './geometry.ts';
export { areaWeights, renderGray8 } from './resample.ts';
export { ffmpegArguments } from './encoders.ts';
export type { Plane } from './plane.ts';
