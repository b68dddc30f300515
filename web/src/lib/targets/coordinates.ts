// A target's place in the sky as people read it: RA in hours, minutes and seconds and Dec in
// degrees, arcminutes and arcseconds (sidereal), or its orbital element scheme (non-sidereal).
import type { Target } from './types';

function sexagesimal(value: number, divisor: number, signed: boolean): string {
  const sign = value < 0 ? '−' : signed ? '+' : '';
  let rest = Math.abs(value) / divisor;
  const whole = Math.floor(rest);
  rest = (rest - whole) * 60;
  const minutes = Math.floor(rest);
  const seconds = (rest - minutes) * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(whole)}:${pad(minutes)}:${seconds.toFixed(signed ? 1 : 2).padStart(signed ? 4 : 5, '0')}`;
}

export function raText(degrees: number): string {
  return sexagesimal(degrees, 15, false);
}

export function decText(degrees: number): string {
  return sexagesimal(degrees, 1, true);
}

export function coordinates(target: Pick<Target, 'kind' | 'ra' | 'dec' | 'scheme'>): string {
  if (target.kind === 'non_sidereal') return target.scheme ? `Orbit: ${target.scheme}` : 'Orbit';
  if (target.ra === null || target.dec === null) return '—';
  return `${raText(target.ra)}  ${decText(target.dec)}`;
}
