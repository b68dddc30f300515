// What `lightpath doctor` checks are made of: each check is a small function that looks at one
// part of a deployment and returns findings, each with what to do about it.
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../db/database.ts';

/** error: the deployment is broken (doctor exits 1); warning: risky or degraded; skipped: not checked, and why. */
export type FindingLevel = 'ok' | 'warning' | 'error' | 'skipped';

export interface Finding {
  level: FindingLevel;
  message: string;
  /** What the operator should do (for warnings and errors). */
  fix?: string;
}

export interface DoctorContext {
  config: Config;
  /** The environment the settings were read from. */
  env: Record<string, string | undefined>;
  /** The database, or null when it could not be reached (the database check says why). */
  database: DatabaseHandle | null;
  /** Why the database cannot be used, and what to do, in the operator's words. */
  databaseProblem: { message: string; fix: string } | null;
}

export interface DoctorCheck {
  /** Short name shown beside each finding ("smtp", "data roots"). */
  name: string;
  run(context: DoctorContext): Promise<Finding[]>;
}

export const ok = (message: string): Finding => ({ level: 'ok', message });
export const warning = (message: string, fix: string): Finding => ({ level: 'warning', message, fix });
export const error = (message: string, fix: string): Finding => ({ level: 'error', message, fix });
export const skipped = (message: string): Finding => ({ level: 'skipped', message });

/** For checks that need the database: a skip when it is out of reach. */
export function databaseOrSkip(context: DoctorContext): DatabaseHandle | Finding {
  return context.database ?? skipped('the database could not be reached (see the database check)');
}
