// The fake's control API under /_fake/, for tests and for someone trying Lightpath by hand:
// move requests through states, give them frames, make endpoints fail or hang, read the call log.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Endpoint, FakeLcoStore, NewFrame } from './store.ts';
import { ENDPOINTS } from './store.ts';
import { isObject } from './values.ts';

export const CONTROL_PREFIX = '/_fake';

export function controlRoutes(app: FastifyInstance, store: FakeLcoStore): void {
  const bad = (reply: FastifyReply, detail: string) => reply.code(400).send({ detail });

  app.get(`${CONTROL_PREFIX}/state`, async () => ({
    settings: store.settings,
    groups: [...store.groups.values()],
    requests: [...store.requests.values()].map(({ body: _body, ...r }) => r),
  }));

  app.get(`${CONTROL_PREFIX}/log`, async () => store.log);
  app.delete(`${CONTROL_PREFIX}/log`, async (_request, reply) => {
    store.log.length = 0;
    return reply.code(204).send();
  });

  app.post(`${CONTROL_PREFIX}/reset`, async (_request, reply) => {
    store.reset();
    return reply.code(204).send();
  });

  // {"apiKey"?: string, "archiveToken"?: string, "pageSize"?: number}
  app.post(`${CONTROL_PREFIX}/settings`, async (request, reply) => {
    const body = isObject(request.body) ? request.body : {};
    if (body.apiKey !== undefined && typeof body.apiKey !== 'string') return bad(reply, 'apiKey must be a string');
    if (body.archiveToken !== undefined && (typeof body.archiveToken !== 'string' || body.archiveToken === '')) return bad(reply, 'archiveToken must be a non-empty string');
    if (body.pageSize !== undefined && !(Number.isInteger(body.pageSize) && (body.pageSize as number) > 0)) return bad(reply, 'pageSize must be a positive whole number');
    store.settings = { ...store.settings, ...(body as Partial<typeof store.settings>) };
    return store.settings;
  });

  // {"endpoint": "submit", "status": 503, "times"?: 1, "body"?: any} or {"endpoint": ..., "hang": true}
  app.post(`${CONTROL_PREFIX}/fail`, async (request, reply) => {
    const body = isObject(request.body) ? request.body : {};
    const endpoint = body.endpoint as Endpoint;
    if (!ENDPOINTS.includes(endpoint)) return bad(reply, `endpoint must be one of ${ENDPOINTS.join(', ')}`);
    const times = body.times === undefined ? 1 : Number(body.times);
    if (!Number.isInteger(times) || times < 1) return bad(reply, 'times must be a positive whole number');
    const status = Number(body.status);
    if (body.hang !== true && !(Number.isInteger(status) && status >= 400 && status <= 599)) return bad(reply, 'give a status from 400 to 599, or "hang": true');
    store.fail(endpoint, body.hang === true ? { times, hang: true } : { times, status, body: body.body });
    return reply.code(204).send();
  });

  // {"errors": {...}} answered by validate (and refused by submit) until {"errors": null}
  app.post(`${CONTROL_PREFIX}/validation-errors`, async (request, reply) => {
    const body = isObject(request.body) ? request.body : {};
    store.validationErrors = body.errors === undefined || body.errors === null ? null : body.errors;
    return reply.code(204).send();
  });

  // {"state": "COMPLETED", "blocks"?: [{"state", "start", "end"}]}
  app.post(`${CONTROL_PREFIX}/requests/:id/state`, async (request, reply) => {
    const body = isObject(request.body) ? request.body : {};
    if (typeof body.state !== 'string' || body.state === '') return bad(reply, 'state must be a request state, e.g. COMPLETED');
    const blocks = Array.isArray(body.blocks) ? body.blocks.filter(isObject).map((b) => ({ state: String(b.state), start: String(b.start), end: String(b.end) })) : undefined;
    const updated = store.setState(Number((request.params as { id: string }).id), body.state, blocks);
    if (!updated) return reply.code(404).send({ detail: 'No such request.' });
    const { body: _body, ...rest } = updated;
    return rest;
  });

  // {"frames": [{"filename": "x-e91.fits.fz", "content"?: "text" | "contentBase64"?: "...", "reductionLevel"?, "dateObs"?, ...}]}
  app.post(`${CONTROL_PREFIX}/requests/:id/frames`, async (request, reply) => {
    const body = isObject(request.body) ? request.body : {};
    const items = Array.isArray(body.frames) ? body.frames.filter(isObject) : [];
    if (items.length === 0 || items.some((f) => typeof f.filename !== 'string' || f.filename === '')) return bad(reply, 'frames must be a list of objects with a filename');
    const id = Number((request.params as { id: string }).id);
    if (!store.requests.has(id)) return reply.code(404).send({ detail: 'No such request.' });
    const frames: NewFrame[] = items.map((f) => ({
      filename: f.filename as string,
      reductionLevel: typeof f.reductionLevel === 'number' ? f.reductionLevel : undefined,
      dateObs: typeof f.dateObs === 'string' ? f.dateObs : undefined,
      instrument: typeof f.instrument === 'string' ? f.instrument : undefined,
      site: typeof f.site === 'string' ? f.site : undefined,
      telescope: typeof f.telescope === 'string' ? f.telescope : undefined,
      exposureTime: typeof f.exposureTime === 'number' ? f.exposureTime : undefined,
      filter: typeof f.filter === 'string' ? f.filter : undefined,
      content: typeof f.contentBase64 === 'string' ? Buffer.from(f.contentBase64, 'base64') : typeof f.content === 'string' ? Buffer.from(f.content) : undefined,
    }));
    const added = store.addFrames(id, frames);
    return reply.code(201).send(added.map(({ content: _content, ...f }) => f));
  });
}
