// /pipelines and /targets/{id}/pipelines/{name}: the pipelines on offer, and running one on some of
// a target's data products. Everything is checked before anything is written (the target is the
// caller's to change, the name, flags, settings, the products and their file suffixes); then the
// process and its job are created together and the answer is 202 with the pending process.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { configuredPipelines } from '../pipelines/registry.ts';
import { resolveFlags, startPipeline } from '../pipelines/start.ts';
import { timelapsePipeline, timelapseSettings } from '../pipelines/timelapse.ts';
import { PipelineError } from '../pipelines/types.ts';
import type { Pipeline } from '../pipelines/types.ts';
import { TIMELAPSE_FORMATS } from '../timelapse/settings.ts';
import { changeTarget } from './access.ts';
import { anyone, errors, Id, Nullable, user } from './common.ts';
import { processDetailOut, ProcessDetailOut } from './process-out.ts';

const PipelineOut = Type.Object({
  name: Type.String(),
  short_name: Type.String({ description: 'Prefix of its process identifiers.' }),
  process_type: Type.String(),
  flags: Type.Array(Type.Object({ name: Type.String(), default: Type.Boolean(), label: Type.String() })),
  allowed_suffixes: Nullable(Type.Array(Type.String(), { description: 'File name endings it accepts; null: any.' })),
  settings: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'Settings a run may give, with their defaults (Timelapse only).' })),
}, { $id: 'Pipeline' });

const RunIn = Type.Object({
  data_product_ids: Type.Array(Id, { minItems: 1, maxItems: 10000, uniqueItems: true, description: 'Input files: data products of this target.' }),
  flags: Type.Optional(Type.Record(Type.String(), Type.Boolean(), { description: 'Flags by name; those not given take their defaults.' })),
  settings: Type.Optional(Type.Object({
    format: Type.Optional(Type.Union(TIMELAPSE_FORMATS.map((f) => Type.Literal(f)))),
    fps: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    size: Type.Optional(Type.Integer()),
    crop_scale: Type.Optional(Type.Number()),
  }, { additionalProperties: false, description: 'Timelapse settings; other pipelines take none.' })),
}, { additionalProperties: false });

export async function pipelineRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, jobs } = platform;
  const pipelines = configuredPipelines(config);
  const tags = ['pipelines'];

  const settingsOf = (pipeline: Pipeline) => {
    if (pipeline !== timelapsePipeline) return null;
    const defaults = config.tom.timelapse;
    return { format: defaults.format, fps: defaults.fps, size: defaults.size, crop_scale: defaults.cropScale };
  };

  app.get('/pipelines', {
    config: anyone,
    schema: {
      tags, summary: 'The pipelines this installation offers, by name',
      response: { 200: Type.Object({ count: Type.Integer(), results: Type.Array(PipelineOut) }) },
    },
  }, async () => {
    const results = [...pipelines.values()].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({
      name: p.name, short_name: p.shortName, process_type: p.processType,
      flags: Object.entries(p.flags).map(([name, flag]) => ({ name, default: flag.default, label: flag.label })),
      allowed_suffixes: p.allowedSuffixes, settings: settingsOf(p),
    }));
    return { count: results.length, results };
  });

  app.post('/targets/:id/pipelines/:name', {
    config: user,
    schema: {
      tags, summary: 'Run a pipeline on data products of a target you may change; 202 with the pending process',
      description: 'Poll `GET /rest/v1/processes/{id}` (or the tom_education `/api/async/status/<target>/`) until the status is `created` or `failed`.',
      params: Type.Object({ id: Id, name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
      body: RunIn,
      response: { 202: ProcessDetailOut, ...errors },
    },
  }, async (request, reply) => {
    const target = await changeTarget(db, request, request.params.id);
    const pipeline = pipelines.get(request.params.name);
    if (!pipeline) throw notFound(`Unknown pipeline '${request.params.name}' (available: ${[...pipelines.keys()].sort().join(', ')}).`);
    const body = request.body;
    const flags = resolveFlags(pipeline, body.flags);

    let settings: Record<string, unknown> | undefined;
    if (body.settings && Object.keys(body.settings).length > 0) {
      if (pipeline !== timelapsePipeline) throw badRequest(`${pipeline.name} takes no settings.`, { settings: ['not taken by this pipeline'] });
      try {
        const checked = timelapseSettings(body.settings, config);
        // The run uses the settings accepted now, whatever the defaults are when it starts.
        settings = { format: checked.format, fps: checked.fps, size: checked.size, crop_scale: checked.cropScale };
      } catch (error) {
        if (error instanceof PipelineError) throw badRequest(`${error.message}.`, { settings: [error.message] });
        throw error;
      }
    }

    const ids = body.data_product_ids;
    const products = await db.selectFrom('data_products').select(['id', 'file_key'])
      .where('id', 'in', ids).where('target_id', '=', target.id).execute();
    const found = new Set(products.map((p) => p.id));
    const foreign = ids.filter((id) => !found.has(id));
    if (foreign.length > 0) {
      throw badRequest(`Not data products of target ${target.identifier}: ${foreign.join(', ')}.`, { data_product_ids: [`not of this target: ${foreign.join(', ')}`] });
    }
    if (pipeline.allowedSuffixes) {
      const suffixes = pipeline.allowedSuffixes;
      const refused = products.map((p) => path.posix.basename(p.file_key)).filter((name) => !suffixes.some((s) => name.endsWith(s)));
      if (refused.length > 0) {
        throw badRequest(`${pipeline.name} takes files ending ${suffixes.join(', ')}; not: ${refused.join(', ')}.`, { data_product_ids: [`wrong file type: ${refused.join(', ')}`] });
      }
    }

    const process = await startPipeline(db, config, jobs, { pipeline, target, productIds: ids, flags, settings });
    return reply.code(202).send(await processDetailOut(db, process));
  });
}
