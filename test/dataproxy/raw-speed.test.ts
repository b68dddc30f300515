// `raw` reads files in large chunks (2 MiB) for speed (bench/downloads.ts measures it): files that
// span several chunks arrive whole and exact over a real socket, ranges that cross chunk
// boundaries too, and a client that leaves mid-download lets go of the file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { waitFor } from '../helpers/wait.ts';
import { descriptorsOpenOn } from '../helpers/open-files.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const MiB = 2 ** 20;
const SIZE = 5 * MiB + 12345;

function get(url: string, range?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: range ? { range } : {}, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('data proxy: raw files of several chunks', () => {
  let tree: DataTree;
  let server: TestServer;
  let url: string;
  let bytes: Buffer;
  let file: string;

  before(async () => {
    tree = makeDataTree();
    bytes = Buffer.alloc(SIZE);
    for (let i = 0; i + 4 <= SIZE; i += 4) bytes.writeUInt32LE(i, i); // every offset tells where it is
    file = path.join(tree.session, 'series.h5');
    fs.writeFileSync(file, bytes);
    server = await startTestServer({ env: tree.env });
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
    url = `${address}/download/files/raw/${key}/series.h5`;
  });
  after(async () => {
    await server.close();
    tree.remove();
  });

  test('the whole file arrives exact', async () => {
    const whole = await get(url);
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['content-length'], String(SIZE));
    assert.ok(whole.body.equals(bytes));
  });

  test('ranges across chunk boundaries, open and suffix ranges arrive exact', async () => {
    for (const [range, start, end] of [
      ['bytes=2097000-4194400', 2097000, 4194400], [`bytes=${4 * MiB - 1}-`, 4 * MiB - 1, SIZE - 1], ['bytes=-3000000', SIZE - 3000000, SIZE - 1], ['bytes=0-0', 0, 0],
    ] as const) {
      const part = await get(url, range);
      assert.equal(part.status, 206, range);
      assert.equal(part.headers['content-range'], `bytes ${start}-${end}/${SIZE}`, range);
      assert.ok(part.body.equals(bytes.subarray(start, end + 1)), range);
    }
  });

  test('a client that leaves mid-download lets go of the file', async () => {
    const real = fs.realpathSync(file);
    await new Promise<void>((resolve, reject) => {
      const request = http.get(url, { agent: false }, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    await waitFor('the server to close the file', async () => descriptorsOpenOn(real) === 0, 10000);
  });
});
