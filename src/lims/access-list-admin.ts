// Remote-access lists managed by staff: a remote-desktop or SSH server's address, the projects
// allowed on it and the beamlines it serves. The server itself reads its list through the MxDC
// API (/api/v2/accesslist/); this is the staff side, plus the connection history it reports.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { normaliseAddress } from '../platform/http/networks.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { isoNow } from '../platform/time.ts';
import { logActivity } from './activity.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import type { AccessListsTable } from './tables.ts';
import type { Actor } from './visibility.ts';

export type AccessList = Selectable<AccessListsTable> & { project_ids: number[]; beamline_ids: number[] };

export interface AccessListFields {
  name?: string;
  description?: string;
  address?: string;
  active?: boolean;
  project_ids?: number[];
  beamline_ids?: number[];
}

/** Stored in canonical form, the form the access-list API compares the caller's address in. */
function canonicalAddress(text: string): string {
  const looksLikeIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(text.trim()) || text.includes(':');
  const normalised = looksLikeIp ? normaliseAddress(text) : null;
  if (normalised === null) throw badRequest(`"${text}" is not an IP address.`, { address: ['not an IP address'] });
  return normalised;
}

async function requireAll(db: Db, table: 'projects' | 'beamlines', ids: number[], field: string): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = new Set((await db.selectFrom(table).select('id').where('id', 'in', unique).execute()).map((r) => r.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) throw badRequest(`Unknown ${table}: ${missing.join(', ')}.`, { [field]: missing.map((id) => `no ${table.slice(0, -1)} ${id}`) });
  return unique;
}

/** Lists with their members, in one query per membership table. */
export async function withMembers(db: Db, lists: Selectable<AccessListsTable>[]): Promise<AccessList[]> {
  const ids = lists.map((l) => l.id);
  if (ids.length === 0) return [];
  const projects = await db.selectFrom('access_list_projects').select(['access_list_id', 'project_id']).where('access_list_id', 'in', ids).orderBy('project_id').execute();
  const beamlines = await db.selectFrom('access_list_beamlines').select(['access_list_id', 'beamline_id']).where('access_list_id', 'in', ids).orderBy('beamline_id').execute();
  return lists.map((l) => ({
    ...l,
    project_ids: projects.filter((p) => p.access_list_id === l.id).map((p) => p.project_id),
    beamline_ids: beamlines.filter((b) => b.access_list_id === l.id).map((b) => b.beamline_id),
  }));
}

export async function findAccessList(db: Db, id: number): Promise<AccessList> {
  const row = await db.selectFrom('access_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('No such access list.');
  return (await withMembers(db, [row]))[0];
}

const uniqueName = <T>(name: string | undefined, work: () => Promise<T>) =>
  uniqueOr(work, () => conflict(`An access list named ${name} already exists.`));

async function setMembers(trx: Db, id: number, fields: AccessListFields): Promise<void> {
  if (fields.project_ids !== undefined) {
    const projectIds = await requireAll(trx, 'projects', fields.project_ids, 'project_ids');
    await trx.deleteFrom('access_list_projects').where('access_list_id', '=', id).execute();
    if (projectIds.length) await trx.insertInto('access_list_projects').values(projectIds.map((p) => ({ access_list_id: id, project_id: p }))).execute();
  }
  if (fields.beamline_ids !== undefined) {
    const beamlineIds = await requireAll(trx, 'beamlines', fields.beamline_ids, 'beamline_ids');
    await trx.deleteFrom('access_list_beamlines').where('access_list_id', '=', id).execute();
    if (beamlineIds.length) await trx.insertInto('access_list_beamlines').values(beamlineIds.map((b) => ({ access_list_id: id, beamline_id: b }))).execute();
  }
}

const log = (db: Db, actor: Actor, id: number, action: 'create' | 'modify' | 'delete', description: string) =>
  logActivity(db, { projectId: null, userId: actor.userId, address: actor.address, action, objectType: 'access_list', objectId: id, description });

export async function createAccessList(db: Db, actor: Actor, fields: AccessListFields & { name: string; address: string }): Promise<AccessList> {
  const address = canonicalAddress(fields.address);
  return uniqueName(fields.name, () => db.transaction().execute(async (trx) => {
    const now = isoNow();
    const row = await trx.insertInto('access_lists').values({
      name: fields.name, description: fields.description ?? '', address, active: fields.active ?? false, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await setMembers(trx, row.id, fields);
    await log(trx, actor, row.id, 'create', `Access list ${fields.name} created`);
    return findAccessList(trx, row.id);
  }));
}

/** Member lists given here replace the old ones. */
export async function updateAccessList(db: Db, actor: Actor, id: number, fields: AccessListFields): Promise<AccessList> {
  const { project_ids: _projects, beamline_ids: _beamlines, ...columns } = fields;
  if (columns.address !== undefined) columns.address = canonicalAddress(columns.address);
  return uniqueName(fields.name, () => db.transaction().execute(async (trx) => {
    await findAccessList(trx, id);
    await trx.updateTable('access_lists').set({ ...columns, updated_at: isoNow() }).where('id', '=', id).execute();
    await setMembers(trx, id, fields);
    await log(trx, actor, id, 'modify', `Access list changed: ${Object.keys(fields).join(', ')}`);
    return findAccessList(trx, id);
  }));
}

export async function deleteAccessList(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await findAccessList(trx, id);
    await trx.deleteFrom('access_lists').where('id', '=', id).execute();
    await log(trx, actor, id, 'delete', `Access list ${current.name} deleted`);
  });
}
