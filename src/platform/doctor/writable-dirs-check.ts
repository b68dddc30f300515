// The directories Lightpath writes to: the data directory (SQLite file, stored files, frame
// previews) and the system's temporary directory (work in progress of pipelines and downloads).
// Each is tried by writing and removing a small file; one that does not exist yet must be
// creatable.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeFileError } from '../../cli/failures.ts';
import type { DoctorCheck, Finding } from './finding.ts';
import { error, ok } from './finding.ts';

/** The deepest part of `dir` that exists. */
async function existingAncestor(dir: string): Promise<string> {
  let current = dir;
  while (!(await fsp.stat(current).catch(() => null))) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

/** Why `dir` cannot be written to, or null when it can. */
export async function writeProblem(dir: string): Promise<string | null> {
  const target = await existingAncestor(dir);
  const info = await fsp.stat(target);
  if (!info.isDirectory()) return `${target} is not a directory`;
  const probe = path.join(target, `.lightpath-doctor-${process.pid}`);
  try {
    await fsp.writeFile(probe, 'probe', { flag: 'wx' });
    await fsp.unlink(probe);
    return null;
  } catch (problem) {
    return describeFileError(problem) ?? `cannot write in ${target}: ${(problem as Error).message}`;
  }
}

export const writableDirsCheck: DoctorCheck = {
  name: 'directories',
  async run({ config }) {
    const dirs = [
      { dir: config.dataDir, what: 'the data directory', setting: 'LIGHTPATH_DATA_DIR' },
      { dir: path.join(config.dataDir, 'files'), what: 'the file store', setting: 'LIGHTPATH_DATA_DIR' },
      { dir: os.tmpdir(), what: 'the temporary directory', setting: 'TMPDIR' },
    ];
    const findings: Finding[] = [];
    for (const { dir, what, setting } of dirs) {
      const problem = await writeProblem(dir);
      findings.push(problem === null ? ok(`${what} ${dir} is writable`)
        : error(`${what} ${dir} cannot be written: ${problem}`, `give the user running Lightpath write access to it, or point ${setting} elsewhere`));
    }
    return findings;
  },
};
