/**
 * DATE-OBS values (FITS 4.0 section 9.1.1) as milliseconds since 1970 UTC, for ordering.
 *
 * Accepted:
 *   YYYY-MM-DD                              date only (midnight)
 *   YYYY-MM-DDThh:mm:ss[.s...]              the standard form; any number of decimals
 *   YYYY-MM-DDThh:mm[:ss]                   seconds left out (seen in the wild)
 *   ... with ' ' instead of 'T', or a trailing 'Z' - not FITS, but written by some tools
 *   DD/MM/YY                                the pre-2000 form, meaning 19YY
 * Times are taken as UTC (the FITS default time scale); for ordering frames of one target
 * only consistency matters. Fractions finer than a millisecond are kept (the result is a
 * float), so frames 0.1 ms apart still sort correctly.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d*)?)?)?Z?$/;
const OLD = /^(\d{2})\/(\d{2})\/(\d{2})$/;

/** The time in ms since the epoch, or null if `text` is not a FITS date. */
export function parseFitsDate(text: string): number | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = ''] = iso;
    return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), fraction === '' || fraction === '.' ? 0 : Number(`0${fraction}`));
  }
  const old = OLD.exec(value);
  if (old) {
    const [, d, mo, yy] = old;
    return build(1900 + Number(yy), Number(mo), Number(d), 0, 0, 0, 0);
  }
  return null;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  // 60 allows a leap second (23:59:60); it counts as the next minute's :00, fine for ordering.
  if (hour > 23 || minute > 59 || second > 60) return null;
  // setUTCFullYear, because Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime() + fraction * 1000;
}

function daysIn(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
