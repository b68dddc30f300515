// `raw` downloads on plain TCP go out with sendfile(2) (src/platform/http/sendfile-body.ts): over
// real sockets, the bytes, ranges, HEAD and keep-alive are exactly as when Node streams the file,
// /metrics shows the kernel sent them, clients that leave or stop reading hold nothing, and with
// LIGHTPATH_SENDFILE=off the same bytes are streamed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { waitFor } from '../helpers/wait.ts';
import { descriptorsOpenOn } from '../helpers/open-files.ts';
import { sendfileAddon } from '../../src/platform/http/sendfile-addon.ts';
import { makeDataTree } from './data-tree.ts';
import type { DataTree } from './data-tree.ts';

const MiB = 2 ** 20;
const SIZE = 3 * MiB + 4321;
// Larger than what loopback's socket buffers hold, so a client that stops reading stalls the copy.
const BIG = 48 * MiB;

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: Buffer; reusedSocket: boolean }

function request(url: string, options: { method?: string; range?: string; agent?: http.Agent | false } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = http.request(url, { method: options.method ?? 'GET', headers: options.range ? { range: options.range } : {}, agent: options.agent ?? false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), reusedSocket: sent.reusedSocket }));
      response.on('error', reject);
    });
    sent.on('error', reject).end();
  });
}

/** One counter or gauge from /metrics (0 when absent). */
async function metric(base: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? 0 : Number(line.split(' ')[1]);
}

/** Splits what a connection received into its HTTP/1.1 answers (each with a Content-Length). */
function splitAnswers(received: Buffer): Array<{ head: string; body: Buffer }> {
  const answers: Array<{ head: string; body: Buffer }> = [];
  let at = 0;
  while (at < received.length) {
    const headEnd = received.indexOf('\r\n\r\n', at);
    assert.ok(headEnd > 0, 'an answer head');
    const head = received.subarray(at, headEnd).toString('latin1');
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1]);
    answers.push({ head, body: received.subarray(headEnd + 4, headEnd + 4 + length) });
    at = headEnd + 4 + length;
  }
  return answers;
}

/** A data tree with the given files, served on loopback with these settings, and a key for its session. */
interface Served { base: string; dir: string; url: (name: string) => string; close(): Promise<void> }

async function serveTree(files: Record<string, Buffer>, env: Record<string, string>): Promise<Served> {
  const tree: DataTree = makeDataTree();
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(tree.session, name), bytes);
  const server: TestServer = await startTestServer({ env: { ...tree.env, ...env } });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const key = (await server.app.inject({ method: 'POST', url: '/download/data/create/', payload: { path: tree.session } })).json().key;
  return {
    base,
    dir: tree.session,
    url: (name) => `${base}/download/files/raw/${key}/${name}`,
    async close() {
      await server.close();
      tree.remove();
    },
  };
}

// The addon is built by npm install and npm test; only LIGHTPATH_NATIVE=off leaves it out on purpose.
const SWITCHED_OFF = process.env.LIGHTPATH_NATIVE === 'off' && 'LIGHTPATH_NATIVE=off: the sendfile addon is not used in this run';

test('the sendfile addon was built (npm install and npm test build it with gcc: scripts/build-native.js)', { skip: SWITCHED_OFF }, () => {
  assert.ok(sendfileAddon(), 'native/build/sendfile.node did not load: is gcc installed? `node scripts/build-native.js` says why');
});

