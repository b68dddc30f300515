/**
 * The failures a timelapse reports to its process (§3 of the spec). A TimelapseError's
 * message is meant to become the process's `failure_message` as is (the original's
 * AsyncError); anything else that escapes renderTimelapse is unexpected (a bug, or ffmpeg
 * itself failing) and is reported the way the spec reports unexpected errors.
 */
export class TimelapseError extends Error {
  override readonly name = 'TimelapseError';
  /** The frame's display name when the failure concerns one input file. */
  readonly file: string | undefined;

  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.file = file;
  }
}

/** Spec §3: the wording the original used for fps <= 0. */
export function invalidFpsMessage(fps: unknown): string {
  return `Invalid FPS ${describe(fps)}`;
}

/** Spec §3: the original's message when frames could not be written together. */
export const DIFFERENT_SIZES_MESSAGE = 'Invalid parameters. Are all images the same size?';

/** Spec §3: no DATE-OBS in any HDU. */
export const MISSING_DATE_DETAIL = "could not find observation date in FITS header 'DATE-OBS'";

/** Spec §3's wrapper for anything that went wrong with one file: `Error in file '<name>': <error>`. */
export function fileError(name: string, detail: string, cause?: unknown): TimelapseError {
  return new TimelapseError(`Error in file '${name}': ${detail}`, name, cause === undefined ? undefined : { cause });
}

/** Numbers as Python would print them in the original's messages (0, -1, 2.5); other values as JSON. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
