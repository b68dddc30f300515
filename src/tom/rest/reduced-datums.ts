// /targets/{id}/reduced-datums: values measured from a target's data (photometry: time,
// magnitude, error). Anyone who may see the target reads them; its owner and staff add photometry.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { changeTarget, seeTarget } from './access.ts';
import { anyone, ErrorOut, errors, fetchPage, Id, IdParams, ListQuery, Nullable, Page, Timestamp, user } from './common.ts';

const ReducedDatumOut = Type.Object({
  id: Type.Integer(),
  target_id: Type.Integer(),
  data_product_id: Nullable(Type.Integer()),
  observation_record_id: Nullable(Type.Integer({ description: 'The observation whose frame it was measured from (its id in /targets/{id}/observations), if any.' })),
  data_type: Type.String(),
  source_name: Type.String(),
  source_location: Type.String(),
  timestamp: Timestamp,
  value: Type.Record(Type.String(), Type.Unknown(), { description: 'For photometry: {"magnitude", "error"} (and "filter" from the Photometry pipeline).' }),
}, { $id: 'ReducedDatum' });

const PhotometryIn = Type.Object({
  source_name: Type.Optional(Type.String({ maxLength: 300, description: 'Where the values come from, e.g. a catalogue or an observer.' })),
  data_product_id: Type.Optional(Nullable(Id)),
  datums: Type.Array(Type.Object({
    timestamp: Type.String({ format: 'date-time', description: 'When the measurement was taken (with a time zone).' }),
    magnitude: Type.Number(),
    error: Type.Number({ minimum: 0 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 10000 }),
}, { additionalProperties: false });

const INSERT_SLICE = 1000;

type DatumRow = { id: number; target_id: number; data_product_id: number | null; observation_record_id: number | null; data_type: string; source_name: string; source_location: string; timestamp: string; value: string };

function datumOut(row: DatumRow) {
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    value = null;
  }
  return { ...row, value: value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : { value } };
}

export async function reducedDatumRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['reduced-datums'];

  app.get('/targets/:id/reduced-datums', {
    config: anyone,
    schema: {
      tags, summary: 'A target\'s reduced datums in time order',
      params: IdParams,
      querystring: ListQuery({
        data_type: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'e.g. photometry' })),
        since: Type.Optional(Type.String({ format: 'date-time', description: 'At or after this time.' })),
        until: Type.Optional(Type.String({ format: 'date-time', description: 'Before this time.' })),
      }),
      response: { 200: Page(ReducedDatumOut), 400: ErrorOut, 404: ErrorOut },
    },
  }, async (request) => {
    const target = await seeTarget(db, request, request.params.id);
    const q = request.query;
    let query = db.selectFrom('reduced_datums as d').leftJoin('data_products as p', 'p.id', 'd.data_product_id')
      .selectAll('d').select('p.observation_id as observation_record_id')
      .where('d.target_id', '=', target.id).orderBy('d.timestamp').orderBy('d.id');
    if (q.data_type !== undefined) query = query.where('d.data_type', '=', q.data_type);
    // Stored times are ISO-8601 UTC text, so bounds are normalised to that form to compare.
    if (q.since !== undefined) query = query.where('d.timestamp', '>=', new Date(q.since).toISOString());
    if (q.until !== undefined) query = query.where('d.timestamp', '<', new Date(q.until).toISOString());
    const page = await fetchPage(query, q);
    return { count: page.count, results: page.rows.map(datumOut) };
  });

  app.post('/targets/:id/reduced-datums', {
    config: user,
    schema: {
      tags, summary: 'Add photometry to a target (owner or staff): one datum per {timestamp, magnitude, error}',
      params: IdParams, body: PhotometryIn,
      response: { 201: Page(ReducedDatumOut), ...errors },
    },
  }, async (request, reply) => {
    const target = await changeTarget(db, request, request.params.id);
    const body = request.body;
    const productId = body.data_product_id ?? null;
    let observationRecordId: number | null = null;
    if (productId !== null) {
      const product = await db.selectFrom('data_products').select(['id', 'observation_id']).where('id', '=', productId).where('target_id', '=', target.id).executeTakeFirst();
      observationRecordId = product?.observation_id ?? null;
      if (!product) throw badRequest(`Data product ${productId} is not one of this target's.`, { data_product_id: ['is not a data product of this target'] });
    }
    const values = body.datums.map((datum) => ({
      target_id: target.id, data_product_id: productId, data_type: 'photometry', source_name: body.source_name ?? '', source_location: '',
      timestamp: new Date(datum.timestamp).toISOString(), value: JSON.stringify({ magnitude: datum.magnitude, error: datum.error }),
    }));
    // In slices: one statement may bind only so many parameters (SQLite 32766, PostgreSQL 65535).
    const rows = await db.transaction().execute(async (trx) => {
      const inserted = [];
      for (let start = 0; start < values.length; start += INSERT_SLICE) {
        inserted.push(...await trx.insertInto('reduced_datums').values(values.slice(start, start + INSERT_SLICE)).returningAll().execute());
      }
      return inserted;
    });
    return reply.code(201).send({ count: rows.length, results: rows.sort((a, b) => a.id - b.id).map((row) => datumOut({ ...row, observation_record_id: observationRecordId })) });
  });
}
