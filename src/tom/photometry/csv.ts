/**
 * The photometry CSV of the target data download (spec §7): no header row,
 * one row per photometry datum in time order,
 *   <ISO-8601 timestamp with T and +00:00>,<magnitude>,<error>
 * written the way the original's Python csv.writer did: rows end in CRLF,
 * timestamps as datetime.isoformat('T') (microseconds only when non-zero),
 * numbers as Python's repr of a float ("14.0", "1e-05").
 */
import { mjdToPythonIso, pythonIsoFromMicros } from './time.ts';

export interface PhotometryCsvRow {
  /** The datum's time: a Date, Unix epoch milliseconds, or an ISO-8601 string (up to microseconds). */
  timestamp: Date | number | string;
  magnitude: number;
  error: number;
}

/** The CSV text. Rows are written in the order given; sort them by time first (see photometryCsvRows). */
export function photometryCsv(rows: Iterable<PhotometryCsvRow>): string {
  let out = '';
  for (const row of rows) {
    out += `${pythonIsoTimestamp(row.timestamp)},${pythonFloat(row.magnitude)},${pythonFloat(row.error)}\r\n`;
  }
  return out;
}

/** Light-curve points (or anything with an MJD) as CSV rows, ordered by time. */
export function photometryCsvRows(points: Iterable<{ time: { mjd: number }; magnitude: number; error: number }>): PhotometryCsvRow[] {
  return [...points]
    .sort((a, b) => a.time.mjd - b.time.mjd)
    // Through the MJD, as the original stored a pipeline datum's time.
    .map((p) => ({ timestamp: mjdToPythonIso(p.time.mjd), magnitude: p.magnitude, error: p.error }));
}

/** The download's file name: the target name with spaces and dots replaced by '_', plus '.csv'. */
export function photometryCsvFilename(targetName: string): string {
  return `${targetName.replace(/[ .]/g, '_')}.csv`;
}

/**
 * Python's repr() of a float: the shortest digits that round-trip (as JS),
 * but fixed notation only for decimal exponents -4..15, a ".0" on integral
 * values, and a two-digit minimum exponent ("1e-05", "1.5e+16").
 */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = value.toExponential().split('e');
  const exponent = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exponent);
    return `${sign}${digits[0]}${rest}e${exponent < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intLength = exponent + 1;
  if (digits.length <= intLength) return `${sign}${digits.padEnd(intLength, '0')}.0`;
  return `${sign}${digits.slice(0, intLength)}.${digits.slice(intLength)}`;
}

function pythonIsoTimestamp(timestamp: Date | number | string): string {
  if (timestamp instanceof Date) return pythonIsoFromMicros(timestamp.getTime() * 1000);
  if (typeof timestamp === 'number') return pythonIsoFromMicros(Math.round(timestamp * 1000));
  return pythonIsoFromMicros(isoToMicros(timestamp));
}

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/** ISO-8601 string to microseconds since 1970, keeping up to six fractional digits; no zone means UTC. */
function isoToMicros(text: string): number {
  const m = ISO.exec(text.trim());
  if (!m) throw new RangeError(`not an ISO-8601 timestamp: '${text}'`);
  const zone = !m[4] || m[4] === 'Z' ? 'Z' : m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4];
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 timestamp: '${text}'`);
  return ms * 1000 + Number((m[3] ?? '').slice(0, 6).padEnd(6, '0'));
}
