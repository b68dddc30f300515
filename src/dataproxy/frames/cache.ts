// Rendered previews on disk, under the data directory: one PNG per key, path, brightness (and
// region), with the stamps of the files it was drawn from beside it. An entry is served only while
// every source still is the file stamped, at the same real path (so a changed, deleted or swapped
// source is never served stale). The total size is kept under a limit by evicting the entries used
// least recently; file times carry the order across restarts. The previews used lately are also
// kept in memory (hot-previews.ts): answering one costs only the check of its sources. A new
// preview is answered before its files are written: the disk work of each entry runs in order
// behind the answer, and room is made before an entry's files are renamed into place, so the
// files on disk never exceed the limit.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { HotPreviews } from './hot-previews.ts';
import type { HotPreview } from './hot-previews.ts';
import { sourcesHold } from './source-files.ts';
import type { SourceStamp } from './source-files.ts';

interface Entry {
  dir: string;
  sources: SourceStamp[];
}

export function cacheId(parts: string[]): string {
  return crypto.createHash('sha256').update(parts.join('\0')).digest('hex');
}

export class FrameCache {
  /** Entry id → PNG size, in order of last use (oldest first). */
  private sizes: Map<string, number> | null = null;
  private loading: Promise<Map<string, number>> | null = null;
  /** The cache directory, created once per process (a removed one is made again on a failed write). */
  private made: Promise<void> | null = null;
  /** Bytes of the entries on disk, and of those being written (counted from before their rename). */
  private total = 0;
  /** The disk work of each entry still running (writes, removals), chained so it runs in order. */
  private readonly diskWork = new Map<string, Promise<void>>();

  private readonly hot: HotPreviews;

  constructor(private readonly dir: string, private readonly limitBytes: number) {
    this.hot = new HotPreviews(limitBytes);
  }

  /** The cached preview for `id` if its sources are unchanged and still inside `dir`; else null (and the entry goes). */
  async get(id: string, keyDir: string): Promise<HotPreview | null> {
    if (this.limitBytes === 0) return null;
    const hot = this.hot.get(id);
    if (hot !== undefined) return this.stillHeld(id, keyDir, hot);
    const sizes = await this.index();
    if (!sizes.has(id)) return null;
    const entry = await this.readEntry(id);
    if (entry === null || entry.dir !== keyDir || !(await sourcesHold(entry.dir, entry.sources))) {
      void this.remove(id);
      return null;
    }
    const png = await fsp.readFile(this.file(id, 'png')).catch(() => null);
    if (png === null) {
      void this.remove(id);
      return null;
    }
    this.used(id, png.length);
    return this.hot.put(id, { png, dir: entry.dir, sources: entry.sources });
  }

  /**
   * Stores the preview: at once in memory (`held` says whether it was kept there), on disk when
   * `written` settles. The entry made (with its ETag) is there for the answer right away.
   */
  put(id: string, keyDir: string, png: Buffer, sources: SourceStamp[]): { entry: HotPreview; held: boolean; written: Promise<void> } {
    const entry = this.hot.put(id, { png, dir: keyDir, sources });
    if (png.length > this.limitBytes || sources.length === 0) {
      this.hot.remove(id);
      return { entry, held: false, written: Promise.resolve() };
    }
    const written = this.inTurn(id, () => this.write(id, keyDir, png, sources)).catch((error: unknown) => {
      this.hot.remove(id);
      this.made = null; // the directory may have been removed under us: make it again next time
      throw error;
    });
    return { entry, held: this.hot.get(id) === entry, written };
  }

  /** Resolves once every write and removal begun so far has reached the disk. */
  async settled(): Promise<void> {
    while (this.diskWork.size > 0) await Promise.all(this.diskWork.values());
  }

  /** A preview held in memory, served only while its sources hold, like one read from disk. */
  private async stillHeld(id: string, keyDir: string, hot: HotPreview): Promise<HotPreview | null> {
    if (hot.dir !== keyDir || !(await sourcesHold(hot.dir, hot.sources))) {
      void this.remove(id);
      return null;
    }
    this.used(id, hot.png.length);
    // The file's time orders the entries after a restart; a minute's precision is plenty, and
    // the answer does not wait for it.
    const now = Date.now();
    if (now - hot.touchedMs > 60_000) {
      hot.touchedMs = now;
      fsp.utimes(this.file(id, 'png'), now / 1000, now / 1000).catch(() => {});
    }
    return hot;
  }

