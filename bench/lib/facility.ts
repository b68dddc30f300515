// Benchmark data set up the way an operator would: a generated `lightpath load` file (format:
// docs/fixtures.md) applied by the real command into the server's data directory or database.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { freshDataDir, startLightpath } from './servers.ts';
import type { RunningServer } from './servers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const PUCK = 16;

export const BEAMLINE = 'SIM-1';

/** SIM-1 with a SAM automounter, whose L, M and R slots each take an adaptor of four Uni-Pucks. */
export function beamlineSection(): unknown[] {
  return [{ acronym: BEAMLINE, name: 'Simulated Beamline 1', energy_lo: 4, energy_hi: 18.5, automounter: { name: 'SIM-1-SAM', type: 'SAM Automounter', active: true } }];
}

export interface ProjectSpec {
  username: string;
  samples: number;
  /** SAM slots that get an adaptor of this project (4 pucks each); pucks beyond them stay on site, unloaded. */
  slots: Array<'L' | 'M' | 'R'>;
}

/** A project with one on-site shipment: four groups, full Uni-Pucks, seated in adaptors on SIM-1 first. */
export function projectSection(spec: ProjectSpec): { users: unknown[]; projects: unknown[] } {
  const prefix = spec.username.toUpperCase();
  const containers: unknown[] = spec.slots.map((slot) => ({ name: `${prefix}-ADAPTOR-${slot}`, type: 'Adaptor', load: { beamline: BEAMLINE, location: slot } }));
  const groups = [1, 2, 3, 4].map((n) => ({ name: `group-${n}`, kind: 'native', plan: 'collect_best', priority: n, energy: 12.658 }));
  const pucks = Math.ceil(spec.samples / PUCK);
  for (let p = 0; p < pucks; p++) {
    const adaptor = spec.slots[Math.floor(p / 4)];
    const name = `${prefix}-P${String(p + 1).padStart(3, '0')}`;
    const count = Math.min(PUCK, spec.samples - p * PUCK);
    containers.push({
      name, type: 'Uni-Puck',
      ...(adaptor ? { load: { container: `${prefix}-ADAPTOR-${adaptor}`, location: 'ABCD'[p % 4] } } : {}),
      samples: Array.from({ length: count }, (_, i) => ({
        name: `${name.toLowerCase()}-${String(i + 1).padStart(2, '0')}`, location: i + 1, group: `group-${(p % 4) + 1}`, priority: i + 1, barcode: `${name}-${i + 1}`,
      })),
    });
  }
  return {
    users: [{ username: spec.username, full_name: `Benchmark ${spec.username}`, email: `${spec.username}@example.org` }],
    projects: [{ username: spec.username, contact_person: 'Benchmark', contact_email: `${spec.username}@example.org`, shipments: [{ name: `${prefix}-SHIPMENT`, state: 'on_site', groups, containers }] }],
  };
}

/** Writes the document as YAML in `dir` and applies it with `lightpath load` (env: LIGHTPATH_DATA_DIR, DATABASE_URL). */
export async function lightpathLoad(dir: string, name: string, document: Record<string, unknown>, env: Record<string, string>): Promise<void> {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, YAML.stringify(document));
  try {
    await run(process.execPath, [path.join(root, 'bin/lightpath.js'), 'load', file], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`lightpath load ${name}.yaml failed: ${(stderr || stdout || String(error)).trim().slice(-2000)}`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** `lightpath serve` on a fresh data directory (and DATABASE_URL's database, if set) after loading `document` into it. */
export async function startLoadedLightpath(document: Record<string, unknown>, env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = freshDataDir();
  try {
    await lightpathLoad(dataDir, 'facility', document, { LIGHTPATH_DATA_DIR: dataDir, ...env });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return startLightpath(env, dataDir);
}
