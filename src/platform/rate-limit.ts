// Rate limits kept in the database, so several server processes share one count.
// Sliding window, as Django REST framework's throttles count: a request is refused while the
// window already holds `limit` hits; it may retry when the oldest of them leaves the window.
import { sql } from 'kysely';
import type { Db } from './db/database.ts';
import type { DatabaseKind } from '../config.ts';

export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/** An allowed take holds the id of the hit it counted, so that it can be given back. */
export interface RateTake extends RateDecision {
  hitId: number | null;
}

export class RateLimiter {
  constructor(private readonly db: Db, private readonly kind: DatabaseKind) {}

  /**
   * Counts the request against the bucket if it is allowed; refusals are not counted. The check
   * and the count are one step for concurrent callers, so a burst cannot all pass the check first.
   */
  async take(bucket: string, rule: RateRule): Promise<RateTake> {
    return this.db.transaction().execute(async (trx) => {
      await this.serialise(trx, bucket);
      const decision = await this.decide(trx, bucket, rule);
      if (!decision.allowed) return { ...decision, hitId: null };
      const hit = await trx.insertInto('rate_limit_hits').values({ bucket, hit_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      return { ...decision, hitId: hit.id };
    });
  }

  /** Gives back what a take counted (e.g. a login attempt reserved before checking a password that was right). */
  async release(take: RateTake): Promise<void> {
    if (take.hitId !== null) await this.db.deleteFrom('rate_limit_hits').where('id', '=', take.hitId).execute();
  }

  private async decide(db: Db, bucket: string, rule: RateRule): Promise<RateDecision> {
    const now = Date.now();
    const windowStart = new Date(now - rule.windowSeconds * 1000).toISOString();
    await db.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).where('hit_at', '<=', windowStart).execute();
    const row = await db.selectFrom('rate_limit_hits')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('hit_at').as('oldest')])
      .where('bucket', '=', bucket)
      .executeTakeFirstOrThrow();
    const count = Number(row.count);
    if (count < rule.limit || row.oldest === null) return { allowed: true, retryAfterSeconds: 0 };
    const wait = rule.windowSeconds - (now - Date.parse(row.oldest as string)) / 1000;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  }

  /** Makes concurrent takes on one bucket wait for each other (SQLite already runs one writer at a time). */
  private async serialise(trx: Db, bucket: string): Promise<void> {
    if (this.kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${bucket}))`.execute(trx);
  }
}

const PERIODS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hour: 3600, d: 86400, day: 86400 };

/** "6/minute" → {limit 6, window 60 s}; as DRF, only the period's first letter matters. */
export function parseRate(text: string): RateRule | null {
  const match = /^\s*(\d+)\s*\/\s*([a-z]+)\s*$/i.exec(text);
  if (!match) return null;
  const seconds = PERIODS[match[2].toLowerCase()] ?? PERIODS[match[2][0].toLowerCase()];
  const limit = Number(match[1]);
  return seconds && limit > 0 ? { limit, windowSeconds: seconds } : null;
}