  /** Moves `id` to the most recently used end of the disk order. */
  private used(id: string, size: number): void {
    if (this.sizes === null || !this.sizes.has(id)) return;
    this.sizes.delete(id);
    this.sizes.set(id, size);
  }

  /** Runs `work` after the disk work already begun for `id`. */
  private inTurn(id: string, work: () => Promise<void>): Promise<void> {
    const turn = (this.diskWork.get(id) ?? Promise.resolve()).then(work);
    const settled = turn.catch(() => {});
    this.diskWork.set(id, settled);
    void settled.then(() => {
      if (this.diskWork.get(id) === settled) this.diskWork.delete(id);
    });
    return turn;
  }

  private async write(id: string, keyDir: string, png: Buffer, sources: SourceStamp[]): Promise<void> {
    const sizes = await this.index();
    // Room first: the new entry is counted from now, and the least recently used ones go before
    // it is renamed into place (entries being written are not in `sizes`, so never evicted).
    this.forget(id);
    this.total += png.length;
    let renamed = false;
    try {
      for (const [oldest] of sizes) {
        if (this.total <= this.limitBytes) break;
        await this.remove(oldest);
      }
      // Other entries being written hold the room: this one is not stored (nor is its earlier version kept).
      if (this.total > this.limitBytes) {
        await this.deleteFiles(id);
        return;
      }
      this.made ??= fsp.mkdir(this.dir, { recursive: true }).then(() => undefined);
      await this.made;
      // Written under temporary names and renamed: a reader never sees half an entry. The
      // stamps are renamed first, as an entry is known by its PNG.
      const suffix = `.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      const entry: Entry = { dir: keyDir, sources };
      await Promise.all([fsp.writeFile(this.file(id, 'json') + suffix, JSON.stringify(entry)), fsp.writeFile(this.file(id, 'png') + suffix, png)]);
      await fsp.rename(this.file(id, 'json') + suffix, this.file(id, 'json'));
      await fsp.rename(this.file(id, 'png') + suffix, this.file(id, 'png'));
      sizes.set(id, png.length);
      renamed = true;
    } finally {
      if (!renamed) this.total -= png.length;
    }
  }

  private file(id: string, extension: 'png' | 'json'): string {
    return path.join(this.dir, `${id}.${extension}`);
  }

  private async readEntry(id: string): Promise<Entry | null> {
    try {
      return JSON.parse(await fsp.readFile(this.file(id, 'json'), 'utf8')) as Entry;
    } catch {
      return null;
    }
  }

  /**
   * Drops the entry from memory and the count at once; its files go in their turn, after any
   * write of the entry begun before (awaited by a write that needs the room). Never rejects.
   */
  private remove(id: string): Promise<void> {
    this.hot.remove(id);
    this.forget(id);
    return this.inTurn(id, async () => {
      await this.deleteFiles(id);
      // A write queued before this removal has put the entry back in the index meanwhile.
      this.forget(id);
    }).catch(() => {});
  }

  private async deleteFiles(id: string): Promise<void> {
    await Promise.all([fsp.rm(this.file(id, 'png'), { force: true }), fsp.rm(this.file(id, 'json'), { force: true })]);
  }

  /** Takes the entry out of the disk index and its size out of the total. */
  private forget(id: string): void {
    if (this.sizes === null) return;
    this.total -= this.sizes.get(id) ?? 0;
    this.sizes.delete(id);
  }

  /** What is on disk, read once: entries in order of their PNG's time (least recently used first). */
  private async index(): Promise<Map<string, number>> {
    if (this.sizes !== null) return this.sizes;
    this.loading ??= (async () => {
      const names = await fsp.readdir(this.dir).catch(() => [] as string[]);
      const found: Array<{ id: string; size: number; used: number }> = [];
      for (const name of names) {
        const id = /^([0-9a-f]{64})\.png$/.exec(name)?.[1];
        if (!id) continue;
        const info = await fsp.stat(path.join(this.dir, name)).catch(() => null);
        if (info) found.push({ id, size: info.size, used: info.mtimeMs });
      }
      found.sort((a, b) => a.used - b.used);
      const sizes = new Map(found.map((entry) => [entry.id, entry.size]));
      this.total = found.reduce((sum, entry) => sum + entry.size, 0);
      this.sizes = sizes;
      return sizes;
    })();
    return this.loading;
  }
}
