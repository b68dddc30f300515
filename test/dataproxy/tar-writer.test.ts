// The tar writer on its own: pax records at digit boundaries and huge sizes, read back by GNU tar.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/database.ts';
import { endOfArchive, entryHeader, padding } from '../../src/dataproxy/tar-writer.ts';

describe('tar writer', () => {
  test('names of every length around the pax record-length boundaries read back exactly', () => {
    const names: string[] = [];
    // "<len> path=<name>\n": 2-, 3- and 4-digit lengths around 99/100 and 999/1000 characters.
    for (const length of [90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999, 1000]) {
      // Components of at most 100 characters, so the names can also be extracted on Linux.
      let name = `d${length}`; // a directory per name, so no name is another's parent
      while (name.length < length) name += `/${'n'.repeat(Math.min(100, length - name.length - 1))}`;
      names.push(name.endsWith('/') ? `${name.slice(0, -1)}n` : name);
    }
    const blocks: Buffer[] = [];
    for (const name of names) {
      const body = Buffer.from(`${name.length}\n`);
      blocks.push(entryHeader({ name, type: 'file', mode: 0o644, size: body.length, mtime: new Date('2025-01-21T00:00:00Z') }), body, padding(body.length));
    }
    blocks.push(endOfArchive());
    const dir = tempDir('lightpath-tar-');
    try {
      const file = path.join(dir, 'names.tar');
      fs.writeFileSync(file, Buffer.concat(blocks));
      const listed = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
      assert.deepEqual(listed, names);
      execFileSync('tar', ['-xf', file, '-C', dir]);
      assert.equal(fs.readFileSync(path.join(dir, names[names.length - 1]), 'utf8'), '1000\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file of 8 GiB or more carries its size in a pax record', () => {
    const header = entryHeader({ name: 'huge.h5', type: 'file', mode: 0o644, size: 9_000_000_000, mtime: new Date() });
    assert.equal(header.length, 512 * 3, 'pax header, its one block of records, then the ustar header');
    assert.equal(String.fromCharCode(header[156]), 'x');
    const records = header.subarray(512, 1024).toString('utf8').replace(/\0+$/, '');
    const match = /^(\d+) size=9000000000\n$/.exec(records);
    assert.ok(match, records);
    assert.equal(Number(match[1]), Buffer.byteLength(records));
    assert.equal(header.subarray(1024 + 124, 1024 + 135).toString('ascii'), '00000000000', 'the ustar size field defers to pax');
  });
});
