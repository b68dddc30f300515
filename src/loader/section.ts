// A top-level key of a load file (users, beamlines, targets, …) and the code that applies it.
import type { TSchema } from '@sinclair/typebox';
import type { Db } from '../platform/db/database.ts';
import type { Platform } from '../platform/context.ts';
import type { LoadReport } from './report.ts';

export interface LoadContext {
  /** The load's transaction: every section's writes commit together or not at all. */
  db: Db;
  platform: Platform;
  report: LoadReport;
  /** Directory of the load file, for resolving relative file paths in it. */
  baseDir: string;
}

export interface LoadSection<T = any> {
  key: string;
  /** Schema of the section's value (validated before anything is written). */
  schema: TSchema;
  apply(value: T, context: LoadContext): Promise<void>;
}
