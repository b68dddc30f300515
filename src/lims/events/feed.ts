// How far the event log can safely be read. On PostgreSQL, ids are handed out when rows are
// inserted but become visible when their transactions commit, which may be in another order:
// reading "every id above the last one seen" could step over an id committed a moment later.
// The feed therefore keeps a watermark below which every id is settled, advancing it over ids
// without gaps; a gap that stays open (a transaction rolled back, a process died) is passed
// after GAP_WAIT_MS. One feed per server app polls for all its streams, and only while any is open.
import type { Logger } from 'pino';
import type { Db } from '../../platform/db/database.ts';
import { onEventWritten } from './bus.ts';

const POLL_MS = 1000;
const GAP_WAIT_MS = 5000;
const BATCH = 500;
/** After a local write, look again after these delays until the row is seen (it may not be committed yet). */
const NUDGE_DELAYS_MS = [10, 30, 100, 300];

export class EventFeed {
  private watermark = 0;
  private gap: { id: number; since: number } | null = null;
  private readonly listeners = new Set<() => void>();
  private starting: Promise<void> | null = null;
  private poll: NodeJS.Timeout | null = null;
  private nudge: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;
  private checking = false;
  private checkAgain = false;

  constructor(private readonly db: Db, private readonly log: Logger) {}

  /** The highest id up to which every event can be read. */
  get settled(): number {
    return this.watermark;
  }

  /** Calls `listener` whenever the watermark advances; resolves once the feed runs. Returns the unsubscribe. */
  async subscribe(listener: () => void): Promise<() => void> {
    this.listeners.add(listener);
    const unsubscribe = () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
    try {
      this.starting ??= this.start();
      await this.starting;
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  private async start(): Promise<void> {
    const row = await this.db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    // Everyone left while the feed was starting (it stays stopped), or a later start already runs.
    if (this.listeners.size === 0 || this.poll) return;
    this.watermark = Number(row?.max ?? 0);
    this.gap = null;
    this.poll = setInterval(() => void this.check(), POLL_MS);
    this.stopListening = onEventWritten(() => this.nudged(0));
  }

  stop(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.nudge) clearTimeout(this.nudge);
    this.stopListening?.();
    this.poll = this.nudge = this.stopListening = this.starting = null;
  }

  private nudged(attempt: number): void {
    if (this.nudge) clearTimeout(this.nudge);
    this.nudge = null;
    void this.check().then((advanced) => {
      if (advanced || attempt >= NUDGE_DELAYS_MS.length || !this.poll) return;
      this.nudge = setTimeout(() => this.nudged(attempt + 1), NUDGE_DELAYS_MS[attempt]);
    });
  }

  /** Reads the ids above the watermark and advances it as far as it is settled. */
  private async check(): Promise<boolean> {
    if (this.checking) {
      this.checkAgain = true;
      return false;
    }
    this.checking = true;
    const before = this.watermark;
    try {
      do {
        this.checkAgain = false;
        for (;;) {
          const ids = await this.db.selectFrom('events').select('id').where('id', '>', this.watermark).orderBy('id').limit(BATCH).execute();
          if (!this.advance(ids.map((r) => Number(r.id))) || ids.length < BATCH) break;
        }
      } while (this.checkAgain);
    } catch (error) {
      this.log.warn({ err: error }, 'reading the event log failed');
    } finally {
      this.checking = false;
    }
    const advanced = this.watermark > before;
    if (advanced) for (const listener of [...this.listeners]) listener();
    return advanced;
  }

  /** Moves the watermark over consecutive ids; returns whether it moved. */
  private advance(ids: number[]): boolean {
    const start = this.watermark;
    for (const id of ids) {
      if (id !== this.watermark + 1) {
        const missing = this.watermark + 1;
        if (this.gap?.id !== missing) this.gap = { id: missing, since: Date.now() };
        if (Date.now() - this.gap.since < GAP_WAIT_MS) break;
      }
      this.watermark = id;
      this.gap = null;
    }
    return this.watermark > start;
  }
}