describe('data proxy: raw files sent with sendfile(2)', { skip: SWITCHED_OFF }, () => {
  const bytes = randomBytes(SIZE);
  let served: Served;
  let base: string;
  const url = (name = 'series.h5') => served.url(name);

  before(async () => {
    // Only the first 4 bytes of each MiB differ: cheap to make, and every offset is checked.
    const big = Buffer.alloc(BIG, 7);
    for (let i = 0; i < BIG; i += MiB) big.writeUInt32LE(i / MiB + 1, i);
    served = await serveTree({ 'series.h5': bytes, 'big.bin': big }, { LIGHTPATH_SENDFILE_STALL_SECONDS: '1' });
    base = served.base;
  });
  after(() => served.close());

  test('the whole file arrives exact, sent by the kernel and counted for /metrics', async () => {
    const kernelBefore = await metric(base, 'lightpath_sendfile_bytes_total');
    const rawBefore = await metric(base, 'lightpath_dataproxy_bytes_sent_total', '{kind="raw"}');
    const whole = await request(url());
    assert.equal(whole.status, 200);
    assert.equal(whole.headers['content-length'], String(SIZE));
    assert.equal(whole.headers['x-content-type-options'], 'nosniff');
    assert.ok(whole.headers['x-request-id']);
    assert.ok(whole.body.equals(bytes));
    assert.equal(await metric(base, 'lightpath_sendfile_bytes_total') - kernelBefore, SIZE);
    assert.equal(await metric(base, 'lightpath_dataproxy_bytes_sent_total', '{kind="raw"}') - rawBefore, SIZE);
  });

  test('ranges arrive exact: from the start, across the middle, open, suffix, one byte', async () => {
    const kernelBefore = await metric(base, 'lightpath_sendfile_bytes_total');
    let expected = 0;
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99], ['bytes=1048000-2097999', 1048000, 2097999], [`bytes=${2 * MiB + 1}-`, 2 * MiB + 1, SIZE - 1],
      ['bytes=-5000', SIZE - 5000, SIZE - 1], [`bytes=${SIZE - 1}-${SIZE - 1}`, SIZE - 1, SIZE - 1],
    ] as const) {
      const part = await request(url(), { range });
      assert.equal(part.status, 206, range);
      assert.equal(part.headers['content-range'], `bytes ${start}-${end}/${SIZE}`, range);
      assert.equal(part.headers['content-length'], String(end - start + 1), range);
      assert.ok(part.body.equals(bytes.subarray(start, end + 1)), range);
      expected += end - start + 1;
    }
    assert.equal(await metric(base, 'lightpath_sendfile_bytes_total') - kernelBefore, expected);
    const beyond = await request(url(), { range: `bytes=${SIZE}-` });
    assert.equal(beyond.status, 416);
    assert.match(JSON.parse(beyond.body.toString()).detail, /not satisfiable/);
  });

  test('keep-alive: HEAD, then a download, then a range on the same connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const head = await request(url(), { method: 'HEAD', agent });
      assert.equal(head.status, 200);
      assert.equal(head.headers['content-length'], String(SIZE));
      assert.equal(head.body.length, 0);
      const whole = await request(url(), { agent });
      assert.ok(whole.reusedSocket);
      assert.ok(whole.body.equals(bytes));
      const part = await request(url(), { agent, range: 'bytes=100-199' });
      assert.ok(part.reusedSocket);
      assert.ok(part.body.equals(bytes.subarray(100, 200)));
    } finally {
      agent.destroy();
    }
  });

  test('pipelined requests: the second answer follows the sent file, in order', async () => {
    const { port } = new URL(base);
    const path1 = new URL(url()).pathname;
    const kernelBefore = await metric(base, 'lightpath_sendfile_bytes_total');
    const received = await new Promise<Buffer>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
      socket.write(`GET ${path1} HTTP/1.1\r\nHost: x\r\n\r\nGET ${path1} HTTP/1.1\r\nHost: x\r\nRange: bytes=10-19\r\nConnection: close\r\n\r\n`);
    });
    const [first, second] = splitAnswers(received);
    assert.match(first.head, /^HTTP\/1\.1 200/);
    assert.ok(first.body.equals(bytes));
    assert.match(second.head, /^HTTP\/1\.1 206/);
    assert.ok(second.body.equals(bytes.subarray(10, 20)));
    assert.equal(await metric(base, 'lightpath_sendfile_bytes_total') - kernelBefore, SIZE + 10);
  });

  test('clients that leave mid-download free their copy and the file; the next download is sent by the kernel', async () => {
    const real = fs.realpathSync(path.join(served.dir, 'big.bin'));
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const sent = http.get(url('big.bin'), { agent: false }, (response) => {
          response.once('data', () => {
            sent.destroy();
            resolve();
          });
        });
        sent.on('error', (error) => (sent.destroyed ? undefined : reject(error)));
      });
    }
    await waitFor('the copies to stop', async () => (await metric(base, 'lightpath_sendfile_copies_in_progress')) === 0, 10000);
    await waitFor('the server to close the file', async () => descriptorsOpenOn(real) === 0, 10000);
    const kernelBefore = await metric(base, 'lightpath_sendfile_bytes_total');
    const whole = await request(url());
    assert.ok(whole.body.equals(bytes));
    assert.equal(await metric(base, 'lightpath_sendfile_bytes_total') - kernelBefore, SIZE);
  });

  test('a client that stops reading is handed to Node\'s stream, and still gets every byte', async () => {
    const stalledBefore = await metric(base, 'lightpath_sendfile_fallbacks_total', '{reason="stalled"}');
    const body = await new Promise<Buffer>((resolve, reject) => {
      http.get(url('big.bin'), { agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.pause();
        // Reading again only once the copy has given up on this client.
        waitFor('the copy to give up', async () => (await metric(base, 'lightpath_sendfile_fallbacks_total', '{reason="stalled"}')) > stalledBefore, 15000)
          .then(() => response.on('data', (chunk: Buffer) => chunks.push(chunk)).resume(), reject);
        response.on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
      }).on('error', reject);
    });
    assert.equal(body.length, BIG);
    for (let i = 0; i < BIG; i += MiB) assert.equal(body.readUInt32LE(i), i / MiB + 1);
    assert.ok(body.subarray(4, MiB).every((b) => b === 7));
    assert.equal(await metric(base, 'lightpath_sendfile_copies_in_progress'), 0);
  });
});

