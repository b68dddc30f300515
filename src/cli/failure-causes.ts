// Turns the errors of the two things every long-running command needs — a port to listen on and
// a database — into CommandFailures that name the setting to change.
import type { Config } from '../config.ts';
import { CommandFailure, describeFileError } from './failures.ts';

/**
 * Listens, or runs `cleanUp` and fails with a line such as "port 3000 is in use: stop the other
 * server or set PORT". `setting` is what changes the port (PORT, LIGHTPATH_PROXY_PORT, --port).
 */
export async function listenOrFail<T>(
  listen: () => Promise<T>, where: { host: string; port: number }, setting: string, cleanUp: () => Promise<void> = async () => {},
): Promise<T> {
  try {
    return await listen();
  } catch (error) {
    await cleanUp();
    const code = (error as NodeJS.ErrnoException).code;
    const change = setting.startsWith('--') ? `give another with ${setting}` : `set ${setting}`;
    if (code === 'EADDRINUSE') throw new CommandFailure(`port ${where.port} is in use: stop the other server or ${change}`, 1, { cause: error });
    if (code === 'EACCES') throw new CommandFailure(`port ${where.port} needs privileges this user lacks: ${change} to a port above 1023`, 1, { cause: error });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      throw new CommandFailure(`cannot listen on ${where.host}: this machine has no such address: set HOST`, 1, { cause: error });
    }
    throw error;
  }
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset',
};

/** Runs `open` (connect, migrate); a database that cannot be reached or opened becomes one line. */
export async function reachDatabase<T>(config: Config, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    const problem = connectionProblem(error);
    if (problem === null) throw error;
    const message = config.database.kind === 'sqlite'
      ? `cannot open the database ${config.database.sqliteFile}: ${problem.reason}: check LIGHTPATH_DATA_DIR (or DATABASE_URL)`
      : problem.unreachable
        ? `cannot reach the database at ${whereIs(config.database.url)}: ${problem.reason}: start PostgreSQL or correct DATABASE_URL`
        : `the database at ${whereIs(config.database.url)} refused the connection: ${problem.reason}: correct DATABASE_URL`;
    throw new CommandFailure(message, 1, { cause: error });
  }
}

/**
 * Why the database could not be used, when that is the problem (unreachable: nothing answered);
 * null for any other error.
 */
function connectionProblem(error: unknown): { reason: string; unreachable: boolean } | null {
  for (const e of errorChain(error)) {
    const { code } = e as NodeJS.ErrnoException;
    if (code && code in NETWORK_ERRORS) return { reason: NETWORK_ERRORS[code], unreachable: true };
    // PostgreSQL refusing us: authentication (28…) or an unknown database (3D000).
    if (code && /^(28...|3D000)$/.test(code)) return { reason: e.message, unreachable: false };
    if (/^SASL: /.test(e.message)) return { reason: `${e.message} (is the password missing from the URL?)`, unreachable: false };
    if (code?.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_READONLY')) return { reason: e.message, unreachable: false };
    const file = describeFileError(e);
    if (file) return { reason: file, unreachable: false };
  }
  return null;
}

/** The error, its causes, and the attempts of an AggregateError (one per address tried). */
function errorChain(error: unknown): Error[] {
  const found: Error[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (!(next instanceof Error)) continue;
    found.push(next);
    if (next.cause) queue.push(next.cause);
    if (next instanceof AggregateError) queue.push(...next.errors);
  }
  return found;
}

/** host:port/database of a PostgreSQL URL, without the user or password. */
function whereIs(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
