// This machine's clock against PostgreSQL's. MxDC signs each request with its own time and the
// server accepts it only within LIGHTPATH_MXDC_TOKEN_WINDOW seconds of the server's time; job
// leases and record times also assume the machines agree. The database's clock is the reference
// every server and worker shares.
import { sql } from 'kysely';
import type { DoctorCheck } from './finding.ts';
import { databaseOrSkip, error, ok, skipped, warning } from './finding.ts';

/** Beyond this the clocks are drifting, though nothing fails yet. */
const DRIFT_WARNING_SECONDS = 2;

export const clockCheck: DoctorCheck = {
  name: 'clock',
  async run(context) {
    const database = databaseOrSkip(context);
    if ('level' in database) return [database];
    if (database.kind === 'sqlite') {
      return [skipped('SQLite runs on this machine, with its clock: keep it synchronised (NTP) for MxDC\'s signed requests')];
    }
    const before = Date.now();
    const row = await sql<{ now: Date | string }>`select now() as now`.execute(database.db);
    const after = Date.now();
    const databaseMs = new Date(row.rows[0].now).getTime();
    const offset = ((before + after) / 2 - databaseMs) / 1000;
    const window = context.config.mxdcTokenWindowSeconds;
    const said = `this machine's clock is ${Math.abs(offset).toFixed(1)} s ${offset >= 0 ? 'ahead of' : 'behind'} the database's`;
    const fix = 'synchronise the clocks of this machine and the database server with NTP (e.g. chrony, or `timedatectl set-ntp true`)';
    if (Math.abs(offset) > window / 2) {
      return [error(`${said}: MxDC requests signed on time would be refused (LIGHTPATH_MXDC_TOKEN_WINDOW is ${window} s)`, fix)];
    }
    if (Math.abs(offset) > DRIFT_WARNING_SECONDS) return [warning(`${said} (MxDC requests are accepted within ${window} s)`, fix)];
    return [ok(`${said} (MxDC requests are accepted within ${window} s)`)];
  },
};
