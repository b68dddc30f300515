// /data-product-groups: named sets of data products (a pipeline's outputs, a user's selection).
// Groups have no owner, so what a caller sees of a group is the products in it they may see: a
// group shows up when it holds at least one such product, or none at all (a new, empty group).
// Products may be added or removed only by those who may change their target.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { DataProductGroupsTable } from '../tables.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { isoNow } from '../../platform/time.ts';
import { addToGroup } from '../data-products.ts';
import { visibleTargets } from '../targets.ts';
import { changeableTargets } from './access.ts';
import { anyone, ErrorOut, errors, fetchPage, Id, IdParams, isUniqueViolation, ListQuery, Page, Timestamp, user } from './common.ts';
import { DataProductOut, productsOut } from './product-out.ts';
import { findProduct } from './data-products.ts';

const GroupOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  product_count: Type.Integer({ description: 'Products in the group that you may see.' }),
  created_at: Timestamp,
});

const GroupDetailOut = Type.Composite([GroupOut, Type.Object({ products: Type.Array(DataProductOut) })]);

const ProductIds = Type.Object({
  data_product_ids: Type.Array(Id, { minItems: 1, maxItems: 10000, uniqueItems: true }),
}, { additionalProperties: false });

const NO_GROUP = 'No such group.';

/** Members of a group the principal may see. */
function visibleMembers(db: Db, principal: Principal) {
  return db.selectFrom('data_product_group_members as m')
    .innerJoin('data_products', 'data_products.id', 'm.data_product_id')
    .innerJoin('targets', 'targets.id', 'data_products.target_id')
    .where(visibleTargets(principal));
}

function groupQuery(db: Db, principal: Principal) {
  // Members of the group in the outer query ("g") that the principal may see.
  const seen = (eb: ExpressionBuilder<Database & { g: DataProductGroupsTable }, 'g'>) => eb.selectFrom('data_product_group_members as m')
    .innerJoin('data_products', 'data_products.id', 'm.data_product_id')
    .innerJoin('targets', 'targets.id', 'data_products.target_id')
    .where(visibleTargets(principal))
    .whereRef('m.group_id', '=', 'g.id');
  return db.selectFrom('data_product_groups as g')
    .select(['g.id', 'g.name', 'g.created_at'])
    .select((eb) => seen(eb).select((e) => e.fn.countAll<number>().as('n')).as('product_count'))
    .where((eb) => eb.or([
      eb.exists(seen(eb).select('m.group_id')),
      eb.not(eb.exists(eb.selectFrom('data_product_group_members as any_m').select('any_m.group_id').whereRef('any_m.group_id', '=', 'g.id'))),
    ]));
}

/**
 * Whether the principal may put their products into the group of this name: the group must not
 * exist yet (it is made) or be one they may see, as for adding products to a group; else 404.
 */
export async function requireJoinableGroup(db: Db, principal: Principal, name: string): Promise<void> {
  const exists = await db.selectFrom('data_product_groups').select('id').where('name', '=', name).executeTakeFirst();
  if (exists && !(await groupQuery(db, principal).where('g.id', '=', exists.id).executeTakeFirst())) throw notFound(NO_GROUP);
}

const groupOut = (row: { id: number; name: string; created_at: string; product_count: number | string | null }) =>
  ({ id: row.id, name: row.name, product_count: Number(row.product_count ?? 0), created_at: row.created_at });

export async function groupRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  // Not "groups": that tag holds the beamline side's sample groups.
  const tags = ['data-product-groups'];

  const detail = async (request: FastifyRequest, id: number) => {
    const row = await groupQuery(db, request.principal).where('g.id', '=', id).executeTakeFirst();
    if (!row) throw notFound(NO_GROUP);
    const products = await visibleMembers(db, request.principal).selectAll('data_products').where('m.group_id', '=', id)
      .orderBy('data_products.created_at').orderBy('data_products.id').execute();
    return { ...groupOut(row), products: await productsOut(db, products) };
  };

  app.get('/data-product-groups', {
    config: anyone,
    schema: {
      tags, summary: 'Data product groups holding products you may see (and empty ones), by name',
      querystring: ListQuery({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Exact name.' })) }),
      response: { 200: Page(GroupOut), 400: ErrorOut },
    },
  }, async (request) => {
    let query = groupQuery(db, request.principal).orderBy('g.name').orderBy('g.id');
    if (request.query.name !== undefined) query = query.where('g.name', '=', request.query.name);
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(groupOut) };
  });

  app.get('/data-product-groups/:id', {
    config: anyone,
    schema: { tags, summary: 'One group with the products in it you may see', params: IdParams, response: { 200: GroupDetailOut, 404: ErrorOut } },
  }, async (request) => detail(request, request.params.id));

  app.post('/data-product-groups', {
    config: user,
    schema: {
      tags, summary: 'Create a group, optionally with products you may change',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 300 }),
        data_product_ids: Type.Optional(Type.Array(Id, { maxItems: 10000, uniqueItems: true })),
      }, { additionalProperties: false }),
      response: { 201: GroupDetailOut, ...errors },
    },
  }, async (request, reply) => {
    const ids = request.body.data_product_ids ?? [];
    await requireChangeable(db, request.principal, ids);
    const clash = () => conflict(`A group named "${request.body.name}" already exists.`);
    if (await db.selectFrom('data_product_groups').select('id').where('name', '=', request.body.name).executeTakeFirst()) throw clash();
    let id: number;
    try {
      id = await db.transaction().execute(async (trx) => {
        const group = await trx.insertInto('data_product_groups').values({ name: request.body.name, created_at: isoNow() }).returning('id').executeTakeFirstOrThrow();
        await addToGroup(trx, group.id, ids);
        return group.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw clash();
      throw error;
    }
    return reply.code(201).send(await detail(request, id));
  });

  app.post('/data-product-groups/:id/products', {
    config: user,
    schema: {
      tags, summary: 'Add products you may change to a group (already present ones are kept)',
      params: IdParams, body: ProductIds, response: { 200: GroupDetailOut, ...errors },
    },
  }, async (request) => {
    if (!(await groupQuery(db, request.principal).where('g.id', '=', request.params.id).executeTakeFirst())) throw notFound(NO_GROUP);
    await requireChangeable(db, request.principal, request.body.data_product_ids);
    await addToGroup(db, request.params.id, request.body.data_product_ids);
    return detail(request, request.params.id);
  });

  app.delete('/data-product-groups/:id/products/:product', {
    config: user,
    schema: {
      tags, summary: 'Take a product you may change out of a group (the product itself stays)',
      params: Type.Object({ id: Id, product: Id }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    if (!(await groupQuery(db, request.principal).where('g.id', '=', request.params.id).executeTakeFirst())) throw notFound(NO_GROUP);
    await findProduct(db, request, request.params.product, true);
    const removed = await db.deleteFrom('data_product_group_members')
      .where('group_id', '=', request.params.id).where('data_product_id', '=', request.params.product).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('That data product is not in this group.');
    return reply.code(204).send(null);
  });
}

/** Refuses (400, naming them) ids that are not data products the principal may change. */
async function requireChangeable(db: Db, principal: Principal, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const allowed = new Set((await db.selectFrom('data_products').innerJoin('targets', 'targets.id', 'data_products.target_id')
    .select('data_products.id').where('data_products.id', 'in', ids).where(changeableTargets(principal)).execute()).map((r) => r.id));
  const refused = ids.filter((id) => !allowed.has(id));
  if (refused.length > 0) {
    throw badRequest(`Not data products you may change: ${refused.join(', ')}.`, { data_product_ids: [`not yours to change: ${refused.join(', ')}`] });
  }
}
