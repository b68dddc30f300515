/**
 * A light curve: the same sky position measured on a set of frames, one
 * point per frame, ordered by observation time (never by file name or
 * input order: frame numbers and upload order need not follow DATE-OBS).
 *
 * A frame that cannot be measured (unreadable, no WCS, star off the image,
 * no flux...) becomes a failure entry with its reason instead of an
 * exception, so a pipeline can log it and carry on with the other frames.
 */
import { FitsError } from '../fits/index.ts';
import { PhotometryError, type PhotometryErrorCode } from './errors.ts';
import { loadFrame, type PhotometryFrame } from './frame.ts';
import { measureAtSky, type Measurement, type PhotometryOptions } from './measure.ts';
import type { ObservationTime } from './time.ts';

export interface LightCurvePoint {
  /** The input's path (or the name given with an in-memory frame). */
  file: string;
  /** Start of the exposure (DATE-OBS, else MJD-OBS). */
  time: ObservationTime;
  magnitude: number;
  error: number;
  /** FILTER keyword, or null when absent. */
  filter: string | null;
  measurement: Measurement;
}

export interface LightCurveFailure {
  file: string;
  code: PhotometryErrorCode;
  message: string;
}

export interface LightCurve {
  points: LightCurvePoint[];
  failures: LightCurveFailure[];
}

/** An in-memory frame with the name it should be reported under. */
export interface NamedFrame {
  file: string;
  frame: PhotometryFrame;
}

export interface LightCurveOptions extends PhotometryOptions {
  /** Called after each input, in input order, e.g. to write pipeline log lines. */
  onFrame?: (file: string, outcome: { point: LightCurvePoint } | { failure: LightCurveFailure }) => void;
  /** Aborting stops before the next frame; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Measures `position` (degrees) on every input. Inputs are read one at a
 * time, so memory stays at one frame however many there are. Errors other
 * than PhotometryError / FitsError are bugs and are thrown.
 */
export async function lightCurve(
  inputs: readonly (string | NamedFrame)[],
  position: { ra: number; dec: number },
  options: LightCurveOptions = {},
): Promise<LightCurve> {
  const points: LightCurvePoint[] = [];
  const failures: LightCurveFailure[] = [];
  for (const input of inputs) {
    options.signal?.throwIfAborted();
    const file = typeof input === 'string' ? input : input.file;
    let outcome: { point: LightCurvePoint } | { failure: LightCurveFailure };
    try {
      outcome = { point: await measureInput(input, file, position, options) };
      points.push(outcome.point);
    } catch (error) {
      outcome = { failure: toFailure(file, error) };
      failures.push(outcome.failure);
    }
    // Outside the try: an exception from the callback is the caller's, not this frame's failure.
    options.onFrame?.(file, outcome);
  }
  points.sort((a, b) => a.time.mjd - b.time.mjd || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { points, failures };
}

async function measureInput(
  input: string | NamedFrame,
  file: string,
  position: { ra: number; dec: number },
  options: PhotometryOptions,
): Promise<LightCurvePoint> {
  const frame = typeof input === 'string' ? await loadFrame(input) : input.frame;
  if (!frame.time) {
    throw new PhotometryError('bad-header', 'no observation time (neither DATE-OBS nor MJD-OBS)', { file: frame.file });
  }
  const measurement = measureAtSky(frame, position, options);
  return {
    file,
    time: frame.time,
    magnitude: measurement.magnitude,
    error: measurement.magnitudeError,
    filter: frame.filter ?? null,
    measurement,
  };
}

function toFailure(file: string, error: unknown): LightCurveFailure {
  if (error instanceof PhotometryError) {
    // The message may already name the file; report it once, in `file`.
    const prefix = `${error.file}: `;
    const message = error.file && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { file, code: error.code, message };
  }
  if (error instanceof FitsError) return { file, code: 'unreadable', message: error.detail };
  throw error;
}
