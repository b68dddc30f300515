// Every check `lightpath doctor` runs, in the order it prints them. To add one, write a
// DoctorCheck (a name and an async function from the context to findings, see finding.ts) in its
// own file, and add it to this list.
import type { DoctorCheck, DoctorContext, Finding } from './finding.ts';
import { error } from './finding.ts';
import { settingsCheck } from './settings-check.ts';
import { databaseCheck } from './database-check.ts';
import { clockCheck } from './clock-check.ts';
import { writableDirsCheck } from './writable-dirs-check.ts';
import { diskSpaceCheck } from './disk-space-check.ts';
import { dataRootsCheck } from './data-roots-check.ts';
import { recordedFilesCheck } from './recorded-files-check.ts';
import { rowCountsCheck } from './row-counts-check.ts';
import { ffmpegCheck } from './ffmpeg-check.ts';
import { nginxCheck } from './nginx-check.ts';
import { smtpCheck } from './smtp-check.ts';
import { ldapCheck } from '../auth/ldap/ldap-check.ts';
import { oidcCheck } from '../auth/external/oidc-check.ts';

export const doctorChecks: DoctorCheck[] = [
  settingsCheck,
  databaseCheck,
  clockCheck,
  writableDirsCheck,
  diskSpaceCheck,
  dataRootsCheck,
  recordedFilesCheck,
  rowCountsCheck,
  ffmpegCheck,
  nginxCheck,
  smtpCheck,
  ldapCheck,
  oidcCheck,
];

export interface CheckedFinding extends Finding {
  check: string;
}

/** Runs each check in turn; a check that throws is itself reported, and the others still run. */
export async function runDoctor(context: DoctorContext, checks: readonly DoctorCheck[] = doctorChecks,
  onFindings: (findings: CheckedFinding[]) => void = () => {}): Promise<CheckedFinding[]> {
  const all: CheckedFinding[] = [];
  for (const check of checks) {
    let findings: Finding[];
    try {
      findings = await check.run(context);
    } catch (problem) {
      findings = [error(`the check could not finish: ${(problem as Error).message}`, 'fix what the message names; if it names nothing you can change, report it as a bug')];
    }
    const named = findings.map((finding) => ({ ...finding, check: check.name }));
    onFindings(named);
    all.push(...named);
  }
  return all;
}
