// The request log of a real `lightpath serve`: one JSON line per request at `info`, written when
// the answer is complete, with what an operator needs to find it (method, URL, client address,
// status, time taken, and the request id the client was sent); the arrival line only at `debug`.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { testEnv } from '../helpers/platform.ts';
import { freePort, spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

interface LogLine {
  level: number;
  msg: string;
  request_id?: string;
  req?: { method: string; url: string; remoteAddress: string };
  res?: { statusCode: number };
  responseTime?: number;
}

const INFO = 30;
const DEBUG = 20;

describe('the request log', () => {
  const running: Array<{ spawned: Spawned; database: TestDatabase }> = [];
  after(async () => {
    for (const { spawned, database } of running) {
      if (spawned.child.exitCode === null) spawned.child.kill('SIGTERM');
      await spawned.closed;
      await database.drop();
    }
  });

  /** Starts `serve` at `level`, makes one request that is refused, and returns that request's id and log lines. */
  async function oneRequest(level: string): Promise<{ id: string; lines: LogLine[] }> {
    const database = await freshDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const spawned = spawnLightpath(['serve'], testEnv(database, { PORT: String(port), LIGHTPATH_SERVE_RUNS_JOBS: 'false', LOG_LEVEL: level }));
    running.push({ spawned, database });
    await waitFor('lightpath serve to listen', async () => (await fetch(`${base}/healthz`)).ok, 60000);
    const answer = await fetch(`${base}/rest/v1/samples?search=x`);
    assert.equal(answer.status, 401);
    const id = answer.headers.get('x-request-id')!;
    assert.ok(id);
    const mine = () => spawned.output().split('\n').filter((text) => text.includes(id)).map((text) => JSON.parse(text) as LogLine);
    await waitFor('the request to be logged', async () => mine().some((line) => line.msg === 'request completed'));
    return { id, lines: mine() };
  }

  test('at info a request is one line, written when it is answered', async () => {
    const { id, lines } = await oneRequest('info');
    assert.equal(lines.length, 1, JSON.stringify(lines));
    const [line] = lines;
    assert.equal(line.level, INFO);
    assert.equal(line.msg, 'request completed');
    assert.equal(line.request_id, id);
    assert.equal(line.req?.method, 'GET');
    assert.equal(line.req?.url, '/rest/v1/samples?search=x');
    assert.equal(line.req?.remoteAddress, '127.0.0.1');
    assert.equal(line.res?.statusCode, 401);
    assert.ok(typeof line.responseTime === 'number' && line.responseTime >= 0);
  });

  test('at debug the arrival is logged too, before the answer', async () => {
    const { lines } = await oneRequest('debug');
    const messages = lines.filter((line) => line.msg === 'incoming request' || line.msg === 'request completed');
    assert.deepEqual(messages.map((line) => [line.msg, line.level]), [['incoming request', DEBUG], ['request completed', INFO]]);
    assert.equal(messages[0].req?.url, '/rest/v1/samples?search=x');
  });
});
