// The previews asked for lately, kept in memory beside the disk cache (cache.ts), so answering
// one again costs no file reads: only the check that its sources are unchanged. Bounded by bytes,
// least recently used first out; an entry leaves whenever its disk entry does.
import crypto from 'node:crypto';
import type { SourceStamp } from './source-files.ts';

export interface HotPreview {
  png: Buffer;
  /** A strong validator of the bytes, for If-None-Match. */
  etag: string;
  dir: string;
  sources: SourceStamp[];
  /** When the disk entry's time (its place in the order across restarts) was last brought forward. */
  touchedMs: number;
}

/** Bytes of PNG kept in memory at most (never more than the disk cache's own limit). */
const MEMORY_BYTES = 64 * 1024 * 1024;
/** Larger previews (big regions) are read from disk each time. */
const LARGEST_KEPT = 2 * 1024 * 1024;

export function etagOf(png: Buffer): string {
  return `"${crypto.createHash('sha256').update(png).digest('base64url').slice(0, 27)}"`;
}

export class HotPreviews {
  private readonly entries = new Map<string, HotPreview>();
  private total = 0;
  private readonly limit: number;

  constructor(diskLimitBytes: number) {
    this.limit = Math.min(MEMORY_BYTES, diskLimitBytes);
  }

  /** The entry (now the most recently used), or undefined. */
  get(id: string): HotPreview | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  put(id: string, entry: Omit<HotPreview, 'etag' | 'touchedMs'>): HotPreview {
    this.remove(id);
    const hot: HotPreview = { ...entry, etag: etagOf(entry.png), touchedMs: Date.now() };
    if (hot.png.length > LARGEST_KEPT || hot.png.length > this.limit) return hot;
    this.entries.set(id, hot);
    this.total += hot.png.length;
    for (const [oldest, { png }] of this.entries) {
      if (this.total <= this.limit) break;
      this.entries.delete(oldest);
      this.total -= png.length;
    }
    return hot;
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.total -= entry.png.length;
  }
}
