// The fake science archive: frames by request (paged with absolute `next` links) and one frame,
// and the files themselves at download URLs the fake serves (pre-signed, as the real storage's are).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FakeFrame, FakeLcoStore } from './store.ts';

export const ARCHIVE_PREFIX = '/archive';

export function archiveRoutes(app: FastifyInstance, store: FakeLcoStore): void {
  app.get(`${ARCHIVE_PREFIX}/frames/`, { config: { endpoint: 'frames' } }, async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const reqnum = query.REQNUM === undefined ? null : Number(query.REQNUM);
    const all = [...store.frames.values()].filter((f) => reqnum === null || f.requestId === reqnum);
    const limit = Math.min(positive(query.limit, 100), store.settings.pageSize);
    const offset = positive(query.offset, 0, true);
    const page = all.slice(offset, offset + limit);
    const link = (at: number) => {
      const params = new URLSearchParams({ ...(reqnum === null ? {} : { REQNUM: String(reqnum) }), limit: String(limit), offset: String(at) });
      return `${base(request)}${ARCHIVE_PREFIX}/frames/?${params}`;
    };
    return {
      count: all.length,
      next: offset + limit < all.length ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      results: page.map((f) => frameJson(request, store, f)),
    };
  });

  app.get(`${ARCHIVE_PREFIX}/frames/:id/`, { config: { endpoint: 'frame' } }, async (request, reply) => {
    const frame = store.frames.get(Number((request.params as { id: string }).id));
    return frame ? frameJson(request, store, frame) : reply.code(404).send({ detail: 'Not found.' });
  });

  app.get(`${ARCHIVE_PREFIX}/download/:id/:filename`, { config: { endpoint: 'download' } }, async (request, reply) => {
    // Storage answers a pre-signed URL sent with an Authorization header as S3 does: refused.
    if (request.headers.authorization) {
      return reply.code(400).send({ detail: 'Only one auth mechanism allowed; the URL is already signed' });
    }
    const frame = store.frames.get(Number((request.params as { id: string }).id));
    if (!frame) return reply.code(404).send({ detail: 'Not found.' });
    const bytes = store.frameBytes(frame);
    return reply.header('content-type', 'application/octet-stream').header('content-length', bytes.length).send(bytes);
  });
}

function frameJson(request: FastifyRequest, store: FakeLcoStore, frame: FakeFrame) {
  const group = store.groups.get(store.requests.get(frame.requestId)?.groupId ?? -1);
  return {
    id: frame.id,
    basename: frame.filename.replace(/\.fits(\.fz)?$/, ''),
    filename: frame.filename,
    url: `${base(request)}${ARCHIVE_PREFIX}/download/${frame.id}/${encodeURIComponent(frame.filename)}?X-Signature=fake`,
    DATE_OBS: frame.dateObs,
    DAY_OBS: frame.dateObs?.slice(0, 10) ?? null,
    PROPID: group?.proposal ?? null,
    INSTRUME: frame.instrument,
    OBJECT: null,
    SITEID: frame.site,
    TELID: frame.telescope,
    EXPTIME: frame.exposureTime,
    FILTER: frame.filter,
    OBSTYPE: 'EXPOSE',
    REQNUM: frame.requestId,
    RLEVEL: frame.reductionLevel,
    related_frames: [],
  };
}

/** The fake's own address as the client reached it, for absolute links. */
function base(request: FastifyRequest): string {
  return `http://${request.headers.host}`;
}

function positive(value: string | undefined, fallback: number, zeroOk = false): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && (n > 0 || (zeroOk && n === 0)) ? n : fallback;
}
