import fs from 'node:fs';
import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { planMigrations } from '../platform/db/migration-plan.ts';
import { recountRows } from '../platform/db/row-counts.ts';
import type { MigrationPlan } from '../platform/db/migration-plan.ts';
import { reachDatabase } from './failure-causes.ts';
import { CommandFailure } from './failures.ts';

/** `--dry-run`'s exit status when migrations are pending (0: none; 1 and 2 are failures). */
export const PENDING_EXIT_CODE = 3;

export const migrate: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (--dry-run: list them; --recount: recount kept row counts)',
  help: `Usage: lightpath migrate [--dry-run | --recount]

Applies every pending migration to the configured database (SQLite file or DATABASE_URL) and
prints their names. \`serve\` and \`worker\` do this on start as well; running it on its own is
useful before starting several servers at once.

Options:
  --dry-run  change nothing: list the pending migrations, what each is for, the release it
             belongs to and the SQL it would run on this database. Exits 0 when there is
             nothing to apply, ${PENDING_EXIT_CODE} when migrations are pending.
  --recount  after migrating, count the rows of the tables whose counts triggers keep (staff's
             list totals) and set those counts; for when \`lightpath doctor\` finds one wrong.
             Writers to those tables wait while it counts.`,
  async run(args) {
    const { values } = parseOptions(args, { 'dry-run': { type: 'boolean' }, recount: { type: 'boolean' } });
    const config = loadConfig();
    if (values['dry-run']) {
      const plan = await reachDatabase(config, async () => {
        // A SQLite file that does not exist yet is not created by looking: plan against an empty database.
        const absent = config.database.kind === 'sqlite' && !fs.existsSync(config.database.sqliteFile);
        const database = openDatabase(absent ? { database: { ...config.database, sqliteFile: ':memory:' } } : config);
        try {
          return await planMigrations(database, config.database.url);
        } finally {
          await database.close();
        }
      });
      return printPlan(plan);
    }
    const { applied } = await reachDatabase(config, async () => {
      const database = openDatabase(config);
      try {
        const report = await migrateToLatest(database.db, database.kind);
        if (values.recount) await recountRows(database.db, database.kind);
        return report;
      } finally {
        await database.close();
      }
    });
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
    if (values.recount) process.stdout.write('Row counts recounted.\n');
    return 0;
  },
};

function printPlan(plan: MigrationPlan): number {
  if (plan.unknown.length > 0) {
    throw new CommandFailure(`the database has migrations this Lightpath does not know (${plan.unknown.join(', ')}): `
      + 'it was migrated by a newer version; run that version, or restore a backup taken before the upgrade');
  }
  if (plan.pending.length === 0) {
    process.stdout.write('Database is up to date: nothing to migrate.\n');
    return 0;
  }
  const lines = [`${plan.pending.length} migration(s) pending; nothing was changed:`];
  for (const migration of plan.pending) {
    lines.push('', `${migration.name} (${migration.release ? `release ${migration.release}` : 'not released yet'})`);
    if (migration.description) lines.push(`  ${migration.description}`);
    for (const statement of migration.statements) lines.push(`  ${statement.replace(/\s*\n\s*/g, ' ')};`);
  }
  lines.push('', 'Run "lightpath migrate" to apply them.');
  process.stdout.write(`${lines.join('\n')}\n`);
  return PENDING_EXIT_CODE;
}
