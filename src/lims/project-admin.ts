// Changes to projects: staff create one for an existing user account and reset its MxDC key;
// owners and staff change contact and shipping details. Each change is in the activity log.
import type { Db } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/http/errors.ts';
import { logActivity } from './activity.ts';
import { uniqueOr } from '../platform/db/unique-violation.ts';
import { ProjectRepository } from './projects.ts';
import { UserRepository } from '../platform/auth/users.ts';
import type { NewUser } from '../platform/auth/users.ts';
import type { ProjectDetails } from './projects.ts';
import { ownedBy } from './visibility.ts';
import type { Actor } from './visibility.ts';

export async function requireVisibleProject(db: Db, actor: Actor, id: number): Promise<void> {
  const row = await db.selectFrom('projects').select('id').where('id', '=', id).where(ownedBy(actor, 'projects.id')).executeTakeFirst();
  if (!row) throw notFound('No such project.');
}

export async function createProject(db: Db, actor: Actor, userRef: { user_id?: number; username?: string }, details: ProjectDetails): Promise<number> {
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('users').select(['id', 'username']);
    query = userRef.user_id !== undefined ? query.where('id', '=', userRef.user_id) : query.where('username', '=', userRef.username ?? '');
    const account = await query.executeTakeFirst();
    const field = userRef.user_id !== undefined ? 'user_id' : 'username';
    if (!account) throw badRequest('No such user.', { [field]: ['no such user'] });
    const projects = new ProjectRepository(trx);
    if (await projects.byUserId(account.id)) throw conflict(`${account.username} already has a project.`);
    const project = await projects.ensureFor(account.id, details);
    await logActivity(trx, { projectId: project.id, userId: actor.userId, address: actor.address, action: 'create', objectType: 'project', objectId: project.id, description: `Project created for ${account.username}` });
    return project.id;
  }), () => conflict('That user already has a project.'));
}

/** A new login account and its project in one transaction: either both exist afterwards or neither. */
export async function createProjectAccount(db: Db, actor: Actor, account: Omit<NewUser, 'isStaff'>, details: ProjectDetails): Promise<number> {
  return uniqueOr(() => db.transaction().execute(async (trx) => {
    const created = await new UserRepository(trx).create({ ...account, isStaff: false });
    const project = await new ProjectRepository(trx).ensureFor(created.id, details);
    await logActivity(trx, { projectId: project.id, userId: actor.userId, address: actor.address, action: 'create', objectType: 'project', objectId: project.id, description: `Project account ${created.username} created` });
    return project.id;
  }), () => conflict(`A user named "${account.username}" already exists.`));
}

export async function updateProject(db: Db, actor: Actor, id: number, details: ProjectDetails): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await requireVisibleProject(trx, actor, id);
    await new ProjectRepository(trx).updateDetails(id, details);
    await logActivity(trx, { projectId: id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'project', objectId: id, description: `Project details changed: ${Object.keys(details).join(', ')}` });
  });
}

/** Blanks the MxDC key: signed requests are then refused (400) until MxDC registers a new key. */
export async function resetProjectKey(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await requireVisibleProject(trx, actor, id);
    await new ProjectRepository(trx).resetMxdcKey(id);
    await logActivity(trx, { projectId: id, userId: actor.userId, address: actor.address, action: 'modify', objectType: 'project', objectId: id, description: 'MxDC key reset' });
  });
}
