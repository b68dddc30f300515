// What the fake portal offers unless told otherwise: one current proposal (and an old one), an
// imager with a few filters, a spectrograph (not offered by the imaging form) and a SOAR
// instrument (dropped by the client); and the demo frames as data of completed requests.
import fs from 'node:fs';
import path from 'node:path';
import type { NewFrame } from './store.ts';

export const DEFAULT_PROPOSALS = [
  { id: 'LCOEPO-001', title: 'Lightpath demo proposal', current: true },
  { id: 'LCOEPO-2018A', title: 'An expired proposal', current: false },
];

const filter = (code: string, name: string, schedulable = true) => ({ code, name, schedulable });

export const DEFAULT_INSTRUMENTS: Record<string, unknown> = {
  '0M4-SCICAM-SBIG': {
    type: 'IMAGE',
    class: '0m4',
    name: '0.4 meter SBIG',
    optical_elements: {
      filters: [filter('b', 'Bessell-B'), filter('v', 'Bessell-V'), filter('rp', "SDSS-r'"), filter('ip', "SDSS-i'"), filter('ha', 'H-Alpha', false)],
    },
  },
  '2M0-FLOYDS-SCICAM': {
    type: 'SPECTRA',
    class: '2m0',
    name: '2.0 meter FLOYDS',
    optical_elements: { slits: [filter('slit_1.6as', '1.6 arcsec slit')] },
  },
  'SOAR_GHTS_REDCAM': {
    type: 'SPECTRA',
    class: '4m0',
    name: 'Goodman Spectrograph RedCam',
    optical_elements: { slits: [filter('1.0', '1.0 arcsec slit')] },
  },
};

/** The demo observatory's frames (examples/demo-observatory/frames), dated from its truth.json when present. */
export function demoFrames(dir: string): () => NewFrame[] {
  return () => {
    if (!fs.existsSync(dir)) return [];
    const truth = readTruth(path.join(dir, 'truth.json'));
    return fs.readdirSync(dir).filter((f) => /\.fits(\.fz)?$/.test(f)).sort().map((filename) => {
      const known = truth.frames.get(filename);
      const [site, instrument] = [filename.slice(0, 3), filename.split('-')[1] ?? null];
      return {
        filename,
        dateObs: known ?? null,
        site,
        instrument,
        telescope: null,
        exposureTime: truth.exptime,
        filter: truth.filter,
        content: { path: path.join(dir, filename) },
      };
    });
  };
}

function readTruth(file: string): { frames: Map<string, string>; exptime: number | null; filter: string | null } {
  try {
    const truth = JSON.parse(fs.readFileSync(file, 'utf8')) as { frames?: { file: string; dateObs: string }[]; exptime?: number; filter?: string };
    return {
      frames: new Map((truth.frames ?? []).map((f) => [f.file, f.dateObs])),
      exptime: typeof truth.exptime === 'number' ? truth.exptime : null,
      filter: typeof truth.filter === 'string' ? truth.filter : null,
    };
  } catch {
    return { frames: new Map(), exptime: null, filter: null };
  }
}
