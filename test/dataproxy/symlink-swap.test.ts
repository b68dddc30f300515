// Audit A1: a user who can write inside a key's directory renames a subdirectory away and puts a
// symlink to a directory outside the root in its place, over and over, while downloading. A path
// checked and then opened by name would now and then be opened through the symlink. A separate
// process does the swapping for a few seconds while raw files, snapshots and archives are fetched
// over a real socket and the file store reads the same directory; no answer may ever carry the
// outside file's bytes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestServer } from '../helpers/platform.ts';
import { LocalFileStore } from '../../src/platform/storage/local-store.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const SWAP_MS = 3000;
const PARALLEL = 6;
const INSIDE = 'inside the root\n';
const SECRET = 'top secret'; // what data-tree.ts writes outside the root

// Swaps <dir>/swap between the real directory and a symlink to <outside> until the time is up,
// then leaves the real directory in place. Synchronous calls: as tight a loop as a user could run,
// with a short rest in the real state now and then so that honest requests get through too.
const SWAPPER = `
const fs = require('node:fs');
const rest = new Int32Array(new SharedArrayBuffer(4));
const [dir, outside, ms] = process.argv.slice(1);
const swap = dir + '/swap', away = dir + '/swap.away';
const end = Date.now() + Number(ms);
let rounds = 0;
while (Date.now() < end) {
  fs.renameSync(swap, away);
  fs.symlinkSync(outside, swap);
  fs.unlinkSync(swap);
  fs.renameSync(away, swap);
  if (++rounds % 16 === 0) Atomics.wait(rest, 0, 0, 1);
}
process.stdout.write(String(rounds));
`;

/** The bytes of a gzip stream, as far as it goes (an answer cut short still counts). */
function gunzipAsFarAsItGoes(body: Buffer): Buffer {
  try {
    return zlib.gunzipSync(body, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}

describe('data proxy: a directory swapped for a symlink while files are served (audit A1)', () => {
  let tree: DataTree;
  let server: TestServer;
  let base: string;
  let key: string;
  let race: string;

  before(async () => {
    tree = makeDataTree();
    // A small directory of its own, so many archives fit into the few seconds of swapping.
    race = path.join(tree.userRoot, 'bob', 'RACE-1');
    fs.mkdirSync(path.join(race, 'swap'), { recursive: true });
    fs.writeFileSync(path.join(race, 'swap', 'secret.txt'), INSIDE);
    server = await startTestServer({ env: tree.env });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`;
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: race } })).json().key;
    assert.match(key, /^[0-9a-f]{40}$/);
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('no raw file or archive ever contains the outside file, and normal answers still come', async (t) => {
    const swapper = spawn(process.execPath, ['-e', SWAPPER, race, tree.outside, String(SWAP_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let rounds = '';
    swapper.stdout.on('data', (chunk) => (rounds += chunk));
    let running = true;
    const finished = new Promise<number | null>((resolve) => swapper.on('exit', (code) => {
      running = false;
      resolve(code);
    }));

    const seen = { raw: 0, rawInside: 0, archives: 0, archivesWithInside: 0, storeReads: 0, storeInside: 0, leaks: [] as string[] };
    const fetcher = async (index: number) => {
      // Bounded: the swapper stops after SWAP_MS, and then so does every fetcher.
      for (let round = 0; running; round++) {
        if ((round + index) % 2 === 0) {
          const kind = round % 4 === 0 ? 'snapshot' : 'raw';
          const response = await fetch(`${base}/download/files/${kind}/${key}/swap/secret.txt`);
          const text = await response.text();
          seen.raw++;
          if (text.includes(SECRET)) seen.leaks.push(`${kind} ${response.status}`);
          if (response.status === 200 && text === INSIDE) seen.rawInside++;
        } else {
          const response = await fetch(`${base}/download/files/archive/${key}/race.tar.gz`);
          const tar = gunzipAsFarAsItGoes(Buffer.from(await response.arrayBuffer()));
          seen.archives++;
          if (tar.includes(SECRET)) seen.leaks.push(`archive ${response.status}`);
          if (tar.includes(INSIDE)) seen.archivesWithInside++;
        }
      }
    };
    // The file store, rooted at the same directory, reads the same file meanwhile.
    const store = new LocalFileStore(race);
    const storeReader = async () => {
      while (running) {
        seen.storeReads++;
        try {
          const chunks: Buffer[] = [];
          for await (const chunk of await store.read('swap/secret.txt')) chunks.push(chunk as Buffer);
          const text = Buffer.concat(chunks).toString();
          if (text.includes(SECRET)) seen.leaks.push('file store');
          if (text === INSIDE) seen.storeInside++;
        } catch {
          // Refused or missing mid-swap: that is the safe outcome.
        }
      }
    };
    await Promise.all([...Array.from({ length: PARALLEL }, (_, index) => fetcher(index)), storeReader()]);
    assert.equal(await finished, 0, 'the swapper ran to its end');

    const summary = `${rounds} swaps, ${seen.raw} raw and snapshot requests (${seen.rawInside} served), ${seen.archives} archives (${seen.archivesWithInside} with the file), ${seen.storeReads} file store reads (${seen.storeInside} read)`;
    t.diagnostic(summary);
    assert.deepEqual(seen.leaks, [], `the outside file leaked: ${summary}`);
    assert.ok(seen.rawInside > 0, `some raw requests were served normally: ${summary}`);
    assert.ok(seen.archivesWithInside > 0, `some archives held the inside file: ${summary}`);
    assert.ok(seen.storeInside > 0, `some file store reads succeeded: ${summary}`);

    // Once the swapping stops everything is served as usual.
    const settled = await fetch(`${base}/download/files/raw/${key}/swap/secret.txt`);
    assert.equal(settled.status, 200);
    assert.equal(await settled.text(), INSIDE);
  });
});
