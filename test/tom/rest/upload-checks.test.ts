// The upload content checks on their own: they must give the same verdict however the bytes are
// cut into chunks, hold the size limit, and (over real HTTP) answer a refused upload with its 400.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { fitsBytes } from '../../support/fits-writer.ts';
import { checkedUpload } from '../../../src/tom/uploads/checked-stream.ts';
import { claimLabel, inspectorFor, uploadClaim } from '../../../src/tom/uploads/claims.ts';
import type { UploadClaim } from '../../../src/tom/uploads/claims.ts';
import { createHttpServer } from '../../../src/platform/http/server.ts';
import { tomRestRoutes } from '../../../src/tom/rest/index.ts';
import { bearer } from '../../helpers/accounts.ts';
import { waitFor } from '../../helpers/wait.ts';
import { demoFrame, demoFrameNames, startBench, storedKeys } from './rest-bench.ts';
import type { Bench } from './rest-bench.ts';

/** Half-written files the store keeps while a write is under way (".<name>.<random>.part"). */
async function storedTemporaries(b: Bench): Promise<string[]> {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.part')) found.push(entry.name);
    }
  };
  walk(path.join(b.server.config.dataDir, 'files'));
  return found;
}

/** Runs `bytes` through the check in chunks of `size`; resolves to the error message or null. */
async function verdict(fileName: string, bytes: Buffer, size: number, limitBytes = 1 << 30, type = ''): Promise<string | null> {
  const claim = uploadClaim(fileName, type) as UploadClaim | null;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  try {
    await pipeline(Readable.from(chunks), checkedUpload({
      fileName, limitBytes, label: claim ? claimLabel(claim) : null, inspector: claim ? inspectorFor(claim, fileName) : null,
    }), sink);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('upload content checks', () => {
  test('a FITS file gives the same verdict in any chunking', async () => {
    const frame = demoFrame(demoFrameNames()[0]);
    const mef = fitsBytes({ width: 30, height: 20, extension: true });
    for (const size of [1, 7, 80, 2879, 2881, 1 << 16]) {
      assert.equal(await verdict('frame.fits.fz', frame, size), null, `compressed frame in ${size}-byte chunks`);
      assert.equal(await verdict('mef.fits', mef, size), null, `MEF in ${size}-byte chunks`);
      assert.match(await verdict('frame.fits.fz', frame.subarray(0, frame.length - 3000), size) ?? '', /truncated data in HDU 1/, `truncated, ${size}`);
    }
    assert.equal(await verdict('frame.fits.fz', frame.subarray(0, frame.length - 1), 999), null, 'a missing end of padding is tolerated, as the FITS reader does');
    const trailing = Buffer.concat([mef, Buffer.from('some trailing junk')]);
    assert.equal(await verdict('mef.fits', trailing, 100), null, 'bytes after the last HDU are ignored, as the FITS reader does');
    const binaryHeader = Buffer.concat([Buffer.from('SIMPLE  =                    T'.padEnd(80)), Buffer.alloc(2800, 0xff)]);
    assert.match(await verdict('bin.fits', binaryHeader, 500) ?? '', /no END card in HDU 0 \(its header runs into binary bytes\)/);
  });

  test('a UTF-8 character split between chunks is still text; a NUL byte anywhere is not', async () => {
    const text = Buffer.from('time,magnitude\n2019-08-01,12.5 ± 0.1 — ok\n');
    for (const size of [1, 2, 3, 5]) assert.equal(await verdict('a.csv', text, size), null, `${size}-byte chunks`);
    assert.equal(await verdict('a.csv', Buffer.concat([text, Buffer.from([0])]), 4), `"a.csv" is not a valid CSV file: it has a NUL byte at offset ${text.length}, so it is not text.`);
    assert.match(await verdict('a.csv', text.subarray(0, text.indexOf(0xc2) + 1), 3) ?? '', /ends inside a UTF-8 character/);
  });

  test('gzip FITS is recognised by its signature; the size limit is 413', async () => {
    const gz = zlib.gzipSync(fitsBytes({ width: 4, height: 4 }));
    assert.equal(await verdict('f.fits.gz', gz, 3), null);
    assert.match(await verdict('f.fits.gz', fitsBytes({ width: 4, height: 4 }), 3) ?? '', /not a valid gzip-compressed FITS file: it does not start with the gzip signature/);
    const big = Buffer.alloc(5000, 0x41);
    assert.equal(await verdict('big.txt', big, 1000, 5000), null, 'exactly at the limit is fine');
    const over = await verdict('big.txt', Buffer.concat([big, Buffer.from('x')]), 1000, 5000);
    assert.equal(over, 'The file is larger than the upload limit of 5000 bytes.');
  });

  test('over real HTTP: a refused upload gets its 400, an interrupted one leaves nothing, and the server goes on serving', async () => {
    const b = await startBench();
    try {
      const target = await b.target(b.alice, { identifier: 'http' });
      await b.server.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = b.server.app.server.address() as { port: number };
      const body = Buffer.alloc(8 * 1024 * 1024, 0x20); // 8 MiB of spaces: not FITS from the first byte
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request({
          host: '127.0.0.1', port, method: 'POST', path: `/rest/v1/targets/${target.id}/data-products?file_name=big.fits`,
          headers: { ...b.alice, 'content-type': 'application/octet-stream', 'content-length': String(body.length) },
        }, (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        request.on('error', reject);
        request.end(body);
      });
      assert.equal(answer.status, 400);
      assert.match(JSON.parse(answer.body).detail, /"big\.fits" is not a valid FITS file: it does not start with a SIMPLE card/);
      // A client that goes away half-way leaves nothing behind either (not even a partial file).
      const socket = await new Promise<import('node:net').Socket>((resolve) => {
        const request = http.request({
          host: '127.0.0.1', port, method: 'POST', path: `/rest/v1/targets/${target.id}/data-products?file_name=half.txt`,
          headers: { ...b.alice, 'content-type': 'application/octet-stream', 'content-length': String(body.length) },
        });
        request.on('error', () => {});
        request.on('socket', (s) => s.on('connect', () => request.write(body.subarray(0, 1024 * 1024), () => resolve(s))));
      });
      await waitFor('the upload to be streaming into the store', async () => (await storedTemporaries(b)).length === 1);
      socket.destroy();
      await waitFor('the interrupted upload to be cleaned up', async () => !(await storedKeys(b)).some((k) => k.includes('half')) && (await storedTemporaries(b)).length === 0);
      const after = await fetch(`http://127.0.0.1:${port}/rest/v1/targets/${target.id}/data-products`, { headers: b.alice });
      assert.equal(after.status, 200);
      assert.equal((await after.json() as { count: number }).count, 0);
    } finally {
      await b.close();
    }
  });

  test('the upload limit: 413 from Content-Length before reading, and while streaming when there is none', async () => {
    const b = await startBench();
    const app = await createHttpServer(b.server.platform, { publicPrefixes: [] });
    try {
      await app.register(async (rest) => tomRestRoutes(rest, b.server.platform, { uploadLimitBytes: 8192 }), { prefix: '/rest/v1' });
      await app.ready();
      const token = await bearer(b.server.platform, (await b.server.platform.users.findByUsername('alice'))!);
      const target = await b.target(b.alice, { identifier: 'limits' });
      const url = (name: string) => `/rest/v1/targets/${target.id}/data-products?file_name=${name}`;
      const headers = { ...token, 'content-type': 'application/octet-stream' };
      const declared = await app.inject({ method: 'POST', url: url('declared.txt'), headers, payload: Buffer.alloc(9000, 0x41) });
      assert.equal(declared.statusCode, 413);
      assert.equal(declared.json().detail, 'The file is larger than the upload limit of 8 KiB.');
      const streamed = await app.inject({ method: 'POST', url: url('streamed.txt'), headers, payload: Readable.from([Buffer.alloc(5000, 0x41), Buffer.alloc(5000, 0x41)]) });
      assert.equal(streamed.statusCode, 413);
      const fits = await app.inject({ method: 'POST', url: url('fits.fits'), headers, payload: fitsBytes({ width: 4, height: 4 }) });
      assert.equal(fits.statusCode, 201, 'within the limit');
      assert.deepEqual((await storedKeys(b)).filter((k) => k.startsWith('limits/')), ['limits/none/fits.fits']);
    } finally {
      await app.close();
      await b.close();
    }
  });
});
