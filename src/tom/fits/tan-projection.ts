/**
 * The gnomonic (TAN) projection and the spherical rotation between native
 * and celestial coordinates (Calabretta & Greisen 2002, "WCS paper II",
 * sections 2.3 and 5.1.3). Angles in degrees at the interface.
 */

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

export interface CelestialPole {
  /** Celestial coordinates of the reference point = native pole for zenithal projections. */
  alphaP: number;
  deltaP: number;
  /** Native longitude of the celestial pole (LONPOLE). */
  phiP: number;
}

/** Projection-plane (x, y), degrees -> celestial (lng, lat), degrees. */
export function tanToSky(x: number, y: number, pole: CelestialPole): { lng: number; lat: number } {
  // Deprojection: R = (180/pi) cot(theta), phi = arg(-y, x).
  const r = Math.hypot(x, y);
  const phi = r === 0 ? 0 : Math.atan2(x, -y);
  const theta = Math.atan2(R2D, r);
  // Native (phi, theta) -> celestial (paper II eq. 2), kept as the three
  // Cartesian components so both angles come from atan2 (no asin near +-1).
  const dphi = phi - pole.phiP * D2R;
  const dp = pole.deltaP * D2R;
  const sinT = Math.sin(theta);
  const cosT = Math.cos(theta);
  const sinDp = Math.sin(dp);
  const cosDp = Math.cos(dp);
  const u = sinT * cosDp - cosT * sinDp * Math.cos(dphi); // cos(lat) cos(lng - alphaP)
  const v = -cosT * Math.sin(dphi); // cos(lat) sin(lng - alphaP)
  const w = sinT * sinDp + cosT * cosDp * Math.cos(dphi); // sin(lat)
  return { lng: normalizeDegrees(pole.alphaP + R2D * Math.atan2(v, u)), lat: R2D * Math.atan2(w, Math.hypot(u, v)) };
}

/**
 * Celestial (lng, lat), degrees -> projection plane (x, y), degrees.
 * Points 90 degrees or more from the reference point do not project: NaN.
 */
export function skyToTan(lng: number, lat: number, pole: CelestialPole): { x: number; y: number } {
  const da = (lng - pole.alphaP) * D2R;
  const d = lat * D2R;
  const dp = pole.deltaP * D2R;
  const sinD = Math.sin(d);
  const cosD = Math.cos(d);
  const sinDp = Math.sin(dp);
  const cosDp = Math.cos(dp);
  // Celestial -> native (paper II eq. 5) as components:
  //   a = cos(theta) sin(phi - phiP), b = cos(theta) cos(phi - phiP), s = sin(theta).
  // b is written with sin(d - dp) and 2 sin^2(da/2) so that it stays accurate
  // for points close to the reference point, where it is tiny.
  const half = Math.sin(da / 2);
  const a = -cosD * Math.sin(da);
  const b = Math.sin(d - dp) + 2 * cosD * sinDp * half * half;
  const s = sinD * sinDp + cosD * cosDp * Math.cos(da);
  if (!(s > 0)) return { x: Number.NaN, y: Number.NaN };
  const pp = pole.phiP * D2R;
  const sinPp = Math.sin(pp);
  const cosPp = Math.cos(pp);
  // Gnomonic: R = (180/pi) cos(theta)/sin(theta); x = R sin(phi), y = -R cos(phi).
  return {
    x: (R2D * (a * cosPp + b * sinPp)) / s,
    y: (-R2D * (b * cosPp - a * sinPp)) / s,
  };
}

export function normalizeDegrees(value: number): number {
  const v = value % 360;
  return v < 0 ? v + 360 : v;
}
