// Which database the suite runs against (LIGHTPATH_TEST_DB=sqlite|postgres, set by scripts/run-tests.js)
// and a fresh, empty database per call: a temporary SQLite file, or a new PostgreSQL database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const TEST_DB = (process.env.LIGHTPATH_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const POSTGRES_ADMIN_URL = process.env.LIGHTPATH_TEST_POSTGRES_URL ?? '';

if (TEST_DB === 'postgres' && !POSTGRES_ADMIN_URL) {
  throw new Error('LIGHTPATH_TEST_DB=postgres needs LIGHTPATH_TEST_POSTGRES_URL');
}

export interface TestDatabase {
  /** DATABASE_URL for the config ('' for the SQLite default in dataDir). */
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

export function tempDir(prefix = 'lightpath-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function freshDatabase(kind: 'sqlite' | 'postgres' = TEST_DB): Promise<TestDatabase> {
  const dataDir = tempDir();
  if (kind === 'sqlite') {
    return { url: '', dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `lp_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