describe('data proxy: sendfile(2) copies beyond the thread pool\'s share', { skip: SWITCHED_OFF }, () => {
  const bytes = randomBytes(SIZE);
  let served: Served;
  before(async () => {
    served = await serveTree({ 'series.h5': bytes, 'big.bin': Buffer.alloc(BIG, 3) }, { LIGHTPATH_SENDFILE_STALL_SECONDS: '60' });
  });
  after(() => served.close());

  test('with two copies held by clients that do not read, a third download is streamed, exact', async () => {
    const { base } = served;
    const busyBefore = await metric(base, 'lightpath_sendfile_fallbacks_total', '{reason="busy"}');
    const holders = [0, 1].map(() => http.get(served.url('big.bin'), { agent: false }, (response) => response.pause()));
    for (const holder of holders) holder.on('error', () => {});
    try {
      await waitFor('two copies to run', async () => (await metric(base, 'lightpath_sendfile_copies_in_progress')) === 2, 10000);
      const whole = await request(served.url('series.h5'));
      assert.ok(whole.body.equals(bytes));
      assert.equal(await metric(base, 'lightpath_sendfile_fallbacks_total', '{reason="busy"}') - busyBefore, 1);
    } finally {
      for (const holder of holders) holder.destroy();
    }
    await waitFor('the copies to stop', async () => (await metric(base, 'lightpath_sendfile_copies_in_progress')) === 0, 10000);
  });
});

describe('data proxy: raw files with LIGHTPATH_SENDFILE=off', () => {
  const bytes = randomBytes(SIZE);
  let served: Served;
  before(async () => {
    served = await serveTree({ 'series.h5': bytes }, { LIGHTPATH_SENDFILE: 'off' });
  });
  after(() => served.close());

  test('the same bytes are streamed through Node, and none by the kernel', async () => {
    const { base } = served;
    const kernelBefore = await metric(base, 'lightpath_sendfile_bytes_total');
    const whole = await request(served.url('series.h5'));
    assert.ok(whole.body.equals(bytes));
    const part = await request(served.url('series.h5'), { range: 'bytes=2000000-2999999' });
    assert.ok(part.body.equals(bytes.subarray(2000000, 3000000)));
    assert.equal(await metric(base, 'lightpath_sendfile_bytes_total'), kernelBefore);
  });
});
