// Frame previews for the routes: from the disk cache when its sources are unchanged, else rendered
// on the worker pool and cached. Identical requests that arrive while a frame renders wait for
// that one rendering instead of starting their own. A rendering is answered before the cache has
// written it to disk; until then the cache's memory answers (or, for a preview too large for it,
// the finished rendering is shared as if still running).
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { FrameCache, cacheId } from './cache.ts';
import { FrameRenderPool } from './render-pool.ts';
import type { Region, RenderJob } from './render-job.ts';
import type { ValuesOutcome } from './values-job.ts';

export type Preview =
  | { kind: 'png'; png: Buffer; etag: string; how: 'cached' | 'rendered' | 'joined' }
  | { kind: 'missing' }
  | { kind: 'outside-frame'; width: number; height: number };

/** Previews rendered in this process so far, by the native loops or the JavaScript ones (a test checks which ran). */
export const renderedBy = { native: 0, javascript: 0 };

export interface PreviewRequest {
  key: string;
  /** Real path of the key's directory. */
  dir: string;
  relative: string;
  brightness: string;
  region: Region | null;
}

export class FramePreviews {
  private readonly cache: FrameCache;
  private readonly pool = new FrameRenderPool();
  private readonly inFlight = new Map<string, Promise<Preview>>();

  constructor(dataDir: string, cacheBytes: number, private readonly log: FastifyBaseLogger) {
    this.cache = new FrameCache(path.join(dataDir, 'frame-cache'), cacheBytes);
  }

  async preview(request: PreviewRequest): Promise<Preview> {
    const { region } = request;
    const id = cacheId([request.key, request.relative, request.brightness, region ? `${region.x},${region.y},${region.w},${region.h}` : '']);
    const running = this.inFlight.get(id);
    if (running) {
      const shared = await running;
      return shared.kind === 'png' ? { ...shared, how: 'joined' } : shared;
    }
    const work = this.produce(id, request);
    const answer = work.then(({ preview }) => preview);
    this.inFlight.set(id, answer);
    void work.then(({ settled }) => settled, () => {}).finally(() => {
      if (this.inFlight.get(id) === answer) this.inFlight.delete(id);
    });
    return answer;
  }

  /** Raw values of a small rectangle, from the frame a worker keeps decoded; never cached on disk. */
  async values(request: { dir: string; relative: string; region: Region }): Promise<ValuesOutcome> {
    const outcome = await this.pool.values({ kind: 'values', ...request });
    if (outcome.kind === 'missing' && outcome.reason) this.log.warn({ frame: request.relative, reason: outcome.reason }, 'frame values: the file cannot be read as a frame');
    return outcome;
  }

  /** Stops the workers; the previews rendered so far are on disk once it resolves. */
  async close(): Promise<void> {
    await this.pool.close();
    await this.cache.settled();
  }

  /** The preview, and when a request arriving later can be left to the cache (`settled`). */
  private async produce(id: string, request: PreviewRequest): Promise<{ preview: Preview; settled?: Promise<void> }> {
    const cached = await this.cache.get(id, request.dir);
    if (cached !== null) return { preview: { kind: 'png', png: cached.png, etag: cached.etag, how: 'cached' } };
    const job: RenderJob = { dir: request.dir, relative: request.relative, brightness: request.brightness, region: request.region };
    const outcome = await this.pool.render(job);
    if (outcome.kind === 'outside-frame') return { preview: outcome };
    if (outcome.kind === 'missing') {
      if (outcome.reason) this.log.warn({ frame: request.relative, reason: outcome.reason }, 'frame preview: the file cannot be read as a frame');
      return { preview: { kind: 'missing' } };
    }
    renderedBy[outcome.native ? 'native' : 'javascript']++;
    const png = Buffer.from(outcome.png.buffer, outcome.png.byteOffset, outcome.png.byteLength);
    const { entry, held, written } = this.cache.put(id, request.dir, png, outcome.sources);
    const stored = written.catch((error: unknown) => {
      this.log.warn({ err: error }, 'frame preview: could not write the cache');
    });
    return { preview: { kind: 'png', png, etag: entry.etag, how: 'rendered' }, settled: held ? undefined : stored };
  }
}
