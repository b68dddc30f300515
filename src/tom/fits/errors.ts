/**
 * The one error type the FITS reader throws. Every failure caused by the
 * input (corrupt, truncated or unsupported files) ends up as a FitsError, so
 * callers can tell "bad file" from a bug with a single instanceof check.
 */
export class FitsError extends Error {
  override readonly name = 'FitsError';
  /** File name or path given by the caller, when known. */
  readonly file: string | undefined;
  /** Index of the HDU involved (0 = primary), when known. */
  readonly hdu: number | undefined;
  /** The message without the file prefix. */
  readonly detail: string;

  constructor(detail: string, where: ErrorContext = {}, options?: { cause?: unknown }) {
    super(where.file ? `${where.file}: ${detail}` : detail, options);
    this.file = where.file;
    this.hdu = where.hdu;
    this.detail = detail;
  }
}

/** Where in a file something went wrong; passed down so messages can name it. */
export interface ErrorContext {
  file?: string;
  hdu?: number;
}

/** Builds a FitsError whose message names the HDU, e.g. "truncated data in HDU 1 (...)". */
export function hduError(where: ErrorContext, what: string, extra?: string, cause?: unknown): FitsError {
  const inHdu = where.hdu === undefined ? '' : ` in HDU ${where.hdu}`;
  const tail = extra ? ` (${extra})` : '';
  return new FitsError(`${what}${inHdu}${tail}`, where, cause === undefined ? undefined : { cause });
}
