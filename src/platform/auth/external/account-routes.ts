// Staff's view and control of accounts that sign in through the directory or identity provider:
// where a person signs in, what the mapping linked them to at their last sign-in, and the local
// "disable" that keeps them out whatever the directory says (their sessions end, their tokens stop).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { isoNow } from '../../time.ts';
import { ErrorOut, IdParams, UserOut, userOut } from '../schemas.ts';
import { toUser } from '../users.ts';

const tags = ['accounts'];
const staff = { access: { allow: 'staff' as const } };

const SignInOut = Type.Object({
  user: UserOut,
  auth_source: Type.Union([Type.Literal('local'), Type.Literal('ldap'), Type.Literal('oidc')], { description: 'Where the password lives.' }),
  disabled_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When staff disabled the account locally; null when not disabled.' }),
  links: Type.Array(Type.Object({
    kind: Type.Union([Type.Literal('staff'), Type.Literal('project'), Type.Literal('telescope')]),
    name: Type.String({ description: 'The project username, the telescope group, or "staff".' }),
    created_at: Type.String({ format: 'date-time' }),
  }), { description: 'What the identity mapping granted at the last sign-in.' }),
}, { $id: 'ExternalSignIn' });

async function signInOf(db: Db, userId: number) {
  const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('No such user.');
  const links = await db.selectFrom('external_links').select(['kind', 'name', 'created_at']).where('user_id', '=', userId).orderBy('kind').orderBy('name').execute();
  return { user: userOut(toUser(row)), auth_source: row.auth_source, disabled_at: row.disabled_at, links };
}

async function externalUser(db: Db, userId: number): Promise<void> {
  const row = await db.selectFrom('users').select('auth_source').where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('No such user.');
  if (row.auth_source === 'local') throw badRequest('This is a local account: deactivate it with PATCH /users/{id} and {"is_active": false}.');
}

export async function externalAccountRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, sessions } = platform;

  app.get('/users/:id/sign-in', {
    config: staff,
    schema: { tags, summary: 'Where a user signs in and what the identity mapping linked them to (staff)', params: IdParams, response: { 200: SignInOut, 404: ErrorOut } },
  }, async (request) => signInOf(db, request.params.id));

  app.post('/users/:id/disable', {
    config: staff,
    schema: {
      tags, summary: 'Disable a directory or identity-provider account locally (staff): it cannot sign in, its sessions end and its API tokens stop working',
      params: IdParams, response: { 200: SignInOut, 400: ErrorOut, 404: ErrorOut },
    },
  }, async (request) => {
    const id = request.params.id;
    await externalUser(db, id);
    await db.updateTable('users').set({ disabled_at: isoNow(), is_active: false, updated_at: isoNow() }).where('id', '=', id).where('disabled_at', 'is', null).execute();
    await sessions.destroyAllFor(id);
    return signInOf(db, id);
  });

  app.post('/users/:id/enable', {
    config: staff,
    schema: {
      tags, summary: 'Lift a local disable (staff); the account becomes active again at its next sign-in, with what the mapping then grants',
      params: IdParams, response: { 200: SignInOut, 400: ErrorOut, 404: ErrorOut },
    },
  }, async (request) => {
    const id = request.params.id;
    await externalUser(db, id);
    await db.updateTable('users').set({ disabled_at: null, updated_at: isoNow() }).where('id', '=', id).execute();
    return signInOf(db, id);
  });
}
