// The directories the Data Proxy hands files out from (LIGHTPATH_DATA_ROOTS, and
// LIGHTPATH_DATA_USER_ROOT for MxDC's relative paths) exist and can be read by this user.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { describeFileError } from '../../cli/failures.ts';
import type { DoctorCheck, Finding } from './finding.ts';
import { error, ok, skipped, warning } from './finding.ts';

/** Why `dir` cannot be listed and read, or null when it can. */
export async function readProblem(dir: string): Promise<string | null> {
  try {
    const info = await fsp.stat(dir);
    if (!info.isDirectory()) return 'it is not a directory';
    await fsp.access(dir, fs.constants.R_OK | fs.constants.X_OK);
    await (await fsp.opendir(dir)).close();
    return null;
  } catch (problem) {
    return describeFileError(problem) ?? (problem as Error).message;
  }
}

export const dataRootsCheck: DoctorCheck = {
  name: 'data roots',
  async run({ config, database }) {
    const { roots, userRoot } = config.dataProxy;
    if (roots.length === 0) {
      const beamlineRecords = database
        ? await database.db.selectFrom('proxy_keys').select('key').limit(1).executeTakeFirst()
        : undefined;
      return beamlineRecords
        ? [warning('LIGHTPATH_DATA_ROOTS is not set, yet beamline records exist: their files cannot be downloaded',
          'set LIGHTPATH_DATA_ROOTS to the directories MxDC writes to (docs/configuration.md, "Setting the data roots")')]
        : [skipped('LIGHTPATH_DATA_ROOTS is not set (no beamline files are served)')];
    }
    const findings: Finding[] = [];
    for (const root of roots) {
      const problem = await readProblem(root);
      findings.push(problem === null ? ok(`${root} is readable`)
        : error(`data root ${root} cannot be read: ${problem}`, 'mount it, give the user running Lightpath read access, or correct LIGHTPATH_DATA_ROOTS'));
    }
    if (userRoot !== null) {
      const problem = await readProblem(userRoot);
      if (problem !== null) {
        findings.push(error(`LIGHTPATH_DATA_USER_ROOT ${userRoot} cannot be read: ${problem}`, 'mount it, or correct LIGHTPATH_DATA_USER_ROOT'));
      } else if (!roots.some((root) => userRoot === root || userRoot.startsWith(`${root}/`))) {
        findings.push(warning(`LIGHTPATH_DATA_USER_ROOT ${userRoot} is not inside any data root: files under it are not served`,
          'add it (or a directory above it) to LIGHTPATH_DATA_ROOTS'));
      }
    }
    return findings;
  },
};
