// The job queue as every domain sees it, whichever backend runs underneath.
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { JobState } from '../db/schema.ts';

export interface JobContext {
  jobId: number;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** Aborted when the time limit passes or the process shuts down; long work should watch it. */
  signal: AbortSignal;
  log: Logger;
}

export interface JobDefinition<Payload = any> {
  type: string;
  /** Retries after the first attempt fails (0 = run once). */
  retryLimit: number;
  /** Delay before the first retry; doubles with each further retry. */
  retryDelaySeconds: number;
  timeLimitSeconds: number;
  /**
   * Spend the retries only on attempts whose worker stopped (killed, lost, or shut down before
   * the job finished); a run that throws or passes its time limit fails for good at once.
   */
  retryOnlyAfterCrash?: boolean;
  run(payload: Payload, context: JobContext): Promise<unknown>;
  /** Called once when the job has failed for good (attempts used up, timed out, or its worker died). */
  onGiveUp?(payload: Payload, message: string): Promise<void>;
}

/**
 * The abort reason a running job sees when its worker shuts down before the job finished: the
 * attempt will be retried, so the job should stop without recording a final outcome.
 */
export class JobInterrupted extends Error {
  override readonly name = 'JobInterrupted';
}

export interface EnqueueOptions {
  /** Enqueue inside this transaction, so the job exists only if the caller's writes commit. */
  db?: Db;
  startAfterSeconds?: number;
}

export interface JobRecord {
  id: number;
  type: string;
  payload: unknown;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  result: unknown;
  lockedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobQueue {
  readonly backend: 'database' | 'pg-boss';
  enqueue(type: string, payload: unknown, options?: EnqueueOptions): Promise<number>;
  get(id: number): Promise<JobRecord | null>;
  /** Begin executing jobs in this process (serve on the embedded default, or `lightpath worker`). */
  startWorking(): Promise<void>;
  /** Stop taking jobs and wait for the running ones (up to the grace period) before returning. */
  stop(graceSeconds?: number): Promise<void>;
}
