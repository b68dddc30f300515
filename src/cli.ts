// `lightpath <command>`: the entry point behind bin/lightpath.js.
import type { Command } from './cli/command.ts';
import { UsageError } from './cli/command.ts';
import { reportFailure } from './cli/failures.ts';
import { serve } from './cli/serve.ts';
import { worker } from './cli/worker.ts';
import { migrate } from './cli/migrate.ts';
import { load } from './cli/load.ts';
import { user } from './cli/user.ts';
import { jobs } from './cli/jobs.ts';
import { timelapse } from './cli/timelapse.ts';
import { proxy } from './cli/proxy.ts';
import { fakeLco } from './cli/fake-lco.ts';
import { backup } from './cli/backup.ts';
import { restore } from './cli/restore.ts';
import { doctor } from './cli/doctor.ts';

const commands: Command[] = [serve, worker, proxy, migrate, doctor, load, user, jobs, timelapse, backup, restore, fakeLco];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: lightpath <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "lightpath <command> --help" for a command\'s options. Configuration comes from',
    'environment variables: see docs/configuration.md.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${overview()}\n`);
    return name ? 0 : 64;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`lightpath: unknown command "${name}"\n\n${overview()}\n`);
    return 64;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`lightpath ${name}: ${error.message}\n\n${command.help}\n`);
      return 64;
    }
    return reportFailure(name, error);
  }
}
