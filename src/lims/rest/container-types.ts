// /container-types: the built-in (and any added) container types with their locations and what
// each location accepts, so clients can draw layouts and pick valid slots.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { ErrorOut, IdParams, ListQuery, Page, errors, fetchPage, sorting, user } from './common.ts';

const LocationOut = Type.Object({
  name: Type.String(),
  x: Type.Number(),
  y: Type.Number(),
  accepts: Type.Array(Type.String(), { description: 'Container types this location holds; empty when it holds a sample.' }),
});

const ContainerTypeOut = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  envelope: Type.String(),
  height: Type.Number(),
  radius: Type.Number(),
  locations: Type.Array(LocationOut),
}, { $id: 'ContainerType' });

const order = sorting({ id: 'container_types.id', name: 'container_types.name' }, 'container_types.id');

async function withLocations(db: Db, types: { id: number; name: string; envelope: string; height: number; radius: number }[]) {
  const ids = types.map((t) => t.id);
  if (ids.length === 0) return [];
  const locations = await db.selectFrom('container_locations').select(['id', 'container_type_id', 'name', 'x', 'y'])
    .where('container_type_id', 'in', ids).orderBy('container_type_id').orderBy('position').execute();
  const accepts = await db.selectFrom('container_location_accepts as a').innerJoin('container_types as t', 't.id', 'a.accepts_type_id')
    .innerJoin('container_locations as l', 'l.id', 'a.location_id')
    .select(['a.location_id', 't.name']).where('l.container_type_id', 'in', ids).orderBy('t.name').execute();
  return types.map((t) => ({
    ...t,
    locations: locations.filter((l) => l.container_type_id === t.id).map((l) => ({
      name: l.name, x: l.x, y: l.y, accepts: accepts.filter((a) => a.location_id === l.id).map((a) => a.name),
    })),
  }));
}

export async function containerTypeRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['container-types'];
  const columns = ['id', 'name', 'envelope', 'height', 'radius'] as const;

  app.get('/container-types', {
    config: user,
    schema: { tags, summary: 'Container types with their locations', querystring: ListQuery({ ordering: order.param }), response: { 200: Page(ContainerTypeOut), 400: ErrorOut } },
  }, async (request) => {
    const page = await fetchPage(order.apply(db.selectFrom('container_types').select(columns), request.query.ordering, (q) => q.orderBy('id')), request.query);
    return { count: page.count, results: await withLocations(db, page.rows) };
  });

  app.get('/container-types/:id', {
    config: user,
    schema: { tags, summary: 'One container type with its locations', params: IdParams, response: { 200: ContainerTypeOut, ...errors } },
  }, async (request) => {
    const row = await db.selectFrom('container_types').select(columns).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('No such container type.');
    return (await withLocations(db, [row]))[0];
  });
}
