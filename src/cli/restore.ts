import type { Command } from './command.ts';
import { parseOptions, UsageError } from './command.ts';
import { loadConfig } from '../config.ts';
import { restoreBackup, verifyBackup } from '../platform/backup/restore-backup.ts';
import { asCommandFailure } from './backup-failures.ts';
import { reachDatabase } from './failure-causes.ts';

export const restore: Command = {
  name: 'restore',
  summary: 'restore a backup into an empty data directory and database',
  help: `Usage: lightpath restore SRC [--verify]

Restores the backup in SRC (a folder written by "lightpath backup", or the folder of backups,
whose newest is then taken) into the configured data directory (LIGHTPATH_DATA_DIR) and
database (the SQLite file, or DATABASE_URL). Both must be empty: restore never mixes a backup
with data already there. Every checksum in the backup's manifest is checked before anything
is written. A backup from an older Lightpath is migrated after the restore; one from a newer
Lightpath is refused.

Options:
  --verify  only check the backup's manifest and checksums; restore nothing`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { verify: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('give one SRC folder');
    const [source] = positionals;
    if (values.verify) {
      const { directory, manifest } = await asCommandFailure(() => verifyBackup(source));
      process.stdout.write(`${directory} is whole: ${manifest.database.kind} database (schema ${manifest.database.schema_version}) `
        + `and ${manifest.files.length} file(s) match their checksums\n`);
      return 0;
    }
    const config = loadConfig();
    const { directory, manifest, applied } = await asCommandFailure(() => reachDatabase(config, () => restoreBackup(config, source)));
    process.stdout.write(`Restored ${directory} (taken ${manifest.created_at} by Lightpath ${manifest.lightpath_version}): `
      + `${manifest.database.kind} database, schema ${manifest.database.schema_version}, ${manifest.files.length} file(s)\n`);
    const leftOut = manifest.database.left_out.length;
    if (leftOut > 0) process.stdout.write(`Removed ${leftOut} data product(s) whose files were being uploaded or deleted during the backup\n`);
    process.stdout.write(applied.length > 0 ? `Then migrated: ${applied.join(', ')}\n` : 'The schema is current: nothing to migrate.\n');
    return 0;
  },
};
