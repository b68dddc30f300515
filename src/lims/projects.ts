// Projects: the beamline side of a user account (contact and shipping details, the MxDC key).
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { isoNow } from '../platform/time.ts';
import type { ProjectsTable } from './tables.ts';

export interface Project {
  id: number;
  userId: number;
  username: string;
  fullName: string;
  email: string;
  isActive: boolean;
  mxdcKey: string;
}

export const PROJECT_DETAIL_FIELDS = [
  'contact_person', 'contact_email', 'contact_phone', 'carrier', 'account_number', 'organisation',
  'department', 'address', 'city', 'province', 'postal_code', 'country',
] as const;

export type ProjectDetails = Partial<Pick<Selectable<ProjectsTable>, (typeof PROJECT_DETAIL_FIELDS)[number]>>;

function projectQuery(db: Db) {
  return db.selectFrom('projects')
    .innerJoin('users', 'users.id', 'projects.user_id')
    .select(['projects.id', 'projects.user_id', 'projects.mxdc_key', 'users.username', 'users.full_name', 'users.email', 'users.is_active', 'users.disabled_at']);
}

type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectQuery>['executeTakeFirstOrThrow']>>;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id, userId: row.user_id, username: row.username, fullName: row.full_name, email: row.email,
    // Staff's local disable of a directory account holds even if someone sets is_active again.
    isActive: Boolean(row.is_active) && row.disabled_at === null, mxdcKey: row.mxdc_key,
  };
}

export class ProjectRepository {
  constructor(private readonly db: Db) {}

  async byUsername(username: string): Promise<Project | null> {
    const row = await projectQuery(this.db).where('users.username', '=', username).executeTakeFirst();
    return row ? toProject(row) : null;
  }

  async byId(id: number): Promise<Project | null> {
    const row = await projectQuery(this.db).where('projects.id', '=', id).executeTakeFirst();
    return row ? toProject(row) : null;
  }

  async byUserId(userId: number): Promise<Project | null> {
    const row = await projectQuery(this.db).where('projects.user_id', '=', userId).executeTakeFirst();
    return row ? toProject(row) : null;
  }

  /** Makes the user a project (idempotent); returns the project. */
  async ensureFor(userId: number, details: ProjectDetails = {}): Promise<Project> {
    const existing = await this.byUserId(userId);
    if (existing) return existing;
    const now = isoNow();
    await this.db.insertInto('projects').values({
      user_id: userId, mxdc_key: '', contact_person: '', contact_email: '', contact_phone: '', carrier: '', account_number: '',
      organisation: '', department: '', address: '', city: '', province: '', postal_code: '', country: '',
      ...details, created_at: now, updated_at: now,
    }).execute();
    return (await this.byUserId(userId))!;
  }

  async details(id: number): Promise<Selectable<ProjectsTable> | null> {
    return (await this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async updateDetails(id: number, details: ProjectDetails): Promise<void> {
    await this.db.updateTable('projects').set({ ...details, updated_at: isoNow() }).where('id', '=', id).execute();
  }

  /** Stores the MxDC key only when none is set (spec §2.4); true when it was stored. */
  async initialiseMxdcKey(username: string, key: string): Promise<Project | null> {
    const project = await this.byUsername(username);
    if (!project) return null;
    const result = await this.db.updateTable('projects').set({ mxdc_key: key, updated_at: isoNow() })
      .where('id', '=', project.id).where('mxdc_key', '=', '').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? project : null;
  }

  /** Staff reset: blanks the key so MxDC registers a new one. */
  async resetMxdcKey(id: number): Promise<void> {
    await this.db.updateTable('projects').set({ mxdc_key: '', updated_at: isoNow() }).where('id', '=', id).execute();
  }
}
