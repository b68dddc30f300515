// GET /download/files/archive/<key>/<name>.tar.gz: the key's whole directory as a streamed
// .tar.gz, checked with the system's tar (listing and extracting, then comparing bytes).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { tempDir } from '../helpers/database.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const LONG_NAME = `${'long-name-'.repeat(14)}end.txt`;

describe('data proxy: directory archives', () => {
  let tree: DataTree;
  let server: TestServer;
  let key: string;
  const scratch: string[] = [];
  const createKey = async (dir: string) =>
    (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: dir } })).json().key as string;
  const saveArchive = (payload: Buffer) => {
    const dir = tempDir('lightpath-archive-');
    scratch.push(dir);
    const file = path.join(dir, 'download.tar.gz');
    fs.writeFileSync(file, payload);
    return { dir, file };
  };

  before(async () => {
    tree = makeDataTree();
    fs.writeFileSync(path.join(tree.session, 'ünïcode-名前.txt'), 'non-ASCII name\n');
    server = await startTestServer({ env: tree.env });
    key = await createKey(tree.session);
  });
  after(async () => {
    await server.close();
    tree.remove();
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the archive holds the whole directory under its own name, byte for byte', async () => {
    const response = await server.app.inject({ method: 'GET', url: `/download/files/archive/${key}/my-session.tar.gz` });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/x-gzip');
    assert.equal(response.headers['content-disposition'], 'attachment; filename=my-session.tar.gz');
    const { dir, file } = saveArchive(response.rawPayload);

    const listing = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n').sort();
    const expected = [
      'CMCFID-1/', 'CMCFID-1/compressed.json.gz', 'CMCFID-1/crystal.png', 'CMCFID-1/empty.dat', 'CMCFID-1/escape-dir',
      'CMCFID-1/escape.txt', 'CMCFID-1/frame_0001.img', 'CMCFID-1/notes-link.txt', 'CMCFID-1/scan.xdi', 'CMCFID-1/sub/',
      'CMCFID-1/sub/deeper/', `CMCFID-1/sub/deeper/${LONG_NAME}`, 'CMCFID-1/sub/notes.txt', 'CMCFID-1/ünïcode-名前.txt',
    ].sort();
    assert.deepEqual(listing, expected);

    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    execFileSync('tar', ['-xzf', file, '-C', out]);
    const extracted = path.join(out, 'CMCFID-1');
    for (const name of ['frame_0001.img', 'scan.xdi', 'empty.dat', 'compressed.json.gz', 'crystal.png', 'sub/notes.txt', `sub/deeper/${LONG_NAME}`, 'ünïcode-名前.txt']) {
      assert.ok(fs.readFileSync(path.join(extracted, name)).equals(fs.readFileSync(path.join(tree.session, name))), name);
    }
    // Symlinks are stored as links (never followed), so the secret's bytes are not in the archive.
    assert.equal(fs.readlinkSync(path.join(extracted, 'escape.txt')), path.join(tree.outside, 'secret.txt'));
    assert.equal(fs.readlinkSync(path.join(extracted, 'notes-link.txt')), 'sub/notes.txt');
    assert.equal(fs.lstatSync(path.join(extracted, 'escape-dir')).isSymbolicLink(), true);
    const plain = execFileSync('tar', ['-xzOf', file], { encoding: 'latin1' });
    assert.doesNotMatch(plain, /top secret/);
  });

  test('names that are not <name-without-dots>.tar.gz are 404', async () => {
    for (const name of ['my.session.tar.gz', 'session.zip', 'session.tar', '.tar.gz', 'session.tar.gz.exe']) {
      const response = await server.app.inject({ method: 'GET', url: `/download/files/archive/${key}/${name}` });
      assert.equal(response.statusCode, 404, name);
      assert.equal(response.json().detail, 'Not found.');
    }
  });

  test('an odd download name cannot break the header', async () => {
    const response = await server.app.inject({ method: 'GET', url: `/download/files/archive/${key}/a%22b%0d%0ax%3B%20c.tar.gz` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-disposition'], `attachment; filename="a_b__x; c.tar.gz"; filename*=UTF-8''a%22b%0D%0Ax%3B%20c.tar.gz`);
  });

  test('unknown key, revoked key and a directory that does not exist (yet) are 404', async () => {
    const unknown = await server.app.inject({ method: 'GET', url: `/download/files/archive/${'a'.repeat(40)}/x.tar.gz` });
    assert.equal(unknown.statusCode, 404);
    const notYet = await createKey('bob/CMCFID-9');
    const missing = await server.app.inject({ method: 'GET', url: `/download/files/archive/${notYet}/x.tar.gz` });
    assert.equal(missing.statusCode, 404);
    const revokedKey = await createKey(tree.session);
    await server.platform.db.updateTable('proxy_keys').set({ revoked_at: new Date().toISOString() }).where('key', '=', revokedKey).execute();
    const revoked = await server.app.inject({ method: 'GET', url: `/download/files/archive/${revokedKey}/x.tar.gz` });
    assert.equal(revoked.statusCode, 404);
  });

  test('HEAD answers without building the archive', async () => {
    const response = await server.app.inject({ method: 'HEAD', url: `/download/files/archive/${key}/s.tar.gz` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/x-gzip');
    assert.equal(response.rawPayload.length, 0);
  });

  test('a file of several megabytes streams through a real socket intact', async () => {
    const big = path.join(tree.root, 'big');
    fs.mkdirSync(big);
    const content = Buffer.alloc(5 * 1024 * 1024 + 123);
    for (let i = 0; i < content.length; i += 4096) content[i] = i % 255;
    fs.writeFileSync(path.join(big, 'large.bin'), content);
    const bigKey = await createKey(big);
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/download/files/archive/${bigKey}/big.tar.gz`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-length'), null, 'streamed, not measured first');
    const { file, dir } = saveArchive(Buffer.from(await response.arrayBuffer()));
    execFileSync('tar', ['-xzf', file, '-C', dir]);
    assert.ok(fs.readFileSync(path.join(dir, 'big', 'large.bin')).equals(content));
  });
});
