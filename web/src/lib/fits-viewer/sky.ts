// Sky coordinates as astronomers read them: RA in hours, minutes and seconds, Dec in degrees,
// arcminutes and arcseconds, each with the decimal degrees beside.

function sexagesimal(value: number, secondsDigits: number): string {
  const scale = 10 ** secondsDigits;
  // Rounded once, in units of the last digit shown, so 59.995 s never shows as 60.00.
  const total = Math.round(value * 3600 * scale);
  const whole = Math.floor(total / (3600 * scale));
  const minutes = Math.floor((total - whole * 3600 * scale) / (60 * scale));
  const seconds = (total - whole * 3600 * scale - minutes * 60 * scale) / scale;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(whole)}:${pad(minutes)}:${seconds.toFixed(secondsDigits).padStart(3 + secondsDigits, '0')}`;
}

/** RA (degrees) as hh:mm:ss.ss. */
export function formatRa(degrees: number): string {
  return sexagesimal((((degrees % 360) + 360) % 360) / 15, 2);
}

/** Dec (degrees) as ±dd:mm:ss.s. */
export function formatDec(degrees: number): string {
  return `${degrees < 0 ? '−' : '+'}${sexagesimal(Math.abs(degrees), 1)}`;
}
