// /ssh-keys: the SSH public keys on a project's profile (served to the facility's sshd).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { addSshKey, deleteSshKey, fingerprint, visibleSshKey } from '../ssh-keys.ts';
import type { SshKey } from '../ssh-keys.ts';
import { ownedBy, projectForNewRecord } from '../visibility.ts';
import { ErrorOut, Id, IdParams, ListQuery, Page, Timestamp, actorOf, errors, fetchPage, sorting, user } from './common.ts';
import { Ref, refIds } from './filters.ts';

const SshKeyOut = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  name: Type.String(),
  key: Type.String(),
  fingerprint: Type.String({ description: 'MD5 of the key text as colon-separated hex, as MxLIVE showed it.' }),
  created_at: Timestamp,
  updated_at: Timestamp,
}, { $id: 'SshKey' });

const SshKeyIn = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  key: Type.String({ minLength: 1, maxLength: 16384, description: 'One OpenSSH public key line: "ssh-ed25519 AAAA… comment".' }),
  project_id: Type.Optional(Id),
}, { additionalProperties: false });

const order = sorting({ id: 'ssh_keys.id', name: 'ssh_keys.name', created_at: 'ssh_keys.created_at' }, 'ssh_keys.id');

const sshKeyOut = (row: SshKey) => ({ ...row, fingerprint: fingerprint(row.key) });

export async function sshKeyRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['ssh-keys'];

  app.get('/ssh-keys', {
    config: user,
    schema: { tags, summary: 'SSH keys: your project\'s, or every project\'s for staff', querystring: ListQuery({ project: Ref('project', 'project'), ordering: order.param }), response: { 200: Page(SshKeyOut), 400: ErrorOut } },
  }, async (request) => {
    const visible = db.selectFrom('ssh_keys').selectAll().where(ownedBy(actorOf(request), 'ssh_keys.project_id'));
    let query = order.apply(visible, request.query.ordering, (q) => q.orderBy('id'));
    if (request.query.project !== undefined) query = query.where('project_id', 'in', refIds(db, 'project', request.query.project));
    const page = await fetchPage(query, request.query);
    return { count: page.count, results: page.rows.map(sshKeyOut) };
  });

  app.post('/ssh-keys', {
    config: user,
    schema: { tags, summary: 'Add an SSH public key (staff name the project)', body: SshKeyIn, response: { 201: SshKeyOut, ...errors } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const projectId = await projectForNewRecord(db, actor, request.body.project_id);
    return reply.code(201).send(sshKeyOut(await addSshKey(db, actor, projectId, request.body)));
  });

  app.get('/ssh-keys/:id', {
    config: user,
    schema: { tags, summary: 'One SSH key', params: IdParams, response: { 200: SshKeyOut, ...errors } },
  }, async (request) => sshKeyOut(await visibleSshKey(db, actorOf(request), request.params.id)));

  app.delete('/ssh-keys/:id', {
    config: user,
    schema: { tags, summary: 'Remove an SSH key', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteSshKey(db, actorOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
