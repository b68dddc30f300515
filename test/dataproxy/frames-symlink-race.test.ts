// A user who can write in a key's directory swaps a subdirectory for a symlink to a directory
// outside the root, over and over, while frame previews of a file in it are requested (the frame
// counterpart of audit A1). The cache is off, so each request opens and renders the file anew.
// Every answer must be the inside frame's preview or the placeholder, never the outside file's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { makeFrameFixtures } from './frame-fixtures.ts';

const SWAP_MS = 3000;
const PARALLEL = 4;
const PLACEHOLDER = fs.readFileSync(new URL('../../src/dataproxy/assets/frame-missing.png', import.meta.url));

// Trades <dir>/swap for a ready-made symlink and back by renames only (each one atomic), so the
// name is always there and leads inside or outside in turn; ends with the real directory in place.
const SWAPPER = `
const fs = require('node:fs');
const [dir, outside, ms] = process.argv.slice(1);
const name = dir + '/swap', real = dir + '/swap.real', link = dir + '/swap.link';
fs.symlinkSync(outside, link);
let turns = 0;
for (const until = Date.now() + Number(ms); Date.now() < until; turns++) {
  fs.renameSync(name, real);
  fs.renameSync(link, name);
  fs.renameSync(name, link);
  fs.renameSync(real, name);
}
fs.unlinkSync(link);
process.stdout.write(String(turns));
`;

describe('data proxy: frame previews while a directory is swapped for a symlink', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const frame = (rest: string) => server.app.inject({ method: 'GET', url: `/download/files/frame/${key}/${rest}` });

  before(async () => {
    tree = makeDataTree();
    makeFrameFixtures(tree.session);
    fs.mkdirSync(path.join(tree.session, 'swap'));
    fs.copyFileSync(path.join(tree.session, 'pilatus_0001.cbf'), path.join(tree.session, 'swap', 'x_0001.cbf'));
    // Outside, under the same name, a different picture: any answer drawing it leaked.
    fs.copyFileSync(path.join(tree.session, 'adsc_0001.img'), path.join(tree.outside, 'x_0001.cbf'));
    server = await startTestServer({ env: { ...tree.env, LIGHTPATH_FRAME_CACHE_MB: '0' } });
    key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
  });
  after(async () => {
    await server?.close();
    tree.remove();
  });

  test('no answer is ever drawn from the file outside', async () => {
    const inside = (await frame('swap/x_0001.cbf/nm.png')).rawPayload;
    const outside = (await frame('adsc_0001.img/nm.png')).rawPayload;
    assert.ok(!inside.equals(outside) && !inside.equals(PLACEHOLDER));

    const swapper = spawn(process.execPath, ['-e', SWAPPER, tree.session, tree.outside, String(SWAP_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let turns = '';
    swapper.stdout.on('data', (chunk) => (turns += chunk));
    const finished = new Promise<number | null>((resolve) => swapper.on('exit', resolve));
    let running = true;
    void finished.then(() => (running = false));
    const counts = { inside: 0, placeholder: 0 };
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (running) {
        const response = await frame('swap/x_0001.cbf/nm.png');
        assert.equal(response.statusCode, 200);
        assert.ok(!response.rawPayload.equals(outside), 'a preview of the file outside the root was served');
        if (response.rawPayload.equals(inside)) counts.inside++;
        else if (response.rawPayload.equals(PLACEHOLDER)) counts.placeholder++;
        else assert.fail('an answer that is neither the frame nor the placeholder');
      }
    }));
    assert.equal(await finished, 0);
    assert.ok(Number(turns) > 0, 'the swapper ran');
    assert.ok(counts.inside + counts.placeholder > 0);
  });
});
