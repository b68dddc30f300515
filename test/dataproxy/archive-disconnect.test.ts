// A real `lightpath serve` process is watched from outside (/proc/<pid>/io and /proc/<pid>/fd)
// while it sends an archive of 64 MiB of incompressible files: a client that stops reading
// holds the walk after a bounded part of the directory (the server does not buffer the archive),
// and a client that leaves stops it, closing every file and directory it had open; the next
// archive is still whole.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { testEnv } from '../helpers/platform.ts';
import { freePort, spawnLightpath } from '../helpers/processes.ts';
import type { Spawned } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const FILES = 64;
const FILE_BYTES = 1024 * 1024;
const TOTAL = FILES * FILE_BYTES;
const MiB = 1024 * 1024;

/** Bytes the process has read so far (all read(2)-like calls: files, sockets, pipes). */
function bytesRead(pid: number): number {
  return Number(/^rchar: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);
}

/** How many of the process's open descriptors lie in `dir` (or are `dir` itself). */
function openIn(pid: number, dir: string): number {
  let count = 0;
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    const target = (() => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return ''; // closed meanwhile
      }
    })();
    if (target === dir || target.startsWith(`${dir}/`)) count++;
  }
  return count;
}

/** Polls until the process's read count holds still for a moment; bounded by waitFor. */
async function readsSettle(pid: number): Promise<number> {
  let last = -1;
  return waitFor('the server to stop reading', async () => {
    const now = bytesRead(pid);
    const settled = now === last;
    last = now;
    return settled ? now : null;
  }, 30000, 500);
}

describe('data proxy: an archive download that stalls or leaves (real process)', () => {
  let tree: DataTree;
  let database: TestDatabase;
  let server: Spawned;
  let base: string;
  let dir: string;
  const createKey = async (target: string) => {
    const response = await fetch(`${base}/download/data/create/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: target }) });
    return ((await response.json()) as { key: string }).key;
  };

  before(async () => {
    tree = makeDataTree();
    dir = path.join(tree.userRoot, 'bob', 'LARGE-1');
    fs.mkdirSync(dir);
    for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, `frame_${String(i).padStart(4, '0')}.bin`), crypto.randomBytes(FILE_BYTES));
    database = await freshDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawnLightpath(['serve'], testEnv(database, { ...tree.env, PORT: String(port), LIGHTPATH_SERVE_RUNS_JOBS: 'false' }));
    await waitFor('lightpath serve to listen', async () => (await fetch(`${base}/healthz`)).ok, 60000);
  });
  after(async () => {
    if (server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.closed;
    }
    await database.drop();
    tree.remove();
  });

  test('a stalled client holds the walk; one that leaves stops it and frees its files', async (t) => {
    const pid = server.child.pid!;
    const key = await createKey(dir);
    const before = bytesRead(pid);

    // Take the first bytes, then read no more.
    const request = http.get(`${base}/download/files/archive/${key}/large.tar.gz`);
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => request.on('response', resolve).on('error', reject));
    assert.equal(response.statusCode, 200);
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();

    const stalled = await readsSettle(pid);
    assert.ok(openIn(pid, dir) > 0, 'the walk is paused, not finished');
    assert.ok(stalled - before < TOTAL / 2, `the server read ${((stalled - before) / MiB).toFixed(1)} MiB of ${TOTAL / MiB} for a client that reads nothing`);

    request.destroy();
    await waitFor('the server to close the directory and its files', async () => openIn(pid, dir) === 0);
    const stopped = await readsSettle(pid);
    t.diagnostic(`read ${((stalled - before) / MiB).toFixed(1)} MiB while stalled, ${((stopped - before) / MiB).toFixed(1)} MiB in all, of ${TOTAL / MiB} MiB`);
    assert.ok(stopped - before < TOTAL / 2, `the walk went on after the client left: ${((stopped - before) / MiB).toFixed(1)} MiB read`);

    // The workers are free for the next download, which is whole.
    const next = await fetch(`${base}/download/files/archive/${await createKey(tree.session)}/next.tar.gz`);
    assert.equal(next.status, 200);
    const saved = path.join(tree.base, 'next.tar.gz');
    fs.writeFileSync(saved, Buffer.from(await next.arrayBuffer()));
    assert.match(execFileSync('tar', ['-tzf', saved], { encoding: 'utf8' }), /^CMCFID-1\/frame_0001\.img$/m);
  });
});
