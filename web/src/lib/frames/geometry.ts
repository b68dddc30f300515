// Where a frame's pixels point in reciprocal space, from the metadata MxDC sends with a dataset
// (AddData): beam centre (pixels), detector distance and pixel size (mm), and the wavelength (Å)
// or the energy (keV). For a pixel at r mm from the beam, 2θ = atan(r / distance) and the
// resolution is d = λ / (2 sin θ).
export interface Geometry {
  beamX: number;
  beamY: number;
  distance: number;
  pixelSize: number;
  wavelength: number;
}

const KEV_ANGSTROM = 12.398419843;

function positive(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : null;
}

/** The geometry, or what is missing for it (in words, to tell the user). */
export function geometryOf(meta: Record<string, unknown>, energyKeV: number): { geometry: Geometry } | { missing: string[] } {
  const missing: string[] = [];
  const need = (value: number | null, what: string) => {
    if (value === null) missing.push(what);
    return value ?? 0;
  };
  const energy = positive(meta.energy) ?? positive(energyKeV);
  const wavelength = positive(meta.wavelength) ?? (energy === null ? null : KEV_ANGSTROM / energy);
  const geometry = {
    beamX: need(positive(meta.beam_x), 'beam centre x'),
    beamY: need(positive(meta.beam_y), 'beam centre y'),
    distance: need(positive(meta.distance), 'detector distance'),
    pixelSize: need(positive(meta.pixel_size), 'pixel size'),
    wavelength: need(wavelength, 'wavelength or energy'),
  };
  // A swung-out detector (two theta) makes rings ellipses off the beam: not drawn rather than drawn wrong.
  const twoTheta = typeof meta.two_theta === 'number' ? meta.two_theta : 0;
  if (Math.abs(twoTheta) > 0.01) missing.push('an upright detector (two theta is not 0)');
  return missing.length > 0 ? { missing } : { geometry };
}

/** The resolution (Å) at frame pixel (x, y); Infinity at the beam centre. */
export function resolutionAt(g: Geometry, x: number, y: number): number {
  const r = Math.hypot(x - g.beamX, y - g.beamY) * g.pixelSize;
  const theta = Math.atan(r / g.distance) / 2;
  return theta === 0 ? Infinity : g.wavelength / (2 * Math.sin(theta));
}

/** The radius in pixels of the ring at resolution `d` (Å). */
export function ringRadius(g: Geometry, d: number): number {
  return (g.distance * Math.tan(2 * Math.asin(g.wavelength / (2 * d)))) / g.pixelSize;
}

export interface Ring {
  radius: number;
  label: string;
}

/** Rings evenly spaced out to the frame's farthest corner, each labelled with its resolution. */
export function ringsFor(g: Geometry, width: number, height: number, count = 6): Ring[] {
  const farthest = Math.max(...[[0, 0], [width, 0], [0, height], [width, height]].map(([x, y]) => Math.hypot(x - g.beamX, y - g.beamY)));
  return Array.from({ length: count }, (_, i) => {
    const radius = (farthest * (i + 1)) / (count + 1);
    const d = resolutionAt(g, g.beamX + radius, g.beamY);
    // The radius of the rounded resolution, so the label is exactly where that resolution lies.
    const shown = Number(d.toFixed(d >= 10 ? 0 : d >= 3 ? 1 : 2));
    return { radius: ringRadius(g, shown), label: `${shown} Å` };
  });
}
