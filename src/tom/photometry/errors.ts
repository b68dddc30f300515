/**
 * The error photometry throws when a measurement cannot be made. A typed
 * code lets the light-curve builder and the pipelines report the reason per
 * frame ("off-image", "no-wcs"...) instead of matching message text.
 */

export type PhotometryErrorCode =
  /** The frame has no usable celestial WCS, so a sky position cannot be placed. */
  | 'no-wcs'
  /** The position, or part of its aperture, lies outside the image. */
  | 'off-image'
  /** A pixel inside the aperture is NaN or infinite (masked, saturated, bad column...). */
  | 'bad-pixels'
  /** Too few usable pixels in the sky annulus to estimate the background. */
  | 'no-sky'
  /** Background-subtracted flux is zero or negative: no magnitude exists. */
  | 'non-positive-flux'
  /** A header value photometry needs (EXPTIME, DATE-OBS...) is missing or invalid. */
  | 'bad-header'
  /** The caller's options or inputs are inconsistent (e.g. radii in arcsec without a pixel scale). */
  | 'bad-input'
  /** The file could not be read or is not a FITS image (wraps a FitsError). */
  | 'unreadable';

export class PhotometryError extends Error {
  override readonly name = 'PhotometryError';
  readonly code: PhotometryErrorCode;
  /** File the measurement was made on, when known. */
  readonly file: string | undefined;

  constructor(code: PhotometryErrorCode, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(options.file ? `${options.file}: ${message}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
  }
}
