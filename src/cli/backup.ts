import path from 'node:path';
import type { Command } from './command.ts';
import { parseOptions, UsageError } from './command.ts';
import { loadConfig } from '../config.ts';
import { LocalFileStore } from '../platform/storage/local-store.ts';
import { writeBackup } from '../platform/backup/write-backup.ts';
import { asCommandFailure } from './backup-failures.ts';
import { reachDatabase } from './failure-causes.ts';

export const backup: Command = {
  name: 'backup',
  summary: 'write a consistent backup of the database and files, while servers run',
  help: `Usage: lightpath backup DEST [--link-dest DIR]

Writes a backup into a new folder DEST/<UTC date and time>/ (for example
DEST/20261207T020000Z), while servers and workers keep running: the database (SQLite's online
backup, or pg_dump --format=custom when DATABASE_URL is set), then exactly the stored files
its rows name, and manifest.json with the schema version, row counts and a sha256 of every
file. A file unchanged since the newest backup in DEST is hard-linked from it instead of
copied, so each backup is complete on its own but only new files take space. A data product
whose file is being uploaded or deleted at the instant of the snapshot is left out (named on
stderr and in the manifest), as if the upload came just after the backup or the delete just
before. The folder appears only once the backup is complete. Prints the folder's path.

Options:
  --link-dest DIR  hard-link unchanged files from this backup instead of the newest in DEST`,
  async run(args) {
    const { values, positionals } = parseOptions(args, { 'link-dest': { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('give one DEST folder');
    const config = loadConfig();
    const store = new LocalFileStore(path.join(config.dataDir, 'files'));
    const result = await asCommandFailure(() => reachDatabase(config, () => writeBackup(config, store, {
      destination: path.resolve(positionals[0]),
      linkDest: values['link-dest'] ? path.resolve(values['link-dest']) : null,
    })));
    const { database, files } = result.manifest;
    const rows = Object.values(database.row_counts).reduce((a, b) => a + b, 0);
    const linked = result.linked > 0 ? `, ${result.linked} of them linked from ${result.manifest.linked_from}` : '';
    process.stdout.write(`Backed up ${database.kind} database (schema ${database.schema_version}, ${rows} rows) and ${files.length} file(s)${linked}\n`);
    for (const row of database.left_out) process.stderr.write(`left out data product ${row.id}: ${row.reason}\n`);
    process.stdout.write(`${result.directory}\n`);
    return 0;
  },
};
