/**
 * Timelapse settings (spec §3, TOM_EDUCATION_TIMELAPSE_SETTINGS): format, fps, size and
 * crop scale, with the spec's defaults, checked before any file is touched.
 *
 * Messages: `Invalid FPS <fps>` is the spec's. The spec has no message for a bad format or
 * size (the original crashed on them), so those are Lightpath's own; for the crop scale the
 * spec's `scale must be in [0, 1]` is kept as the reason, but 0 is refused too because a
 * zero-size crop leaves nothing to show.
 */
import { describe, invalidFpsMessage, TimelapseError } from './errors.ts';

export const TIMELAPSE_FORMATS = ['gif', 'mp4', 'webm'] as const;
export type TimelapseFormat = (typeof TIMELAPSE_FORMATS)[number];

export interface TimelapseSettings {
  format: TimelapseFormat;
  /** Frames per second; any positive finite number (fractions give slow timelapses). */
  fps: number;
  /** Frames are fitted within size x size pixels. */
  size: number;
  /** Fraction of width and height kept by the centre crop (used when cropping is asked for). */
  cropScale: number;
}

/** Spec §3 defaults when a key is absent. */
export const DEFAULT_TIMELAPSE_SETTINGS: Readonly<TimelapseSettings> = Object.freeze({
  format: 'gif',
  fps: 10,
  size: 500,
  cropScale: 0.5,
});

/** Smallest and largest frame box: 2 keeps H.264's even sizes possible; 8192 bounds memory. */
export const MIN_SIZE = 2;
export const MAX_SIZE = 8192;

/** Raw settings as they come from configuration (any JSON); absent keys take the defaults. */
export interface RawTimelapseSettings {
  format?: unknown;
  fps?: unknown;
  size?: unknown;
  cropScale?: unknown;
}

export type SettingsResult = { ok: true; settings: TimelapseSettings } | { ok: false; message: string };

/** Checks settings in the order fps, format, size, crop scale; the first problem wins. */
export function validateTimelapseSettings(raw: RawTimelapseSettings = {}): SettingsResult {
  const fps = raw.fps === undefined ? DEFAULT_TIMELAPSE_SETTINGS.fps : raw.fps;
  if (typeof fps !== 'number' || !Number.isFinite(fps) || fps <= 0) return { ok: false, message: invalidFpsMessage(fps) };

  const format = raw.format === undefined ? DEFAULT_TIMELAPSE_SETTINGS.format : raw.format;
  if (typeof format !== 'string' || !(TIMELAPSE_FORMATS as readonly string[]).includes(format)) {
    return { ok: false, message: `Invalid format ${describe(format)}: must be one of ${TIMELAPSE_FORMATS.join(', ')}` };
  }

  const size = raw.size === undefined ? DEFAULT_TIMELAPSE_SETTINGS.size : raw.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    return { ok: false, message: `Invalid size ${describe(size)}: must be a whole number of pixels from ${MIN_SIZE} to ${MAX_SIZE}` };
  }

  const cropScale = raw.cropScale === undefined ? DEFAULT_TIMELAPSE_SETTINGS.cropScale : raw.cropScale;
  if (typeof cropScale !== 'number' || !Number.isFinite(cropScale) || cropScale <= 0 || cropScale > 1) {
    return { ok: false, message: `Invalid crop scale ${describe(cropScale)}: scale must be in (0, 1]` };
  }

  return { ok: true, settings: { format: format as TimelapseFormat, fps, size, cropScale } };
}

/** validateTimelapseSettings, throwing TimelapseError with the message. */
export function requireTimelapseSettings(raw: RawTimelapseSettings = {}): TimelapseSettings {
  const result = validateTimelapseSettings(raw);
  if (!result.ok) throw new TimelapseError(result.message);
  return result.settings;
}
