// /targets: list, read, create, change and delete targets. Anyone sees public targets, users
// their own too, staff all; the owner (the user who created it) and staff may change or delete one.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { actingUser } from '../../platform/auth/policy.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { isoNow } from '../../platform/time.ts';
import { deleteProductFiles } from '../data-products.ts';
import { createTarget, declaredExtraFields, setExtras, typedExtras, visibleTargets } from '../targets.ts';
import type { TargetRow } from '../targets.ts';
import type { TomConfig } from '../../config.ts';
import { changeTarget, NO_TARGET } from './access.ts';
import { anyone, errors, fetchPage, IdParams, isUniqueViolation, likeContaining, ListQuery, Page, user } from './common.ts';
import { extraValues, positionColumns, throwIfProblems } from './target-input.ts';
import { TargetIn, TargetOut, TargetPatch } from './target-schemas.ts';
import { thumbnailUrl } from './product-out.ts';
import { sorting } from '../../platform/http/list-ordering.ts';

type TargetWithOwner = TargetRow & { owner: string | null; thumbnail_product: number | null };

const order = sorting({ identifier: 'targets.identifier', name: 'targets.name', created_at: 'targets.created_at' }, 'targets.id');

function targetQuery(db: Db, principal: Principal) {
  return db.selectFrom('targets').leftJoin('users', 'users.id', 'targets.owner_id')
    .selectAll('targets').select('users.username as owner')
    // The newest previewed product (index data_products_thumbnailed), read only for the rows of the page.
    .select((eb) => eb.selectFrom('data_products as dp').select('dp.id').whereRef('dp.target_id', '=', 'targets.id')
      .where('dp.thumbnail_key', 'is not', null).orderBy('dp.created_at', 'desc').orderBy('dp.id', 'desc').limit(1).as('thumbnail_product'))
    .where(visibleTargets(principal));
}

async function extrasOf(db: Db, ids: number[]): Promise<Map<number, Record<string, string>>> {
  const byTarget = new Map<number, Record<string, string>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return byTarget;
  const rows = await db.selectFrom('target_extras').select(['target_id', 'key', 'value']).where('target_id', 'in', ids).execute();
  for (const row of rows) byTarget.get(row.target_id)![row.key] = row.value;
  return byTarget;
}

function targetOut(row: TargetWithOwner, extras: Record<string, string>, declared: TomConfig['extraFields']) {
  const { is_public, owner_id: _owner, owner, thumbnail_product, ...rest } = row;
  return {
    ...rest, public: Boolean(is_public), owner: owner ?? null, extra_fields: typedExtras(extras, declared),
    thumbnail_url: thumbnail_product === null ? null : thumbnailUrl(thumbnail_product),
  };
}

