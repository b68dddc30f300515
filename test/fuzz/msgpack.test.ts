// Fuzzing MxDC's msgpack bodies (AddData, AddReport, the access list) through the MxLIVE v2 routes,
// signed as MxDC signs them: mutated values, damaged bytes, and msgpack's own odd encodings.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from '@msgpack/msgpack';
import { DEMO_FACILITY, startFacility } from '../lims/facility.ts';
import type { Facility } from '../lims/facility.ts';
import { sessionKey } from '../support/mxdc/client.ts';
import type { MxdcClient } from '../support/mxdc/client.ts';
import { answerOf, rowCounts, runFuzz, showBytes, reportFuzz } from './harness.ts';
import { mutateBytes, mutateValue } from './mutate.ts';
import type { Random } from './prng.ts';

/** msgpack that decoders find hard: unused 0xc1, timestamps, huge declared lengths, a str that is not UTF-8, NaN, uint64 max, deep arrays. */
const ODD_MSGPACK = [
  [0xc1], [0xd4, 0xff, 0x00], [0xd6, 0xff, 0, 0, 0, 0], [0xd7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0xc7, 0xff, 0x01],
  [0xdd, 0xff, 0xff, 0xff, 0xff], [0xdf, 0xff, 0xff, 0xff, 0xff], [0xdb, 0x7f, 0xff, 0xff, 0xff], [0xa3, 0xff, 0xfe, 0xfd], [0xa2, 0xed, 0xa0],
  [0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0], [0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0], [0xc4, 0x03, 1, 2, 3],
  [...Array(5000).fill(0x91), 0xc0], [...Array(70).fill(0x81).flatMap(() => [0x81, 0xa1, 0x61]), 0xc0], [0xa1, 0x00],
].map((bytes) => Buffer.from(bytes));

interface MsgpackCase {
  url: string;
  remoteAddress?: string;
  body: Buffer;
}

function mutateMsgpack(random: Random, seed: unknown): Buffer {
  const encoded = Buffer.from(encode(seed));
  switch (random.int(4)) {
    case 0:
      return mutateBytes(random, encoded, ODD_MSGPACK);
    case 1: { // an odd msgpack value in place of one of the seed's values
      const marker = 'FUZZ-MARKER-VALUE';
      const marked = Buffer.from(encode(mutateValue(random, seed, [marker])));
      const at = marked.indexOf(Buffer.from(encode(marker)));
      if (at < 0) return marked;
      return Buffer.concat([marked.subarray(0, at), random.pick(ODD_MSGPACK), marked.subarray(at + encode(marker).length)]);
    }
    default: {
      let value: unknown;
      try {
        value = mutateValue(random, seed);
        return Buffer.from(encode(value));
      } catch {
        return encoded; // a value the encoder itself refuses
      }
    }
  }
}

describe('fuzz: MxDC msgpack bodies', () => {
  let facility: Facility;
  let mxdc: MxdcClient;
  let seeds: Array<{ path: string; seed: unknown; remoteAddress?: string }>;
  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
    assert.equal((await mxdc.launch('SIM-1', sessionKey('SIM-1'))).status, 200);
    const directory = facility.directory('demo/fuzz');
    const dataset = {
      name: 'fz_1', frames: '1-360', filename: 'fz_1_{:05d}.cbf', group: 'lyso', container: 'DEMO-001', port: 'LA1', type: 'DATA',
      start_time: '2026-11-21T10:00:00.000000+00:00', end_time: '2026-11-21T10:03:00.000000+00:00', uuid: 'uuid-fz', directory,
      energy: 12.658, attenuation: 50, exposure: 0.5, beam_size: 50, detector_type: 'PILATUS 6M', beam_x: 1231.5, beam_y: 1263.5,
      pixel_size: 0.172, resolution: 1.8, start_angle: 0, delta_angle: 0.5,
    };
    const first = await mxdc.addData('SIM-1', dataset);
    assert.equal(first.status, 200, first.text);
    const db = facility.server.platform.db;
    const now = new Date().toISOString();
    await db.insertInto('access_lists').values({ name: 'fz', description: '', address: '127.0.0.5', active: true, created_at: now, updated_at: now }).execute();
    seeds = [
      { path: 'data/SIM-1/', seed: dataset },
      { path: 'data/SIM-1/', seed: { ...dataset, id: first.body.id, frames: '1-180' } },
      {
        path: 'report/SIM-1/', seed: {
          data_id: [first.body.id], directory, title: 'Analysis of "fz_1"', kind: 'MX Native Analysis', score: 0.82, filename: 'report.json',
          details: [{ title: 'Data Quality Statistics', content: [{ kind: 'table', data: [['Resolution', 1.8]], header: 'column' }] }],
        },
      },
      { path: 'accesslist/', remoteAddress: '127.0.0.5', seed: [{ project: 'demo', name: 'session-1', status: 'Connected', date: '2026-11-21 09:00:00' }] },
    ];
  });
  after(() => facility.close());

  test('found by fuzzing: an access list entry at a time that does not exist is a 400, not a 500', async () => {
    const before = await rowCounts(facility.server.platform.db, ['remote_connections']);
    const reply = await facility.server.app.inject({
      method: 'POST', url: '/api/v2/accesslist/', remoteAddress: '127.0.0.5',
      payload: Buffer.from(encode([{ project: 'demo', name: 'session-9', status: 'Connected', date: '2026-11-21 00:90:00' }])),
    });
    assert.equal(reply.statusCode, 400, reply.body);
    assert.match(reply.json().detail, /^Entry 0 must be/);
    assert.deepEqual(await rowCounts(facility.server.platform.db, ['remote_connections']), before);
  });

  test('found by fuzzing: an exposure so large that the derived start is no date is a 400, not a 500', async () => {
    const before = await rowCounts(facility.server.platform.db, ['datasets']);
    const upload = seeds.find((seed) => seed.path.startsWith('data/'))!.seed as Record<string, unknown>;
    const { start_time: _start, ...withoutStart } = upload;
    const reply = await facility.server.app.inject({
      method: 'POST', url: `/api/v2/${mxdc.signer.token('demo')}/data/SIM-1/`,
      payload: Buffer.from(encode({ ...withoutStart, frames: '1-180', exposure: -1.4e308 })),
    });
    assert.equal(reply.statusCode, 400, reply.body);
    assert.deepEqual(Object.keys(reply.json().fields ?? {}), ['exposure']);
    assert.deepEqual(await rowCounts(facility.server.platform.db, ['datasets']), before);
  });

  test('mutated bodies never get a 5xx, an odd error body, or a partial write', async (t) => {
    const stats = await runFuzz<MsgpackCase>({
      name: 'msgpack (MxDC)',
      generate: (random) => {
        const chosen = random.pick(seeds);
        // Signed routes carry a fresh signature in the URL, as MxDC sends them; the access list is by address.
        const url = chosen.remoteAddress ? `/api/v2/${chosen.path}` : `/api/v2/${mxdc.signer.token('demo')}/${chosen.path}`;
        return { url, remoteAddress: chosen.remoteAddress, body: mutateMsgpack(random, chosen.seed) };
      },
      send: async (input) => answerOf(await facility.server.app.inject({
        method: 'POST', url: input.url, payload: input.body, headers: { 'user-agent': 'python-requests/2.31.0' },
        ...(input.remoteAddress ? { remoteAddress: input.remoteAddress } : {}),
      })),
      counts: () => rowCounts(facility.server.platform.db),
      show: (input) => `POST ${input.url} ${showBytes(input.body)}`,
    }, { seconds: 5 });
    reportFuzz(t, stats);
  });
});
