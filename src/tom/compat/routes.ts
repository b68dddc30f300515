// The tom_education API (spec §1.1–1.3, §7): async status, pipeline logs and target summary,
// plus a server-sent-event stream of process changes, stored files under /data/ and the
// photometry CSV. Anonymous by default as in the original (LIGHTPATH_TOM_API_ACCESS=login to
// require a login or token); private targets are 404 to whoever may not see them (T11).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import type { Access } from '../../platform/auth/policy.ts';
import { notFound } from '../../platform/http/errors.ts';
import { isStoredId } from '../../platform/db/column-types.ts';
import { sendFile } from '../../platform/http/send-file.ts';
import { getProcess, processesOfTarget } from '../processes.ts';
import { declaredExtraFields, rawExtras, typedExtras, visibleTarget, visibleTargets } from '../targets.ts';
import type { TargetRow } from '../targets.ts';
import { dataUrl } from '../data-products.ts';
import { photometryCsv, photometryCsvFilename } from '../photometry/csv.ts';
import { asyncStatus, pipelineDetail, targetTimelapses } from './wire.ts';
import { endAllStreams, streamProcessChanges } from './process-stream.ts';

const NOT_FOUND = 'Not found.';
const hidden = { hide: true };

/** "12" → 12; anything else is not a key (decision T7: 404, never 500). */
function numericId(text: string): number {
  if (!/^\d{1,15}$/.test(text) || !isStoredId(Number(text))) throw notFound(NOT_FOUND);
  return Number(text);
}

export async function tomEducationRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const { db, config } = platform;
  const access: Access = { allow: config.tom.apiAccess === 'login' ? 'user' : 'public' };
  const options = { config: { access }, schema: hidden };

  const target = async (request: FastifyRequest, id: string): Promise<TargetRow> => {
    const found = await visibleTarget(db, request.principal, { id: numericId(id) });
    if (!found) throw notFound(NOT_FOUND);
    return found;
  };
  app.addHook('preClose', async () => endAllStreams());
  const base = (request: FastifyRequest) => config.baseUrl ?? `${request.protocol}://${request.host}`;

  app.get<{ Params: { target: string } }>('/api/async/status/:target/', options, async (request) => {
    const found = await target(request, request.params.target);
    return asyncStatus(await processesOfTarget(db, found.id));
  });

  app.get<{ Params: { target: string } }>('/api/async/stream/:target/', options, async (request, reply) => {
    const found = await target(request, request.params.target);
    return streamProcessChanges(request, reply, () => processesOfTarget(db, found.id).then(asyncStatus), found.id);
  });

  app.get<{ Params: { pk: string } }>('/api/pipeline/logs/:pk/', options, async (request) => {
    const process = await getProcess(db, numericId(request.params.pk));
    if (!process || !process.is_pipeline || process.target_id === null) throw notFound(NOT_FOUND);
    await target(request, String(process.target_id));
    return pipelineDetail(db, process);
  });

  app.get<{ Params: { pk: string } }>('/api/target/:pk/', options, async (request) => {
    const found = await target(request, request.params.pk);
    const plot = await db.selectFrom('data_products').select('file_key').where('target_id', '=', found.id).where('data_product_type', '=', 'plot')
      .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
    return {
      target: {
        identifier: found.identifier, name: found.name, name2: found.name2, name3: found.name3,
        extra_fields: typedExtras(await rawExtras(db, found.id), await declaredExtraFields(db, config.tom)),
      },
      timelapses: await targetTimelapses(db, found.id),
      data: {
        csv: `${base(request)}/targets/${found.id}/data/download/`,
        plot: plot ? `${base(request)}${dataUrl(plot.file_key)}` : null,
      },
    };
  });

  // The target page itself, /targets/<pk>/ (where alert emails link), is the web app's; the
  // photometry CSV below stays a server route and wins over the app.
  app.get<{ Params: { pk: string } }>('/targets/:pk/data/download/', options, async (request, reply) => {
    const found = await target(request, request.params.pk);
    const rows = await db.selectFrom('reduced_datums').select(['timestamp', 'value'])
      .where('target_id', '=', found.id).where('data_type', '=', 'photometry').orderBy('timestamp').orderBy('id').execute();
    const csv = photometryCsv(rows.map((row) => {
      const value = JSON.parse(row.value) as { magnitude: number; error: number };
      return { timestamp: row.timestamp, magnitude: value.magnitude, error: value.error };
    }));
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${photometryCsvFilename(found.name)}"`)
      .send(csv);
  });

  // Stored files, with the same visibility as their target; HEAD is answered from headers only.
  const serveData = async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const key = request.params['*'];
    const product = await db.selectFrom('data_products').innerJoin('targets', 'targets.id', 'data_products.target_id')
      .select(['data_products.file_key']).where('data_products.file_key', '=', key).where(visibleTargets(request.principal))
      .executeTakeFirst();
    const local = product ? await platform.files.localPath(product.file_key) : null;
    if (!local || !(await sendFile(request, reply, local))) throw notFound(NOT_FOUND);
    return reply;
  };
  app.route({ method: ['GET', 'HEAD'], url: '/data/*', ...options, exposeHeadRoute: false, handler: serveData });
}
