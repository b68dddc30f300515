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

export class RateLimiter {
  constructor(private readonly db: Db, private readonly kind: DatabaseKind) {}

  /** Counts the request against the bucket if it is allowed; refusals are not counted. */
  async take(bucket: string, rule: RateRule): Promise<RateDecision> {
    return this.db.transaction().execute(async (trx) => {
      await this.serialise(trx, bucket);
      const decision = await this.decide(trx, bucket, rule);
      if (decision.allowed) await trx.insertInto('rate_limit_hits').values({ bucket, hit_at: new Date().toISOString() }).execute();
      return decision;
    });
  }

  /** Looks without counting (e.g. before checking a password, counting only failures). */
  async peek(bucket: string, rule: RateRule): Promise<RateDecision> {
    return this.decide(this.db, bucket, rule);
  }

  async record(bucket: string): Promise<void> {
    await this.db.insertInto('rate_limit_hits').values({ bucket, hit_at: new Date().toISOString() }).execute();
  }

  async reset(bucket: string): Promise<void> {
    await this.db.deleteFrom('rate_limit_hits').where('bucket', '=', bucket).execute();
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
