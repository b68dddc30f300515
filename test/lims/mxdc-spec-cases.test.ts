// Every black-box case of spec §8.3, against a real listening server (decisions D1–D16 where
// Lightpath differs from the original).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from '@msgpack/msgpack';
import { startFacility } from './facility.ts';
import type { Facility } from './facility.ts';
import { MxdcClient, sessionKey } from '../support/mxdc/client.ts';
import { MxdcSigner } from '../support/mxdc/signer.ts';
import { freePort } from '../helpers/processes.ts';

const FACILITY = {
  users: [
    { username: 'alice', password: 'alice-pass' },
    { username: 'bob', password: 'bob-pass' },
    { username: 'nokey', password: 'nokey-pass' },
  ],
  beamlines: [
    { acronym: 'BL-SAM', automounter: { name: 'SAM-1', type: 'SAM Automounter', active: true } },
    { acronym: 'BL-ISARA', automounter: { name: 'ISARA-1', type: 'ISARA Automounter', active: true } },
    { acronym: 'BL-CATS', automounter: { name: 'CATS-1', type: 'CATS Automounter', active: true } },
    { acronym: 'BL-NONE' },
  ],
  projects: [
    {
      username: 'alice',
      shipments: [
        {
          name: 'A-ON-SITE', state: 'on_site',
          groups: [{ name: 'second', priority: 2 }, { name: 'first', priority: 1 }],
          containers: [
            { name: 'A-ADAPTOR', type: 'Adaptor', load: { beamline: 'BL-SAM', location: 'L' } },
            { name: 'A-IN-ADAPTOR', type: 'Uni-Puck', load: { container: 'A-ADAPTOR', location: 'A' },
              samples: [{ name: 'a-5', location: 5, group: 'second', priority: 1 }, { name: 'a-6', location: 6, group: 'first', priority: 2 }, { name: 'a-7', location: 7, group: 'first', priority: 1 }] },
            { name: 'A-CASSETTE', type: 'Cassette', load: { beamline: 'BL-SAM', location: 'M' }, samples: [{ name: 'c-a1', location: 'A1', group: 'second', priority: 2 }] },
            { name: 'A-ISARA', type: 'Uni-Puck', load: { beamline: 'BL-ISARA', location: '1A' }, samples: [{ name: 'i-5', location: 5 }] },
            { name: 'A-SPINE', type: 'Spine Puck', samples: [{ name: 'spine-3', location: 3 }] },
            { name: 'A-LOOSE', type: 'Uni-Puck', samples: [{ name: 'loose-5', location: 5, group: 'second', priority: 9 }] },
            { name: 'A-ORPHAN-ADAPTOR', type: 'Adaptor' },
            { name: 'A-IN-ORPHAN', type: 'Uni-Puck', load: { container: 'A-ORPHAN-ADAPTOR', location: 'B' }, samples: [{ name: 'orphan-1', location: 1 }] },
          ],
        },
        { name: 'A-SENT', state: 'sent', containers: [{ name: 'A-SENT-PUCK', type: 'Uni-Puck', samples: [{ name: 'sent-1', location: 1 }] }] },
        { name: 'A-RETURNED', state: 'returned', containers: [{ name: 'A-OLD-PUCK', type: 'Uni-Puck', samples: [{ name: 'old-1', location: 1 }] }] },
      ],
    },
    {
      username: 'bob',
      shipments: [{ name: 'B-ON-SITE', state: 'on_site', containers: [{ name: 'B-PUCK', type: 'Uni-Puck', samples: [{ name: 'bob-1', location: 1 }] }] }],
    },
    { username: 'nokey' },
  ],
};

