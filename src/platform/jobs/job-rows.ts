// Reading and writing job rows: the record of every job's state, shared by both queue backends.
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { JobsTable } from '../db/schema.ts';
import { isoAfter, isoNow } from '../time.ts';
import type { JobDefinition, JobRecord } from './types.ts';

export type JobRow = Selectable<JobsTable>;

export function toJobRecord(row: JobRow): JobRecord {
  return {
    id: row.id, type: row.type, payload: JSON.parse(row.payload), state: row.state,
    attempts: row.attempts, maxAttempts: row.max_attempts, lastError: row.last_error,
    result: row.result === null ? null : JSON.parse(row.result), lockedBy: row.locked_by,
    createdAt: row.created_at, startedAt: row.started_at, finishedAt: row.finished_at,
  };
}

export async function insertJob(db: Db, definition: JobDefinition, payload: unknown, startAfterSeconds = 0): Promise<number> {
  const now = isoNow();
  const row = await db.insertInto('jobs').values({
    type: definition.type, payload: JSON.stringify(payload ?? null), state: 'queued', attempts: 0,
    max_attempts: definition.retryLimit + 1, run_after: isoAfter(startAfterSeconds), lease_until: null, locked_by: null,
    last_error: null, result: null, external_id: null, created_at: now, started_at: null, finished_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findJob(db: Db, id: number): Promise<JobRecord | null> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJobRecord(row) : null;
}

/** Marks a queued job running for this worker; null if someone else took it or it is no longer queued. */
export async function claimJob(db: Db, id: number, workerId: string, leaseSeconds: number): Promise<JobRow | null> {
  const now = isoNow();
  const row = await db.updateTable('jobs')
    .set((eb) => ({ state: 'running', attempts: eb('attempts', '+', 1), locked_by: workerId, lease_until: isoAfter(leaseSeconds), started_at: now }))
    .where('id', '=', id).where('state', '=', 'queued')
    .returningAll().executeTakeFirst();
  return row ?? null;
}

/** The next due job of the given types, claimed atomically (the state re-check makes concurrent claimers safe). */
export async function claimNextDue(db: Db, types: string[], workerId: string, leaseSeconds: number): Promise<JobRow | null> {
  if (types.length === 0) return null;
  const next = await db.selectFrom('jobs').select('id')
    .where('state', '=', 'queued').where('run_after', '<=', isoNow()).where('type', 'in', types)
    .orderBy('run_after').orderBy('id').limit(1).executeTakeFirst();
  return next ? claimJob(db, next.id, workerId, leaseSeconds) : null;
}

/** Extends the lease of a job this worker still holds. */
export async function renewLease(db: Db, row: JobRow, leaseSeconds: number): Promise<void> {
  await db.updateTable('jobs').set({ lease_until: isoAfter(leaseSeconds) })
    .where('id', '=', row.id).where('state', '=', 'running').where('locked_by', '=', row.locked_by).where('attempts', '=', row.attempts)
    .execute();
}

export async function markSucceeded(db: Db, row: JobRow, result: unknown): Promise<boolean> {
  const updated = await db.updateTable('jobs')
    .set({ state: 'succeeded', result: JSON.stringify(result ?? null), finished_at: isoNow(), lease_until: null })
    .where('id', '=', row.id).where('state', '=', 'running').where('locked_by', '=', row.locked_by).where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Records a failed attempt held by `row`'s worker: queued again (after a back-off) while attempts
 * remain and the failure may be retried, otherwise failed for good. Returns the new state, or
 * null if the row had moved on.
 */
export async function markAttemptFailed(db: Db, row: JobRow, definition: JobDefinition, message: string, retryable = true): Promise<'queued' | 'failed' | null> {
  const retry = retryable && row.attempts < row.max_attempts;
  const delay = definition.retryDelaySeconds * 2 ** Math.max(0, row.attempts - 1);
  const updated = await db.updateTable('jobs')
    .set(retry
      ? { state: 'queued', last_error: message, run_after: isoAfter(delay), lease_until: null }
      : { state: 'failed', last_error: message, finished_at: isoNow(), lease_until: null })
    .where('id', '=', row.id).where('state', '=', 'running').where('locked_by', '=', row.locked_by).where('attempts', '=', row.attempts)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return null;
  return retry ? 'queued' : 'failed';
}

/** Running jobs whose worker stopped renewing its lease (it died or hung). */
export async function findExpiredLeases(db: Db, types: string[]): Promise<JobRow[]> {
  if (types.length === 0) return [];
  return db.selectFrom('jobs').selectAll()
    .where('state', '=', 'running').where('lease_until', '<', isoNow()).where('type', 'in', types)
    .limit(100).execute();
}
