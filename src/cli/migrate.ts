import type { Command } from './command.ts';
import { parseOptions } from './command.ts';
import { configOrExit } from './runtime.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';

export const migrate: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  help: `Usage: lightpath migrate

Applies every pending migration to the configured database (SQLite file or DATABASE_URL) and
prints their names. \`serve\` and \`worker\` do this on start as well; running it on its own is
useful before starting several servers at once.`,
  async run(args) {
    parseOptions(args, {});
    const config = configOrExit();
    const database = openDatabase(config);
    try {
      const { applied } = await migrateToLatest(database.db, database.kind);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
      return 0;
    } finally {
      await database.close();
    }
  },
};