describe('MxLIVE v2 spec cases', () => {
  let facility: Facility;
  let alice: MxdcClient;
  let bob: MxdcClient;
  const db = () => facility.server.platform.db;

  before(async () => {
    facility = await startFacility();
    await facility.load(FACILITY);
    alice = facility.client('alice');
    bob = facility.client('bob');
    assert.equal((await alice.register()).status, 200);
    assert.equal((await bob.register()).status, 200);
  });
  after(() => facility.close());

  describe('1. signatures', () => {
    test('a fresh token verifies', async () => {
      assert.equal((await alice.samples('BL-SAM')).status, 200);
    });
    test('a token 61 s old is refused with 403 {"detail"}', async () => {
      const stale = new MxdcClient(facility.baseUrl, 'alice', alice.signer, -61);
      const reply = await stale.samples('BL-SAM');
      assert.equal(reply.status, 403);
      assert.match(reply.body.detail, /Invalid signature \(expired\)/);
    });
    test('a token an hour in the future is refused (D3)', async () => {
      const future = new MxdcClient(facility.baseUrl, 'alice', alice.signer, 3600);
      assert.equal((await future.samples('BL-SAM')).status, 403);
    });
    test('a flipped signature byte is refused', async () => {
      const token = alice.signer.token('alice');
      const [user, time, signature] = token.split(':');
      const bytes = Buffer.from(signature.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      bytes[10] ^= 0x01;
      const flipped = `${user}:${time}:${bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`;
      const response = await fetch(`${facility.baseUrl}/api/v2/${flipped}/samples/BL-SAM/`);
      assert.equal(response.status, 403);
    });
    test("alice's token presented as bob's is refused", async () => {
      const token = alice.signer.token('alice').replace(/^alice:/, 'bob:');
      const response = await fetch(`${facility.baseUrl}/api/v2/${token}/samples/BL-SAM/`);
      assert.equal(response.status, 403);
    });
    test('malformed tokens are 403 with a detail, never 500 (D2)', async () => {
      const good = alice.signer.token('alice');
      // A signature cut short is not whole base64 (a padding-only cut would miss the 48-byte signatures that have none).
      for (const token of [good.slice(0, -1), 'alice:1taGfY', `alice:1ta*fY:${good.split(':')[2]}`, 'alice:x:y']) {
        const response = await fetch(`${facility.baseUrl}/api/v2/${encodeURIComponent(token)}/samples/BL-SAM/`);
        assert.equal(response.status, 403, token);
        assert.ok((await response.json()).detail);
      }
    });
  });

  describe('2. key registration', () => {
    test('a new key is stored once; a second registration is 304 and changes nothing', async () => {
      const carol = new MxdcClient(facility.baseUrl, 'nokey');
      const before = await db().selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id').select('mxdc_key').where('username', '=', 'nokey').executeTakeFirstOrThrow();
      assert.equal(before.mxdc_key, '');
      assert.equal((await carol.samples('BL-SAM')).status, 400, 'no key yet: 400 makes legacy MxDC register');
      assert.equal((await carol.register()).status, 200);
      const stored = await db().selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id').select('mxdc_key').where('username', '=', 'nokey').executeTakeFirstOrThrow();
      assert.equal(stored.mxdc_key, carol.signer.publicKeyText);
      const intruder = new MxdcClient(facility.baseUrl, 'nokey');
      assert.equal((await intruder.register()).status, 304);
      const after = await db().selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id').select('mxdc_key').where('username', '=', 'nokey').executeTakeFirstOrThrow();
      assert.equal(after.mxdc_key, carol.signer.publicKeyText);
      assert.equal((await intruder.samples('BL-SAM')).status, 403, 'the other key is not accepted');
      assert.equal((await carol.samples('BL-SAM')).status, 200);
    });
    test('registration must be signed by the submitted key, for the same user', async () => {
      const mallory = new MxdcSigner();
      const token = mallory.token('alice').replace(/^alice:/, 'bob:');
      const response = await fetch(`${facility.baseUrl}/api/v2/${token}/project/`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ public: mallory.publicKeyText }).toString(),
      });
      assert.equal(response.status, 403);
      const other = new MxdcSigner();
      const mismatched = await fetch(`${facility.baseUrl}/api/v2/${mallory.token('bob')}/project/`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ public: other.publicKeyText }).toString(),
      });
      assert.equal(mismatched.status, 403);
    });
    test('a missing or unusable key is 400 (D4)', async () => {
      const missing = await alice.post('project/', 'nothing=here', 'application/x-www-form-urlencoded');
      assert.equal(missing.status, 400);
      assert.match(missing.body.detail, /"public"/);
      const rsa = await alice.post('project/', new URLSearchParams({ public: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC' }).toString(), 'application/x-www-form-urlencoded');
      assert.equal(rsa.status, 400);
    });
  });

  describe('3. legacy status codes and the trusted-network gate', () => {
    test('an unknown user is 404, a user without a key 400', async () => {
      assert.equal((await new MxdcClient(facility.baseUrl, 'nobody').samples('BL-SAM')).status, 404);
    });
    test('from an untrusted address every /api/v2/ route is 404, while other APIs answer', async () => {
      const untrusted = await startFacility({ LIGHTPATH_TRUSTED_NETWORKS: '10.99.0.0/16' });
      try {
        await untrusted.load({ users: [{ username: 'alice', password: 'alice-pass' }], projects: [{ username: 'alice' }] });
        const client = untrusted.client('alice');
        for (const reply of [await client.register(), await client.samples('BL-SAM'), await client.launch('BL-SAM', 'S-1')]) {
          assert.equal(reply.status, 404);
          assert.deepEqual(reply.body, { detail: 'Not found.' });
        }
        for (const path of ['/api/v2/accesslist/', '/api/v2/keys/alice']) {
          assert.equal((await fetch(`${untrusted.baseUrl}${path}`)).status, 404, path);
        }
        assert.equal((await fetch(`${untrusted.baseUrl}/healthz`)).status, 200);
        assert.equal((await fetch(`${untrusted.baseUrl}/rest/v1/auth/me`)).status, 401);
      } finally {
        await untrusted.close();
      }
    });
  });

  describe('4. launch', () => {
    test('a new session gets a session, a stretch and a proxy key for <user>/<session>', async () => {
      const name = sessionKey('BL-SAM');
      const reply = await alice.launch('BL-SAM', name);
      assert.equal(reply.status, 200);
      assert.deepEqual(Object.keys(reply.body).sort(), ['duration', 'end_time', 'session', 'survey']);
      const session = await db().selectFrom('beamline_sessions').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
      const key = await db().selectFrom('proxy_keys').selectAll().where('key', '=', session.proxy_key!).executeTakeFirstOrThrow();
      assert.equal(key.path, `${facility.usersRoot}/alice/${name}`);
      const stretches = await db().selectFrom('stretches').selectAll().where('session_id', '=', session.id).execute();
      assert.equal(stretches.length, 1);
      assert.equal(stretches[0].ended_at, null);
    });
    test('launching again joins the session and reopens a stretch closed minutes ago', async () => {
      const name = sessionKey('BL-SAM');
      await alice.launch('BL-SAM', name);
      await alice.close('BL-SAM', name);
      const again = await alice.launch('BL-SAM', name);
      assert.equal(again.status, 200);
      const sessions = await db().selectFrom('beamline_sessions').selectAll().where('name', '=', name).execute();
      assert.equal(sessions.length, 1);
      const stretches = await db().selectFrom('stretches').selectAll().where('session_id', '=', sessions[0].id).execute();
      assert.equal(stretches.length, 1, 'no new stretch');
      assert.equal(stretches[0].ended_at, null, 'reopened');
    });
    test("a launch by another project on the same beamline closes the open stretch", async () => {
      const mine = sessionKey('BL-ISARA');
      const theirs = sessionKey('BL-ISARA');
      await alice.launch('BL-ISARA', mine);
      await bob.launch('BL-ISARA', theirs);
      const session = await db().selectFrom('beamline_sessions').select('id').where('name', '=', mine).executeTakeFirstOrThrow();
      const open = await db().selectFrom('stretches').select('id').where('session_id', '=', session.id).where('ended_at', 'is', null).execute();
      assert.equal(open.length, 0);
    });
    test('an unknown beamline is 404', async () => {
      const reply = await alice.launch('NO-SUCH', sessionKey('X'));
      assert.equal(reply.status, 404);
      assert.match(reply.body.detail, /Unknown beamline/);
    });
    test('a proxy that cannot be reached is 500 "Unable to create SecurePath" and creates nothing', async () => {
      const port = await freePort();
      const broken = await startFacility({ LIGHTPATH_DATAPROXY_URL: `http://127.0.0.1:${port}/download`, LIGHTPATH_DATAPROXY_SECRET: 'a-long-enough-secret' });
      try {
        await broken.load({ users: [{ username: 'alice', password: 'alice-pass' }], beamlines: [{ acronym: 'BL-1' }], projects: [{ username: 'alice' }] });
        const client = broken.client('alice');
        assert.equal((await client.register()).status, 200);
        const reply = await client.launch('BL-1', 'BL1-20261121-abcdefgh');
        assert.equal(reply.status, 500);
        assert.deepEqual(reply.body, { detail: 'Unable to create SecurePath' });
        const sessions = await broken.server.platform.db.selectFrom('beamline_sessions').select('id').execute();
        assert.equal(sessions.length, 0);
      } finally {
        await broken.close();
      }
    });
  });

  describe('5. close', () => {
    test('closes every open stretch and reports the total time (D10)', async () => {
      const name = sessionKey('BL-CATS');
      await alice.launch('BL-CATS', name);
      const session = await db().selectFrom('beamline_sessions').select('id').where('name', '=', name).executeTakeFirstOrThrow();
      const hourAgo = new Date(Date.now() - 3600_000).toISOString();
      const twoHoursAgo = new Date(Date.now() - 7200_000).toISOString();
      await db().insertInto('stretches').values({ session_id: session.id, started_at: twoHoursAgo, ended_at: hourAgo }).execute();
      const reply = await alice.close('BL-CATS', name);
      assert.equal(reply.status, 200);
      assert.equal(reply.body.duration, '1 hour');
      const open = await db().selectFrom('stretches').select('id').where('session_id', '=', session.id).where('ended_at', 'is', null).execute();
      assert.equal(open.length, 0);
    });
    test('an unknown session is 404', async () => {
      assert.equal((await alice.close('BL-SAM', 'never-launched')).status, 404);
    });
  });

  describe('6. samples', () => {
    test('SAM: pucks in adaptors and cassettes in the dewar, plus unloaded containers; others excluded', async () => {
      const reply = await alice.samples('BL-SAM');
      const byName = new Map((reply.body as Array<{ name: string; port: string }>).map((s) => [s.name, s.port]));
      assert.equal(byName.get('a-5'), 'LA5');
      assert.equal(byName.get('c-a1'), 'MA1');
      assert.equal(byName.get('loose-5'), '5', 'unloaded: the port is the location');
      assert.equal(byName.get('spine-3'), '3');
      for (const excluded of ['i-5', 'orphan-1', 'sent-1', 'old-1', 'bob-1']) assert.equal(byName.has(excluded), false, excluded);
    });
    test('ISARA: a puck directly in the dewar', async () => {
      const reply = await alice.samples('BL-ISARA');
      const byName = new Map((reply.body as Array<{ name: string; port: string }>).map((s) => [s.name, s.port]));
      assert.equal(byName.get('i-5'), '1A5');
      assert.equal(byName.has('a-5'), false, 'loaded on another beamline');
    });
    test('ordered by group priority then sample priority, ungrouped last; priority is the index; no "null" key (D9)', async () => {
      const reply = await alice.samples('BL-SAM');
      const samples = reply.body as Array<Record<string, unknown>>;
      assert.deepEqual(samples.map((s) => s.name), ['a-7', 'a-6', 'a-5', 'c-a1', 'loose-5', 'spine-3']);
      assert.deepEqual(samples.map((s) => s.priority), [0, 1, 2, 3, 4, 5]);
      assert.ok(samples.every((s) => !('null' in s)));
    });
    test('a beamline without an active automounter is 404', async () => {
      assert.equal((await alice.samples('BL-NONE')).status, 404);
    });
  });

  describe('7. datasets', () => {
    const payload = (directory: string, extra: Record<string, unknown> = {}) => ({
      name: 'ds_1', frames: '1-4,8,10-99', filename: 'ds_1_{:05d}.cbf', type: 'DATA', directory, energy: 12.6, attenuation: 10,
      exposure: 0.2, beam_size: 30, uuid: 'u-1', group: 'g', container: 'c', port: 'LA1',
      start_time: '2026-11-21T08:00:00+00:00', end_time: '2026-11-21T08:10:00+00:00', ...extra,
    });
    const dataset = (id: number) => db().selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    test('msgpack without Content-Type; frames counted; times honoured; meta_data as MxLIVE keeps it', async () => {
      const reply = await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds')));
      assert.equal(reply.status, 200, reply.text);
      const row = await dataset(reply.body.id);
      assert.equal(row.num_frames, 95);
      assert.equal(row.frames, '1-4,8,10-99');
      assert.equal(row.start_time, '2026-11-21T08:00:00.000Z');
      assert.equal(row.end_time, '2026-11-21T08:10:00.000Z');
      assert.equal(row.exposure_time, 0.2);
      assert.equal(row.file_name, 'ds_1_{:05d}.cbf');
      const meta = JSON.parse(row.meta_data);
      for (const key of ['uuid', 'start_time', 'end_time', 'beam_size']) assert.ok(key in meta, key);
      for (const key of ['sample_id', 'group', 'port', 'frames', 'energy', 'filename', 'exposure', 'attenuation', 'container', 'name', 'directory', 'type', 'id']) {
        assert.equal(key in meta, false, key);
      }
    });
    test('without start_time the start is end − frames × exposure (D7); attenuation defaults to 0', async () => {
      const body = payload(facility.directory('alice/s1/ds2'), { frames: '1-10', exposure: 6 });
      delete (body as Record<string, unknown>).start_time;
      delete (body as Record<string, unknown>).attenuation;
      const reply = await alice.addData('BL-SAM', body);
      assert.equal(reply.status, 200, reply.text);
      const row = await dataset(reply.body.id);
      assert.equal(row.start_time, '2026-11-21T08:09:00.000Z');
      assert.equal(row.attenuation, 0);
    });
    test('unknown or missing type, missing energy, bad frames, wrong types are 400 and write nothing (D8)', async () => {
      const directory = facility.directory('alice/s1/bad');
      const before = (await db().selectFrom('datasets').select('id').execute()).length;
      const cases: Array<Record<string, unknown>> = [
        payload(directory, { type: 'NOPE' }), payload(directory, { type: undefined }), payload(directory, { energy: undefined }),
        payload(directory, { energy: '12.6' }), payload(directory, { frames: '1-4,' }), payload(directory, { sample_id: 'x' }),
        payload(directory, { start_time: 'yesterday' }), payload(directory, { name: 5 }),
      ];
      for (const body of cases) {
        const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
        const reply = await alice.addData('BL-SAM', clean);
        assert.equal(reply.status, 400, JSON.stringify(body));
        assert.ok(reply.body.detail);
      }
      for (const raw of [Buffer.from('not msgpack at all'), Buffer.from(encode([1, 2, 3])), Buffer.alloc(0)]) {
        const reply = await alice.post('data/BL-SAM/', raw);
        assert.equal(reply.status, 400);
      }
      assert.equal((await db().selectFrom('datasets').select('id').execute()).length, before);
    });
    test("another project's sample id is not linked", async () => {
      const bobSample = await db().selectFrom('samples').select('id').where('name', '=', 'bob-1').executeTakeFirstOrThrow();
      const reply = await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds3'), { sample_id: bobSample.id }));
      const row = await dataset(reply.body.id);
      assert.equal(row.sample_id, null);
      const own = await db().selectFrom('samples').select(['id', 'group_id']).where('name', '=', 'a-5').executeTakeFirstOrThrow();
      const mine = await dataset((await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds4'), { sample_id: own.id }))).body.id);
      assert.equal(mine.sample_id, own.id);
      assert.equal(mine.group_id, own.group_id);
    });
    test("a dataset joins the beamline's active session only when it is the caller's", async () => {
      const name = sessionKey('BL-SAM');
      await bob.launch('BL-SAM', name);
      const reply = await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds5')));
      assert.equal((await dataset(reply.body.id)).session_id, null);
      const mineName = sessionKey('BL-SAM');
      await alice.launch('BL-SAM', mineName);
      const session = await db().selectFrom('beamline_sessions').select('id').where('name', '=', mineName).executeTakeFirstOrThrow();
      const linked = await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds6')));
      assert.equal((await dataset(linked.body.id)).session_id, session.id);
    });
    test("a re-post with the caller's id updates that row; another project's id creates a new row (D6)", async () => {
      const first = await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds7')));
      const update = await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds7'), { id: first.body.id, frames: '1-2' }));
      assert.equal(update.body.id, first.body.id);
      assert.equal((await dataset(first.body.id)).num_frames, 2);
      const huge = await alice.addData('BL-SAM', payload(facility.directory('alice/s1/ds7'), { id: 99999999999, sample_id: 99999999999 }));
      assert.equal(huge.status, 200, 'an id the database cannot hold names nothing: a new row');
      assert.notEqual(huge.body.id, first.body.id);
      const theft = await bob.addData('BL-SAM', payload(facility.directory('bob/s1/ds'), { id: first.body.id, name: 'stolen' }));
      assert.equal(theft.status, 200);
      assert.notEqual(theft.body.id, first.body.id);
      const original = await dataset(first.body.id);
      assert.equal(original.name, 'ds_1');
      assert.equal(original.project_id, (await dataset(first.body.id)).project_id);
      assert.equal((await dataset(theft.body.id)).name, 'stolen');
    });
    test('a directory outside the data roots is recorded without files (D17): 200, and its links say why', async () => {
      const reply = await alice.addData('BL-SAM', payload('/etc'));
      assert.equal(reply.status, 200, reply.text);
      const key = (await dataset(reply.body.id)).proxy_key;
      const link = await fetch(`${facility.baseUrl}/download/files/archive/${key}/etc.tar.gz`);
      assert.equal(link.status, 404);
      assert.match(((await link.json()) as { detail: string }).detail, /\/etc was outside the configured data roots.*LIGHTPATH_DATA_ROOTS/);
    });
  });

  describe('8. reports', () => {
    test('missing data_id is 404; title, default kind, null score; updates by id; links only grow and stay in the project', async () => {
      const directory = facility.directory('alice/s1/report');
      const missing = await alice.addReport('BL-SAM', { directory, title: 'x' });
      assert.equal(missing.status, 404);
      const ds = (await alice.addData('BL-SAM', { name: 'r1', type: 'SCREEN', directory, energy: 12, frames: '1-1' })).body.id;
      const ds2 = (await alice.addData('BL-SAM', { name: 'r2', type: 'SCREEN', directory, energy: 12, frames: '1-1' })).body.id;
      const bobs = (await bob.addData('BL-SAM', { name: 'b', type: 'SCREEN', directory: facility.directory('bob/x'), energy: 12, frames: '1-1' })).body.id;
      const created = await alice.addReport('BL-SAM', { data_id: [ds, null, bobs], directory, title: 'Screening of "r1"', score: null });
      assert.equal(created.status, 200, created.text);
      const report = () => db().selectFrom('reports').selectAll().where('id', '=', created.body.id).executeTakeFirstOrThrow();
      assert.equal((await report()).name, 'Screening of "r1"');
      assert.equal((await report()).kind, 'Data Analysis');
      assert.equal((await report()).score, 0);
      const updated = await alice.addReport('BL-SAM', { data_id: [ds2], directory, title: 'Screening of "r1"', kind: 'MX Screening', score: 0.7, id: created.body.id });
      assert.equal(updated.body.id, created.body.id);
      assert.equal((await report()).kind, 'MX Screening');
      const links = await db().selectFrom('report_datasets').select('dataset_id').where('report_id', '=', created.body.id).execute();
      assert.deepEqual(links.map((l) => l.dataset_id).sort((a, b) => a - b), [ds, ds2].sort((a, b) => a - b));
      const foreign = await bob.addReport('BL-SAM', { data_id: [bobs], directory: facility.directory('bob/r'), title: 'mine now', id: created.body.id });
      assert.notEqual(foreign.body.id, created.body.id);
      assert.equal((await report()).name, 'Screening of "r1"');
    });
  });

  describe('9. access lists', () => {
    test('GET from an unregistered address is []; from the list address the usernames; POST records connections', async () => {
      const app = facility.server.app;
      const empty = await app.inject({ method: 'GET', url: '/api/v2/accesslist/', remoteAddress: '127.0.0.9' });
      assert.equal(empty.statusCode, 200);
      assert.deepEqual(empty.json(), []);
      const now = new Date().toISOString();
      const list = await db().insertInto('access_lists').values({ name: 'nx-1', description: '', address: '127.0.0.5', active: true, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      for (const username of ['bob', 'alice']) {
        const project = await db().selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id').select('projects.id').where('username', '=', username).executeTakeFirstOrThrow();
        await db().insertInto('access_list_projects').values({ access_list_id: list.id, project_id: project.id }).execute();
      }
      const listed = await app.inject({ method: 'GET', url: '/api/v2/accesslist/', remoteAddress: '::ffff:127.0.0.5' });
      assert.deepEqual(listed.json(), ['alice', 'bob']);
      const posted = await app.inject({
        method: 'POST', url: '/api/v2/accesslist/', remoteAddress: '127.0.0.5',
        payload: Buffer.from(encode([
          { project: 'alice', name: 'session-1', status: 'Connected', date: '2026-11-21 09:00:00' },
          { project: 'ghost', name: 'session-2', status: 'Connected', date: '2026-11-21 09:00:00' },
        ])),
      });
      assert.equal(posted.statusCode, 200);
      assert.deepEqual(posted.json(), ['alice', 'bob']);
      await app.inject({ method: 'POST', url: '/api/v2/accesslist/', remoteAddress: '127.0.0.5', payload: Buffer.from(encode([{ project: 'alice', name: 'session-1', status: 'Finished', date: '2026-11-21 10:00:00' }])) });
      const connections = await db().selectFrom('remote_connections').selectAll().execute();
      assert.equal(connections.length, 1);
      assert.equal(connections[0].status, 'Finished');
      assert.equal(connections[0].created_at, '2026-11-21T09:00:00.000Z');
      assert.equal(connections[0].ended_at, '2026-11-21T10:00:00.000Z');
      const bad = await app.inject({ method: 'POST', url: '/api/v2/accesslist/', remoteAddress: '127.0.0.5', payload: Buffer.from(encode({ not: 'a list' })) });
      assert.equal(bad.statusCode, 400);
    });
  });

  describe('10. SSH keys', () => {
    test('text/plain, newline-joined, no trailing newline; unknown user empty; trailing slash 404', async () => {
      const project = await db().selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id').select('projects.id').where('username', '=', 'alice').executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      await db().insertInto('ssh_keys').values([
        { project_id: project.id, name: 'laptop', key: 'ssh-ed25519 AAAAC3Nza laptop', created_at: now, updated_at: now },
        { project_id: project.id, name: 'desk', key: 'ssh-rsa AAAAB3Nza desk', created_at: now, updated_at: now },
      ]).execute();
      const response = await fetch(`${facility.baseUrl}/api/v2/keys/alice`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^text\/plain/);
      assert.equal(await response.text(), 'ssh-ed25519 AAAAC3Nza laptop\nssh-rsa AAAAB3Nza desk');
      const unknown = await fetch(`${facility.baseUrl}/api/v2/keys/nobody`);
      assert.equal(unknown.status, 200);
      assert.equal(await unknown.text(), '');
      assert.equal((await fetch(`${facility.baseUrl}/api/v2/keys/alice/`)).status, 404);
    });
  });
});