export async function targetRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, files, config } = platform;
  const tags = ['targets'];

  const present = async (rows: TargetWithOwner[]) => {
    const declared = await declaredExtraFields(db, config.tom);
    const extras = await extrasOf(db, rows.map((r) => r.id));
    return rows.map((row) => targetOut(row, extras.get(row.id)!, declared));
  };
  const one = async (principal: Principal, id: number) => {
    const row = await targetQuery(db, principal).where('targets.id', '=', id).executeTakeFirst();
    if (!row) throw notFound(NO_TARGET);
    return (await present([row]))[0];
  };

  app.get('/targets', {
    config: anyone,
    schema: {
      tags, summary: 'Targets you may see, by identifier: public ones, your own, or all for staff',
      querystring: ListQuery({
        identifier: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Identifiers starting with this (case-insensitive).' })),
        search: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Identifier or any of the three names contains this (case-insensitive).' })),
        kind: Type.Optional(Type.Union([Type.Literal('sidereal'), Type.Literal('non_sidereal')])),
        public: Type.Optional(Type.Boolean()),
        ordering: order.param,
      }),
      response: { 200: Page(TargetOut), 400: errors[400] },
    },
  }, async (request) => {
    const q = request.query;
    let query = order.apply(targetQuery(db, request.principal), q.ordering, (t) => t.orderBy('targets.identifier').orderBy('targets.id'));
    if (q.identifier !== undefined) query = query.where(sql<boolean>`lower(targets.identifier) like ${likeContaining(q.identifier, true)} escape '\\'`);
    if (q.search !== undefined) {
      const pattern = likeContaining(q.search);
      query = query.where(sql<boolean>`(lower(targets.identifier) like ${pattern} escape '\\' or lower(targets.name) like ${pattern} escape '\\'
        or lower(targets.name2) like ${pattern} escape '\\' or lower(targets.name3) like ${pattern} escape '\\')`);
    }
    if (q.kind !== undefined) query = query.where('targets.kind', '=', q.kind);
    if (q.public !== undefined) query = query.where('targets.is_public', '=', q.public);
    const page = await fetchPage(query, q);
    return { count: page.count, results: await present(page.rows) };
  });

  app.get('/targets/:id', {
    config: anyone,
    schema: { tags, summary: 'One target (404 if you may not see it)', params: IdParams, response: { 200: TargetOut, 404: errors[404] } },
  }, async (request) => one(request.principal, request.params.id));

  app.post('/targets', {
    config: user,
    schema: {
      tags, summary: 'Create a target; you become its owner',
      description: 'A sidereal target needs `ra` and `dec`; a non-sidereal one a `scheme` and the elements that scheme uses '
        + '(MPC_MINOR_PLANET and JPL_MAJOR_PLANET: epoch_of_elements, mean_anomaly, arg_of_perihelion, eccentricity, lng_asc_node, '
        + 'inclination, mean_daily_motion, semimajor_axis; MPC_COMET: epoch_of_elements, arg_of_perihelion, eccentricity, lng_asc_node, '
        + 'inclination, epoch_of_perihelion, perihdist). `extra_fields` takes only declared fields, each of its declared type.',
      body: TargetIn, response: { 201: TargetOut, ...errors },
    },
  }, async (request, reply) => {
    const me = actingUser(request);
    const body = request.body;
    const problems: Record<string, string[]> = {};
    const position = positionColumns(body, null, problems);
    const extras = extraValues(body.extra_fields ?? {}, await declaredExtraFields(db, config.tom), problems);
    throwIfProblems(problems);
    const clash = () => conflict(`A target with the identifier "${body.identifier}" already exists.`);
    if (await db.selectFrom('targets').select('id').where('identifier', '=', body.identifier).executeTakeFirst()) throw clash();
    let created: TargetRow;
    try {
      created = await db.transaction().execute((trx) => createTarget(trx, {
        identifier: body.identifier, name: body.name, name2: body.name2 ?? '', name3: body.name3 ?? '',
        ...position, is_public: body.public ?? false, owner_id: me.id,
      }, Object.fromEntries(Object.entries(extras).filter((e): e is [string, string] => e[1] !== null))));
    } catch (error) {
      if (isUniqueViolation(error)) throw clash();
      throw error;
    }
    return reply.code(201).send(await one(request.principal, created.id));
  });

  app.patch('/targets/:id', {
    config: user,
    schema: {
      tags, summary: 'Change a target (owner or staff); fields not sent keep their values',
      description: 'The identifier cannot be changed (file paths are built from it). Changing `kind` clears the other kind\'s fields.',
      params: IdParams, body: TargetPatch, response: { 200: TargetOut, ...errors },
    },
  }, async (request) => {
    const current = await changeTarget(db, request, request.params.id);
    const body = request.body;
    const problems: Record<string, string[]> = {};
    const position = positionColumns(body, current, problems);
    const extras = extraValues(body.extra_fields ?? {}, await declaredExtraFields(db, config.tom), problems);
    throwIfProblems(problems);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('targets').set({
        ...position,
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.name2 !== undefined ? { name2: body.name2 } : {}),
        ...(body.name3 !== undefined ? { name3: body.name3 } : {}),
        ...(body.public !== undefined ? { is_public: body.public } : {}),
        updated_at: isoNow(),
      }).where('id', '=', current.id).execute();
      await setExtras(trx, current.id, extras);
    });
    return one(request.principal, current.id);
  });

  app.delete('/targets/:id', {
    config: user,
    schema: {
      tags, summary: 'Delete a target (owner or staff) with its data products, their files, reduced datums and processes',
      params: IdParams, response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    const target = await changeTarget(db, request, request.params.id);
    const products = await db.selectFrom('data_products').select(['id', 'file_key']).where('target_id', '=', target.id).execute();
    // Rows go first (the database cascades to products, datums and processes); files after commit.
    await db.deleteFrom('targets').where('id', '=', target.id).execute();
    for (const product of products) {
      try {
        await deleteProductFiles(files, product);
      } catch (error) {
        request.log.warn({ err: error, key: product.file_key }, 'could not delete the file of a deleted target');
      }
    }
    return reply.code(204).send(null);
  });
}
