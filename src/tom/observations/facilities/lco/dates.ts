// The form's start/end: "any date string" (the TOM Toolkit used dateutil's parser), stored as
// "YYYY-MM-DDTHH:MM:SS" in UTC, the form the LCO portal takes for windows.

// ISO-like text: "2019-08-05", "2019-08-05 10:30", "2019-08-05T10:30:00.5Z", "2019-08-05T10:30:00+02:00".
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

/** The UTC time as "YYYY-MM-DDTHH:MM:SS", or null when the text is not a date. */
export function parseFormDate(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  const iso = ISO.exec(value);
  let ms: number;
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso;
    const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
    ms = Date.UTC(...fields);
    const check = new Date(ms);
    // Date.UTC rolls 2019-02-30 over into March; a date that does not exist is not a date.
    if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) return null;
    ms -= offsetMinutes(zone) * 60_000;
  } else {
    // Other spellings ("Aug 5 2019 10:00"): read as UTC unless they name their own zone.
    ms = Date.parse(`${value} UTC`);
    if (Number.isNaN(ms)) ms = Date.parse(value);
    if (Number.isNaN(ms)) return null;
  }
  const date = new Date(ms);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return null;
  return date.toISOString().slice(0, 19);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}
