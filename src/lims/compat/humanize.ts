// The `duration` text of LaunchSession / CloseSession (spec §3.2): the seconds are
// divided into years, months (4.35 weeks), weeks, days, hours, mins and secs with
// Python's float divmod; units whose value rounds above 0 are kept, the first two
// are printed as "{value:.0f} {unit}" plus "s" when the unrounded value exceeds 1,
// joined by a space; nothing left gives "0 minutes". Quirks kept on purpose:
// 1.2 s → "1 secs", 2.5 s → "2 secs" (round half to even), 5 weeks → "1 month 1 week".

const UNITS = ['year', 'month', 'week', 'day', 'hour', 'min', 'sec'] as const;

/** Python's divmod for floats: floor quotient, remainder with the divisor's sign. */
function pyDivmod(dividend: number, divisor: number): [number, number] {
  let mod = dividend % divisor; // fmod, exact
  let div = (dividend - mod) / divisor;
  if (mod !== 0) {
    if (divisor < 0 !== mod < 0) {
      mod += divisor;
      div -= 1;
    }
  } else {
    mod = divisor < 0 ? -0 : 0;
  }
  let floorDiv: number;
  if (div !== 0) {
    floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1;
  } else {
    floorDiv = dividend / divisor < 0 ? -0 : 0;
  }
  return [floorDiv, mod];
}

/** Round half to even, as Python's round() and "{:.0f}" do for floats. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor; // exact for doubles
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export function humanizeSeconds(totalSeconds: number, depth = 2): string {
  if (!Number.isFinite(totalSeconds)) throw new RangeError(`duration must be finite, got ${totalSeconds}`);
  const [minutes, seconds] = pyDivmod(totalSeconds, 60);
  const [hours, restMinutes] = pyDivmod(minutes, 60);
  const [days, restHours] = pyDivmod(hours, 24);
  const [weeks, restDays] = pyDivmod(days, 7);
  const [months, restWeeks] = pyDivmod(weeks, 4.35);
  const [years, restMonths] = pyDivmod(months, 12);
  const values = [years, restMonths, restWeeks, restDays, restHours, restMinutes, seconds];
  const entries = values
    .map((value, index) => ({ value, unit: UNITS[index] }))
    .filter(({ value }) => roundHalfEven(value) > 0)
    .map(({ value, unit }) => `${roundHalfEven(value)} ${unit}${value > 1 ? 's' : ''}`);
  return entries.slice(0, depth).join(' ') || '0 minutes';
}

/** Hours as MxLIVE passes them; converted the way timedelta(hours=…) does (to the µs). */
export function humanizeHours(hours: number): string {
  return humanizeSeconds(Math.round(hours * 3600 * 1e6) / 1e6);
}
