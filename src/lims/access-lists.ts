// Remote-access lists (spec §3.7): which projects may use the remote-desktop or SSH server at an
// address, and the history of connections those servers report.
import type { Db } from '../platform/db/database.ts';
import { normaliseAddress } from '../platform/http/networks.ts';

export async function accessListFor(db: Db, address: string) {
  const normalised = normaliseAddress(address) ?? address;
  return db.selectFrom('access_lists').select(['id']).where('address', '=', normalised).where('active', '=', true).orderBy('id').executeTakeFirst();
}

export async function accessListUsernames(db: Db, accessListId: number): Promise<string[]> {
  const rows = await db.selectFrom('access_list_projects')
    .innerJoin('projects', 'projects.id', 'access_list_projects.project_id')
    .innerJoin('users', 'users.id', 'projects.user_id')
    .select('users.username')
    .where('access_list_projects.access_list_id', '=', accessListId)
    .orderBy('users.username').execute();
  return rows.map((r) => r.username);
}

export interface ConnectionReport {
  project: string;
  name: string;
  status: 'Connected' | 'Disconnected' | 'Failed' | 'Finished';
  /** "YYYY-MM-DD HH:MM:SS", the reporting server's local time (taken as UTC here). */
  date: string;
}

/** Records each report: a new connection starts at `date`; a known one ends at `date`. Unknown projects are skipped. */
export async function recordConnections(db: Db, accessListId: number, reports: ConnectionReport[]): Promise<number> {
  let recorded = 0;
  await db.transaction().execute(async (trx) => {
    for (const report of reports) {
      const project = await trx.selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id')
        .select('projects.id').where('users.username', '=', report.project).executeTakeFirst();
      if (!project) continue;
      const at = new Date(`${report.date.replace(' ', 'T')}Z`).toISOString();
      const existing = await trx.selectFrom('remote_connections').select('id')
        .where('access_list_id', '=', accessListId).where('name', '=', report.name).where('project_id', '=', project.id).executeTakeFirst();
      if (existing) {
        await trx.updateTable('remote_connections').set({ status: report.status, ended_at: at }).where('id', '=', existing.id).execute();
      } else {
        await trx.insertInto('remote_connections').values({
          access_list_id: accessListId, project_id: project.id, name: report.name, status: report.status, created_at: at, ended_at: null,
        }).execute();
      }
      recorded++;
    }
  });
  return recorded;
}

export async function sshKeysOf(db: Db, username: string): Promise<string[]> {
  const rows = await db.selectFrom('ssh_keys')
    .innerJoin('projects', 'projects.id', 'ssh_keys.project_id')
    .innerJoin('users', 'users.id', 'projects.user_id')
    .select('ssh_keys.key').where('users.username', '=', username).orderBy('ssh_keys.id').execute();
  return rows.map((r) => r.key);
}
