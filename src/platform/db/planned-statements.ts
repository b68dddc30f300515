// PostgreSQL parses and plans a statement each time it arrives as text. For the few statements a
// hot route runs on every call, planning can cost far more than running (MxDC's eight-table
// sample list: planning several times its execution). Statements registered here are sent as
// named prepared statements instead: each pooled connection parses one once, and after five calls
// PostgreSQL keeps one generic plan for it, unless that plan's estimate is far above the custom
// plans' (then it plans every call: keep values that swing estimates, like a fixed state, out of
// the parameters; see project-samples.ts). Everything else is sent as before. SQLite needs none of
// this (its statements are kept by database.ts).
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

/** Few and fixed: each is kept on every connection of the pool. */
const MAX_STATEMENTS = 20;
const names = new Map<string, string>();

/** Asks for `sqlText` to be kept planned on PostgreSQL connections (no effect on SQLite). */
export function keepPlanned(sqlText: string): void {
  if (!names.has(sqlText) && names.size < MAX_STATEMENTS) names.set(sqlText, `lightpath_planned_${names.size + 1}`);
}

/** The pool as Kysely's PostgreSQL dialect takes it, sending registered statements by name. */
export function withPlannedStatements(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((text: unknown, values?: unknown[]) => {
      const name = typeof text === 'string' ? names.get(text) : undefined;
      // A cursor (streamed rows) arrives as an object and goes through untouched.
      return name ? client.query({ name, text: text as string, values }) : client.query(text as string, values);
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  });
  return {
    async connect() {
      const client = await pool.connect();
      let connection = wrapped.get(client);
      if (!connection) {
        connection = wrap(client);
        wrapped.set(client, connection);
      }
      return connection;
    },
    end: () => pool.end(),
  };
}
