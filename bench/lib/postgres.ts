// A throw-away PostgreSQL database per benchmark run, on the cluster named by
// LIGHTPATH_BENCH_POSTGRES_URL (or LIGHTPATH_TEST_POSTGRES_URL): created fresh, dropped after.
import crypto from 'node:crypto';
import pg from 'pg';

export function postgresAdminUrl(): string | null {
  return process.env.LIGHTPATH_BENCH_POSTGRES_URL || process.env.LIGHTPATH_TEST_POSTGRES_URL || null;
}

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `lp_bench_${crypto.randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Runs `work` on a fresh database of the benchmark cluster, dropped after; null when no cluster is named. */
export async function onFreshPostgres<T>(benchmark: string, work: (url: string) => Promise<T>): Promise<T | null> {
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) {
    console.error(`  ${benchmark}: PostgreSQL skipped (set LIGHTPATH_BENCH_POSTGRES_URL or LIGHTPATH_TEST_POSTGRES_URL)`);
    return null;
  }
  const database = await freshPostgresDatabase(adminUrl);
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}

/**
 * Gathers the planner's statistics, which autovacuum would a minute or more after a load (a
 * facility's database has them; without, joins are planned as if every table were empty).
 */
export async function analyzeDatabase(url: string): Promise<void> {
  await admin(url, (client) => client.query('analyze'));
}

/** The PostgreSQL backends serving a database's other connections (a server's pool), for their CPU time. */
export async function databaseBackends(url: string): Promise<number[]> {
  const { rows } = await admin(url, (client) => client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'));
  return rows.map((row) => row.pid);
}
