/**
 * Observation times: FITS DATE-OBS strings to ISO-8601 UTC and Modified
 * Julian Date, and MJD back to a UTC timestamp.
 *
 * DATE-OBS is taken as UTC (the FITS default, TIMESYS = 'UTC'; LCO frames
 * write it without a zone, e.g. '2019-08-02T02:32:39.152'). Times are carried
 * as integer microseconds since 1970 so fractional seconds written with more
 * than millisecond precision are not rounded away on the way to MJD.
 */

/** MJD of the Unix epoch, 1970-01-01T00:00:00 UTC. */
export const MJD_UNIX_EPOCH = 40587;
const MICROS_PER_DAY = 86_400_000_000;

export interface ObservationTime {
  /** UTC, ISO-8601 with 'Z', millisecond precision: '2019-08-02T02:32:39.152Z'. */
  iso: string;
  /** Modified Julian Date (UTC). */
  mjd: number;
}

const DATE_OBS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]00:?00)?$/;

/**
 * Parses a DATE-OBS value ('YYYY-MM-DD' or 'YYYY-MM-DDThh:mm[:ss[.fff...]]',
 * optionally ending in 'Z' or a zero offset). Returns undefined for anything
 * else, including the pre-1997 'DD/MM/YY' form and impossible dates, so the
 * caller decides how to report it.
 */
export function parseDateObs(text: string): ObservationTime | undefined {
  const m = DATE_OBS.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Date.UTC would roll 2019-02-30 over into March; refuse instead. A leap
  // second (:60) is accepted and lands on the next minute's :00.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const fraction = m[7] ?? '';
  // Microseconds from the first six fractional digits, exact (no float parsing).
  const micros = ms * 1000 + Number(fraction.slice(0, 6).padEnd(6, '0'));
  return fromMicros(micros);
}

/** The observation time of a Unix epoch in milliseconds. */
export function timeFromEpochMs(ms: number): ObservationTime {
  return fromMicros(Math.round(ms * 1000));
}

/** The observation time of an MJD (rounded to the microsecond). */
export function timeFromMjd(mjd: number): ObservationTime {
  return fromMicros(Math.round((mjd - MJD_UNIX_EPOCH) * MICROS_PER_DAY));
}

/**
 * MJD to a UTC datetime string the way Python prints an aware datetime
 * (datetime.isoformat('T')): '2019-08-02T02:32:39.152000+00:00', or without
 * the fraction when the microseconds are zero. This is the timestamp a
 * ReducedDatum made from a pipeline's [mjd, mag, err, file] output carries.
 */
export function mjdToPythonIso(mjd: number): string {
  return pythonIsoFromMicros(Math.round((mjd - MJD_UNIX_EPOCH) * MICROS_PER_DAY));
}

/** Python's datetime.isoformat('T') of a UTC instant given in microseconds since 1970. */
export function pythonIsoFromMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const extraMicros = micros - ms * 1000;
  const base = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const wholeMicros = Number(base.slice(20, 23)) * 1000 + extraMicros;
  const fraction = wholeMicros === 0 ? '' : `.${String(wholeMicros).padStart(6, '0')}`;
  return `${base.slice(0, 19)}${fraction}+00:00`;
}

function fromMicros(micros: number): ObservationTime {
  const ms = Math.floor(micros / 1000);
  return {
    iso: new Date(ms).toISOString(),
    // Whole days and the remainder separately, so the day count adds no rounding to the fraction.
    mjd: Math.floor(micros / MICROS_PER_DAY) + MJD_UNIX_EPOCH + (micros - Math.floor(micros / MICROS_PER_DAY) * MICROS_PER_DAY) / MICROS_PER_DAY,
  };
}
