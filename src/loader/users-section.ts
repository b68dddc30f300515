// `users:` in a load file: accounts, created or brought up to date.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { UserRepository } from '../platform/auth/users.ts';
import { verifyPassword } from '../platform/auth/passwords.ts';
import type { LoadSection } from './section.ts';
import { differences } from './report.ts';
import { refuseRepeats } from './repeats.ts';

const UserEntry = Type.Object({
  username: Type.String({ pattern: '^[\\w.@+-]{1,150}$' }),
  // The API's limits (PostgreSQL refuses longer names and addresses with an error, not a message).
  full_name: Type.Optional(Type.String({ maxLength: 300 })),
  email: Type.Optional(Type.String({ maxLength: 300 })),
  staff: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
  password: Type.Optional(Type.String({ minLength: 4, maxLength: 1024 })),
}, { additionalProperties: false });

const UsersSection = Type.Array(UserEntry);

export const usersSection: LoadSection<Static<typeof UsersSection>> = {
  key: 'users',
  schema: UsersSection,
  async apply(entries, { db, report }) {
    const users = new UserRepository(db);
    refuseRepeats(entries, (e) => e.username, (e) => `user ${e.username} is listed twice`);
    for (const entry of entries) {
      const wanted = { fullName: entry.full_name, email: entry.email, isStaff: entry.staff, isActive: entry.active };
      const existing = await users.passwordHash(entry.username);
      if (!existing) {
        await users.create({ username: entry.username, ...wanted, password: entry.password ?? null });
        report.add('user', entry.username, 'created');
        continue;
      }
      const changes = differences(existing.user as unknown as Record<string, unknown>, wanted);
      // Re-hash only when the password really differs, so loading twice changes nothing.
      const passwordChanged = entry.password !== undefined && !(await verifyPassword(entry.password, existing.hash));
      if (changes.length === 0 && !passwordChanged) {
        report.add('user', entry.username, 'unchanged');
        continue;
      }
      await users.update(existing.user.id, {
        ...Object.fromEntries(changes.map((key) => [key, wanted[key as keyof typeof wanted]])),
        ...(passwordChanged ? { password: entry.password } : {}),
      });
      report.add('user', entry.username, 'updated', [...changes.map(snakeName), ...(passwordChanged ? ['password'] : [])]);
    }
  },
};

function snakeName(key: string): string {
  return ({ fullName: 'full_name', isStaff: 'staff', isActive: 'active' } as Record<string, string>)[key] ?? key;
}
