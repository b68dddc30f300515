// How a dataset's MxDC metadata reads: a label and unit for the keys MxLIVE displayed; any other
// key is shown as it came.
const KNOWN: Record<string, { label: string; unit?: string }> = {
  resolution: { label: 'Resolution', unit: 'Å' },
  start_angle: { label: 'Start angle', unit: '°' },
  delta_angle: { label: 'Oscillation (delta angle)', unit: '°' },
  two_theta: { label: 'Two theta', unit: '°' },
  distance: { label: 'Detector distance', unit: 'mm' },
  detector: { label: 'Detector' },
  detector_type: { label: 'Detector type' },
  detector_size: { label: 'Detector size', unit: 'pixels' },
  pixel_size: { label: 'Pixel size', unit: 'mm' },
  beam_x: { label: 'Beam centre x', unit: 'pixels' },
  beam_y: { label: 'Beam centre y', unit: 'pixels' },
  grid_points: { label: 'Grid points' },
  grid_origin: { label: 'Grid origin' },
  inverse_beam: { label: 'Inverse beam' },
  roi: { label: 'Region of interest' },
  edge: { label: 'Absorption edge' },
  uuid: { label: 'MxDC id' },
};

export interface MetaRow {
  key: string;
  label: string;
  value: string;
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The metadata as rows: known keys first in MxLIVE's order, then the rest by name. */
export function metadataRows(meta: Record<string, unknown>): MetaRow[] {
  const keys = Object.keys(meta);
  const known = Object.keys(KNOWN).filter((key) => key in meta);
  const rest = keys.filter((key) => !(key in KNOWN)).sort();
  return [...known, ...rest].map((key) => {
    const about = KNOWN[key];
    const value = text(meta[key]);
    return { key, label: about?.label ?? key, value: about?.unit && value !== '—' ? `${value} ${about.unit}` : value };
  });
}

/** The X-ray wavelength for an energy: λ (Å) = 12.398 / E (keV). */
export function wavelength(energyKeV: number): string {
  return energyKeV > 0 ? (12.398419843 / energyKeV).toFixed(4) : '—';
}
