// Runs PostgreSQL's pg_dump and pg_restore for DATABASE_URL. The password goes in the
// environment, not the arguments, where `ps` would show it.
import { spawn } from 'node:child_process';
import { BackupError } from './backup-error.ts';

export async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const child = spawn(tool, [...args, `--dbname=${url.toString()}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new BackupError(`${tool} is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`);
    throw error;
  });
  if (code !== 0) {
    const said = errors.trim().split('\n').slice(0, 5).join('; ');
    throw new BackupError(`${tool} failed (exit ${code}): ${said || 'it gave no reason'}`);
  }
}
