// User accounts: the people (and beamline project accounts) who log in or hold tokens.
import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import { fetchPage } from '../http/rest-schemas.ts';
import { isoNow } from '../time.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

export interface User {
  id: number;
  username: string;
  fullName: string;
  email: string;
  isStaff: boolean;
  isActive: boolean;
}

export interface NewUser {
  username: string;
  fullName?: string;
  email?: string;
  isStaff?: boolean;
  isActive?: boolean;
  password?: string | null;
}

export type UserChanges = Partial<Omit<NewUser, 'username'>>;

/** The users query a list may filter and order. */
export type UserListQuery = SelectQueryBuilder<Database, 'users', Selectable<UsersTable>>;

export const USERNAME_PATTERN = /^[\w.@+-]{1,150}$/;

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    isStaff: Boolean(row.is_staff),
    isActive: Boolean(row.is_active),
  };
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw badRequest(`Passwords are ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long.`, { password: ['wrong length'] });
  }
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  async create(input: NewUser): Promise<User> {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw badRequest('Usernames are 1 to 150 letters, digits or . @ + - _', { username: ['invalid'] });
    }
    if (input.password != null) checkPassword(input.password);
    if (await this.findByUsername(input.username)) throw conflict(`A user named "${input.username}" already exists.`);
    const now = isoNow();
    const row = await this.db.insertInto('users').values({
      username: input.username,
      full_name: input.fullName ?? '',
      email: input.email ?? '',
      is_staff: input.isStaff ?? false,
      is_active: input.isActive ?? true,
      password_hash: input.password != null ? await hashPassword(input.password) : null,
      created_at: now,
      updated_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    return toUser(row);
  }

  async findByUsername(username: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findById(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async passwordHash(username: string): Promise<{ user: User; hash: string | null } | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row ? { user: toUser(row), hash: row.password_hash } : null;
  }

  /** One page of users, by username unless `refine` filters and orders them otherwise. */
  async list(options: { limit: number; offset: number }, refine: (query: UserListQuery) => UserListQuery = (q) => q.orderBy('username')): Promise<{ total: number; users: User[] }> {
    const page = await fetchPage(refine(this.db.selectFrom('users').selectAll()), options);
    return { total: page.count, users: page.rows.map(toUser) };
  }

  async update(id: number, changes: UserChanges): Promise<User> {
    if (changes.password != null) checkPassword(changes.password);
    const values: Partial<Selectable<UsersTable>> = { updated_at: isoNow() };
    if (changes.fullName !== undefined) values.full_name = changes.fullName;
    if (changes.email !== undefined) values.email = changes.email;
    if (changes.isStaff !== undefined) values.is_staff = changes.isStaff;
    if (changes.isActive !== undefined) values.is_active = changes.isActive;
    if (changes.password !== undefined) values.password_hash = changes.password === null ? null : await hashPassword(changes.password);
    const row = await this.db.updateTable('users').set(values).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw notFound('No such user.');
    return toUser(row);
  }
}
