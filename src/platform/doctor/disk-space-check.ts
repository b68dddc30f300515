// Free space where Lightpath writes (data directory, temporary directory) and where the beamlines
// write the data it serves (the data roots). A full data directory stops uploads, timelapses and,
// on SQLite, every write.
import fsp from 'node:fs/promises';
import os from 'node:os';
import type { DoctorCheck, Finding } from './finding.ts';
import { error, ok, warning } from './finding.ts';

const GiB = 1024 ** 3;
const LOW = { bytes: 10 * GiB, fraction: 0.1 };
const CRITICAL = { bytes: 1 * GiB, fraction: 0.02 };

async function freeSpace(dir: string): Promise<{ free: number; total: number } | null> {
  try {
    const stats = await fsp.statfs(dir);
    return { free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize };
  } catch {
    return null; // a missing directory is reported by the checks that need it
  }
}

const gib = (bytes: number) => `${(bytes / GiB).toFixed(1)} GiB`;

export const diskSpaceCheck: DoctorCheck = {
  name: 'disk space',
  async run({ config }) {
    const places = [
      { dir: config.dataDir, what: 'data directory' },
      { dir: os.tmpdir(), what: 'temporary directory' },
      ...config.dataProxy.roots.map((dir) => ({ dir, what: 'data root' })),
    ];
    const findings: Finding[] = [];
    for (const { dir, what } of places) {
      const space = await freeSpace(dir);
      if (!space) continue;
      const said = `${what} ${dir}: ${gib(space.free)} free of ${gib(space.total)}`;
      const fraction = space.total > 0 ? space.free / space.total : 0;
      if (space.free < CRITICAL.bytes || fraction < CRITICAL.fraction) {
        findings.push(error(`${said}: almost full`, 'free space there (old timelapses, logs, backups) or grow the file system'));
      } else if (space.free < LOW.bytes || fraction < LOW.fraction) {
        findings.push(warning(`${said}: running low`, 'plan more space, or move old data elsewhere'));
      } else {
        findings.push(ok(said));
      }
    }
    return findings;
  },
};
