// GET /download/files/frame/<key>/<path>/<bb>.png          a 1024×1024 preview (spec mxlive-v2 §5.2–5.3)
// GET /download/files/frame/<key>/<path>/region.png?x=&y=&w=&h=&bb=
//                                                          a rectangle at the frame's own resolution (ours)
// GET /download/files/frame/<key>/<path>/values.json?x=&y=&w=&h=
//                                                          raw pixel values of a small rectangle (ours)
// A missing frame, an unknown key or a path leading out of the key's directory get the placeholder
// with 200, as MxLIVE's proxy answered; a key whose directory lies outside the data roots gets the
// same 404 as `raw` (D17), so the operator learns why.
import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { dataHeaders } from '../../platform/http/send-file.ts';
import type { DataProxyService } from '../service.ts';
import { FramePreviews } from './previews.ts';
import type { Preview } from './previews.ts';
import type { Region } from './render-job.ts';
import { framePreviews } from '../../platform/metrics/process-metrics.ts';
import { countBytesSent } from '../../platform/metrics/bytes-sent.ts';

const PLACEHOLDER = fs.readFileSync(new URL('../assets/frame-missing.png', import.meta.url));
/** The last URL component: a two-character brightness code (as MxLIVE's `\w{2}`), "region" or "values.json". */
const IMAGE_NAME = /^(?:(\w{2})\.png|(region)\.png|(values)\.json)$/;
/** Largest region one request may ask for: 2048 × 2048 pixels. */
export const MAX_REGION_PIXELS = 2048 * 2048;
/** Largest rectangle of raw values: 64 × 64, a window around the viewer's cursor. */
export const MAX_VALUES_PIXELS = 64 * 64;

type FrameParams = { key: string; '*': string };

function wholeNumber(raw: unknown, min: number): number | null {
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min ? value : null;
}

/** x, y, w, h (at most `maxPixels` together) and bb of the region and values routes, or a 400 naming each bad field. */
function regionQuery(query: Record<string, unknown>, maxPixels: number): { region: Region; brightness: string } {
  const fields: Record<string, string[]> = {};
  const read = (name: 'x' | 'y' | 'w' | 'h', min: number): number => {
    const value = wholeNumber(query[name], min);
    if (value === null) fields[name] = [min === 0 ? 'A whole number ≥ 0 is required.' : 'A whole number ≥ 1 is required.'];
    return value ?? 0;
  };
  const region = { x: read('x', 0), y: read('y', 0), w: read('w', 1), h: read('h', 1) };
  const brightness = query.bb ?? 'nm';
  if (typeof brightness !== 'string' || !/^\w{2}$/.test(brightness)) fields.bb = ['A two-character brightness code is required (nm, dk, lt or xl).'];
  if (Object.keys(fields).length > 0) throw badRequest('The region needs whole-number x, y, w and h.', fields);
  if (region.w * region.h > maxPixels) {
    throw badRequest(`The region is too large: w × h may be at most ${maxPixels} pixels.`, { w: ['Too large together with h.'], h: ['Too large together with w.'] });
  }
  return { region, brightness: brightness as string };
}

function outsideFrame(width: number, height: number): Error {
  return badRequest(`The region must lie within the frame, which is ${width} × ${height} pixels.`, {
    x: [`x + w may be at most ${width}.`], y: [`y + h may be at most ${height}.`],
  });
}

function sendPng(reply: FastifyReply, png: Buffer, cacheControl: string): FastifyReply {
  return dataHeaders(reply, 'image/png').code(200).header('cache-control', cacheControl).send(png);
}

export async function frameRoutes(app: FastifyInstance, service: DataProxyService, config: Config): Promise<void> {
  const previews = new FramePreviews(config.dataDir, config.dataProxy.frameCacheBytes, app.log);
  app.addHook('onClose', () => previews.close());

  /** Like the pictures' placeholder, a missing frame is a 200 answer, `{"missing": true}`, so a viewer can tell it without an error. */
  async function sendValues(reply: FastifyReply, key: string, relative: string, region: Region): Promise<FastifyReply> {
    const dir = await service.servableDirectory(key);
    if (dir.kind === 'outside') throw notFound(dir.detail);
    const outcome = dir.kind === 'none' || relative.includes('\0') ? { kind: 'missing' as const } : await previews.values({ dir: dir.real, relative, region });
    if (outcome.kind === 'outside-frame') throw outsideFrame(outcome.width, outcome.height);
    const body = outcome.kind === 'missing'
      ? { ...region, missing: true, values: [] }
      : { ...region, missing: false, width: outcome.width, height: outcome.height, cutoff: outcome.cutoff, values: outcome.values };
    return dataHeaders(reply, 'application/json').code(200).header('cache-control', outcome.kind === 'missing' ? 'no-store' : 'no-cache').send(body);
  }

  app.get('/download/files/frame/:key/*', { config: { access: { allow: 'public' } }, schema: { hide: true }, onSend: countBytesSent('frame') },
    async (request: FastifyRequest<{ Params: FrameParams; Querystring: Record<string, unknown> }>, reply: FastifyReply) => {
      const { key, '*': rest } = request.params;
      const slash = rest.lastIndexOf('/');
      const name = IMAGE_NAME.exec(rest.slice(slash + 1));
      if (slash <= 0 || name === null) throw notFound('A frame URL ends in /<brightness>.png (nm, dk, lt, xl), /region.png or /values.json.');
      const relative = rest.slice(0, slash);
      if (name[3]) return sendValues(reply, key, relative, regionQuery(request.query, MAX_VALUES_PIXELS).region);
      const { region, brightness } = name[2] ? regionQuery(request.query, MAX_REGION_PIXELS) : { region: null, brightness: name[1] };

      const dir = await service.servableDirectory(key);
      if (dir.kind === 'outside') throw notFound(dir.detail);
      if (dir.kind === 'none' || relative.includes('\0')) return sendPng(reply, PLACEHOLDER, 'no-store');
      const preview: Preview = await previews.preview({ key, dir: dir.real, relative, brightness, region });
      if (preview.kind === 'outside-frame') throw outsideFrame(preview.width, preview.height);
      // Not cached by browsers: the placeholder may be replaced by the frame a moment later, and a
      // rendering by a new one when its file changes.
      if (preview.kind === 'missing') return sendPng(reply, PLACEHOLDER, 'no-store');
      reply.header('x-lightpath-frame', preview.how).header('etag', preview.etag);
      framePreviews.inc({ how: preview.how });
      // A browser asking again with the ETag it holds gets 304: the bytes are not sent twice.
      if (request.headers['if-none-match'] === preview.etag) return reply.code(304).header('cache-control', 'no-cache').send();
      return sendPng(reply, preview.png, 'no-cache');
    });
}
