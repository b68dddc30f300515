// Archives are gzipped in parallel as a series of gzip members: the result must still be one
// .tar.gz that GNU tar and Python's tarfile read to exactly the directory it came from (bytes,
// names, modes, symlinks, empty files and directories, a file spanning several blocks), also when
// many downloads run at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { tempDir } from '../helpers/database.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';
import { PYTHON } from './frame-fixtures.ts';

// Python's reading of the archive: every member with its type, mode, content digest or link.
const TARFILE_LISTING = `
import hashlib, json, sys, tarfile
entries = []
with tarfile.open(sys.argv[1], 'r:gz') as archive:
    for m in archive:
        kind = 'dir' if m.isdir() else 'symlink' if m.issym() else 'file' if m.isfile() else 'other'
        entry = {'path': m.name, 'kind': kind}
        if m.issym():
            entry['link'] = m.linkname
        else:
            entry['mode'] = m.mode
        if m.isfile():
            entry['sha256'] = hashlib.sha256(archive.extractfile(m).read()).hexdigest()
        entries.append(entry)
print(json.dumps(entries))
`;
// How many gzip members follow one another in the file.
const GZIP_MEMBERS = `
import sys, zlib
data, members = open(sys.argv[1], 'rb').read(), 0
while data:
    reader = zlib.decompressobj(31)
    reader.decompress(data)
    if not reader.eof: raise SystemExit('a member is cut short')
    members, data = members + 1, reader.unused_data
print(members)
`;

interface Entry { path: string; kind: string; mode?: number; sha256?: string; link?: string }

/** The directory as the entries an archive of it should hold, in path order (symlinks not followed). */
function describeTree(dir: string, name: string): Entry[] {
  const entries: Entry[] = [];
  const visit = (real: string, inArchive: string) => {
    const info = fs.lstatSync(real);
    if (info.isSymbolicLink()) entries.push({ path: inArchive, kind: 'symlink', link: fs.readlinkSync(real) });
    else if (info.isDirectory()) {
      entries.push({ path: inArchive, kind: 'dir', mode: info.mode & 0o7777 });
      for (const child of fs.readdirSync(real)) visit(path.join(real, child), `${inArchive}/${child}`);
    } else entries.push({ path: inArchive, kind: 'file', mode: info.mode & 0o7777, sha256: crypto.createHash('sha256').update(fs.readFileSync(real)).digest('hex') });
  };
  visit(dir, name);
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

describe('data proxy: parallel-gzipped archives read back exactly', () => {
  let tree: DataTree;
  let server: TestServer;
  let base: string;
  let dir: string;
  const scratch: string[] = [];
  const createKey = async (target: string) =>
    (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: target } })).json().key as string;
  const download = async (key: string, name = 'run') => {
    const response = await fetch(`${base}/download/files/archive/${key}/${name}.tar.gz`);
    assert.equal(response.status, 200);
    return Buffer.from(await response.arrayBuffer());
  };
  const saved = (payload: Buffer) => {
    const where = tempDir('lightpath-archive-readers-');
    scratch.push(where);
    const file = path.join(where, 'download.tar.gz');
    fs.writeFileSync(file, payload);
    return { where, file };
  };

  before(async () => {
    tree = makeDataTree();
    dir = path.join(tree.userRoot, 'bob', 'PARALLEL-1');
    fs.mkdirSync(path.join(dir, 'sub', 'deeper', 'empty-too'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'empty-dir'));
    // Over two blocks of 1 MiB, half random and half repetitive, ending mid-block.
    const large = Buffer.alloc(2 * 1024 * 1024 + 70001);
    crypto.randomFillSync(large, 0, large.length >> 1);
    for (let i = large.length >> 1; i < large.length; i++) large[i] = (i * 7) % 13;
    fs.writeFileSync(path.join(dir, 'large.bin'), large);
    fs.writeFileSync(path.join(dir, 'empty.dat'), '');
    fs.writeFileSync(path.join(dir, 'collect.sh'), '#!/bin/sh\necho collect\n');
    fs.writeFileSync(path.join(dir, 'private.txt'), 'for the owner only\n');
    fs.writeFileSync(path.join(dir, 'sub', 'notes.txt'), 'notes\n');
    fs.writeFileSync(path.join(dir, 'sub', 'deeper', 'ünïcode-名前.txt'), 'non-ASCII name\n');
    fs.symlinkSync('sub/notes.txt', path.join(dir, 'notes-link'));
    fs.symlinkSync(path.join(tree.outside, 'secret.txt'), path.join(dir, 'escape'));
    fs.chmodSync(path.join(dir, 'collect.sh'), 0o755);
    fs.chmodSync(path.join(dir, 'private.txt'), 0o600);
    fs.chmodSync(path.join(dir, 'empty-dir'), 0o750);
    fs.chmodSync(path.join(dir, 'sub'), 0o711);
    server = await startTestServer({ env: tree.env });
    base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await server.close();
    tree.remove();
    for (const where of scratch) fs.rmSync(where, { recursive: true, force: true });
  });

  test('GNU tar and Python tarfile both read the members to the very directory', async () => {
    const { where, file } = saved(await download(await createKey(dir)));
    const expected = describeTree(dir, 'PARALLEL-1');

    // Several members: the large file alone spans three blocks.
    assert.ok(Number(execFileSync(PYTHON, ['-c', GZIP_MEMBERS, file], { encoding: 'utf8' })) >= 3);

    const read = JSON.parse(execFileSync(PYTHON, ['-c', TARFILE_LISTING, file], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Entry[];
    assert.deepEqual(read.sort((a, b) => a.path.localeCompare(b.path)), expected);

    const out = path.join(where, 'out');
    fs.mkdirSync(out);
    execFileSync('tar', ['-xpzf', file, '-C', out]);
    assert.deepEqual(describeTree(path.join(out, 'PARALLEL-1'), 'PARALLEL-1'), expected);
  });

  test('an empty directory is a valid archive holding just itself', async () => {
    const empty = path.join(tree.userRoot, 'bob', 'EMPTY-1');
    fs.mkdirSync(empty);
    const { file } = saved(await download(await createKey(empty)));
    assert.equal(execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }), 'EMPTY-1/\n');
  });

  test('many downloads at once each get their whole archive, byte for byte', async () => {
    const keys = [await createKey(dir), await createKey(tree.session)];
    const alone = [await download(keys[0]), await download(keys[1])];
    const together = await Promise.all(Array.from({ length: 12 }, (_, i) => download(keys[i % 2], `copy${i}`)));
    together.forEach((payload, i) => assert.ok(payload.equals(alone[i % 2]), `download ${i} differs from the one made alone`));
    const { where, file } = saved(together[1]);
    execFileSync('tar', ['-xzf', file, '-C', where]);
    assert.ok(fs.readFileSync(path.join(where, 'CMCFID-1', 'frame_0001.img')).equals(tree.frame));
  });
});
