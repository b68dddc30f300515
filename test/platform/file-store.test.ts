// The local file store: streamed writes and reads, ranges, atomic replacement, confinement.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { LocalFileStore } from '../../src/platform/storage/local-store.ts';
import { StoragePathError } from '../../src/platform/storage/file-store.ts';
import { tempDir } from '../helpers/database.ts';

describe('local file store', () => {
  let dir: string;
  let store: LocalFileStore;
  before(() => {
    dir = tempDir();
    store = new LocalFileStore(path.join(dir, 'files'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes a stream and reads it back, whole and by range', async () => {
    const chunks = Array.from({ length: 100 }, (_, i) => `line ${i}\n`);
    const info = await store.write('m13/none/log.txt', Readable.from(chunks));
    const expected = chunks.join('');
    assert.equal(info.size, Buffer.byteLength(expected));
    assert.equal(await text(await store.read('m13/none/log.txt')), expected);
    assert.equal(await text(await store.read('m13/none/log.txt', { start: 5, end: 11 })), expected.slice(5, 12));
    assert.equal((await store.stat('m13/none/log.txt'))!.size, info.size);
  });

  test('a failed write leaves the previous file whole and no partial file behind', async () => {
    await store.write('a/keep.txt', Buffer.from('original'));
    const failing = new Readable({
      read() {
        this.push('partial data');
        this.destroy(new Error('upload interrupted'));
      },
    });
    await assert.rejects(store.write('a/keep.txt', failing), /upload interrupted/);
    assert.equal(await text(await store.read('a/keep.txt')), 'original');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'files', 'a')), ['keep.txt']);
  });

  test('keys that would escape the root are refused', async () => {
    for (const key of ['../outside.txt', 'a/../../outside.txt', '/etc/passwd', 'a//b', './a', 'a\\b', 'nul\0byte', '']) {
      await assert.rejects(store.write(key, Buffer.from('x')), StoragePathError, key);
    }
    assert.equal(fs.existsSync(path.join(dir, 'outside.txt')), false);
  });

  test('a symlink inside the store cannot lead outside it', async () => {
    const outside = path.join(dir, 'secret');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'key.pem'), 'secret');
    fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, 'files', 'link'));
    await assert.rejects(store.read('link/key.pem'), /leads outside the store/);
    await assert.rejects(store.write('link/new.txt', Buffer.from('x')), /leads outside the store/);
    assert.equal(fs.existsSync(path.join(outside, 'new.txt')), false);
    fs.symlinkSync(path.join(outside, 'key.pem'), path.join(dir, 'files', 'file-link'));
    await assert.rejects(store.read('file-link'), /leads outside the store/);
  });

  test('lists files under a prefix, deletes them, and reports missing ones', async () => {
    await store.write('t/one/1.fits', Buffer.from('1'));
    await store.write('t/one/2.fits', Buffer.from('2'));
    await store.write('t/two/3.fits', Buffer.from('3'));
    const listed: string[] = [];
    for await (const key of store.list('t')) listed.push(key);
    assert.deepEqual(listed, ['t/one/1.fits', 't/one/2.fits', 't/two/3.fits']);
    assert.equal(await store.delete('t/one/1.fits'), true);
    assert.equal(await store.delete('t/one/1.fits'), false);
    assert.equal(await store.stat('t/one/1.fits'), null);
    await assert.rejects(store.read('t/one/1.fits'), { code: 'ENOENT' });
  });
});
