// Uploads arriving together are written together (one statement per table for the whole group):
// each must still get its own dataset, key, sample, event and activity entry, whatever mix of
// projects, samples, updates and directories the group holds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFacility } from './facility.ts';
import type { Facility } from './facility.ts';
import type { MxdcClient } from '../support/mxdc/client.ts';

const puck = (name: string, prefix: string) => ({
  name, type: 'Uni-Puck', samples: [1, 2, 3].map((location) => ({ name: `${prefix}-${location}`, location, group: `${prefix}-group` })),
});

const FACILITY = {
  users: [{ username: 'alice', password: 'alice-pass' }, { username: 'bob', password: 'bob-pass' }],
  beamlines: [{ acronym: 'BL-1' }],
  projects: ['alice', 'bob'].map((username) => ({
    username,
    shipments: [{ name: `${username}-SHIP`, state: 'on_site', groups: [{ name: `${username}-group` }], containers: [puck(`${username}-PUCK`, username)] }],
  })),
};

interface Upload {
  who: 'alice' | 'bob';
  name: string;
  /** The sample's name, for sample_id. */
  sample?: string;
  /** Where the data lies: a folder under the users root, or an absolute path outside it. */
  directory: string;
  /** The name of an earlier upload whose dataset this one saves again. */
  updates?: string;
}

describe('AddData: uploads written together', () => {
  let facility: Facility;
  const clients: Record<string, MxdcClient> = {};
  const db = () => facility.server.platform.db;

  before(async () => {
    facility = await startFacility();
    await facility.load(FACILITY);
    for (const who of ['alice', 'bob']) {
      clients[who] = facility.client(who);
      assert.equal((await clients[who].register()).status, 200);
    }
  });
  after(() => facility.close());

  const sampleIds = async () => new Map((await db().selectFrom('samples').select(['id', 'name', 'group_id']).execute()).map((s) => [s.name, s]));
  const send = async (upload: Upload, ids: Map<string, number>, samples: Awaited<ReturnType<typeof sampleIds>>) => {
    const directory = upload.directory.startsWith('/') ? upload.directory : facility.directory(upload.directory);
    const reply = await clients[upload.who].addData('BL-1', {
      name: upload.name, type: 'DATA', frames: '1-10', energy: 12.658, directory,
      ...(upload.sample ? { sample_id: samples.get(upload.sample)!.id } : {}),
      ...(upload.updates ? { id: ids.get(upload.updates) } : {}),
    });
    assert.equal(reply.status, 200, `${upload.name}: ${reply.text}`);
    return { upload, directory, id: reply.body.id as number };
  };

  test('each upload of a burst gets its own records, linked as if it had been sent alone', async () => {
    const samples = await sampleIds();
    const earlier = await send({ who: 'alice', name: 'earlier', directory: 'alice/earlier' }, new Map(), samples);
    const ids = new Map([['earlier', earlier.id]]);
    const burst: Upload[] = [
      { who: 'alice', name: 'a-own-1', sample: 'alice-1', directory: 'alice/d1' },
      { who: 'bob', name: 'b-own-2', sample: 'bob-2', directory: 'bob/d1' },
      { who: 'alice', name: 'a-bobs-sample', sample: 'bob-1', directory: 'alice/d2' },
      { who: 'alice', name: 'a-no-sample', directory: 'alice/d3' },
      { who: 'alice', name: 'a-again', sample: 'alice-3', directory: 'alice/earlier', updates: 'earlier' },
      { who: 'bob', name: 'b-steals', directory: 'bob/d2', updates: 'earlier' },
      { who: 'alice', name: 'a-outside', sample: 'alice-2', directory: '/etc' },
      { who: 'bob', name: 'b-own-3', sample: 'bob-3', directory: 'bob/d3' },
      { who: 'alice', name: 'a-same-sample', sample: 'alice-1', directory: 'alice/d4' },
      { who: 'bob', name: 'b-no-sample', directory: 'bob/d4' },
    ];
    // New datasets alone first (PostgreSQL writes such a group in one statement), then with re-posts.
    const sent = [
      ...await Promise.all(burst.filter((upload) => !upload.updates).map((upload) => send(upload, ids, samples))),
      ...await Promise.all(burst.slice(3, 7).map((upload) => send({ ...upload, name: `${upload.name}-2` }, ids, samples))),
    ];

    const answered = sent.map((s) => s.id);
    assert.equal(new Set(answered.filter((id) => id !== earlier.id)).size, sent.length - 1, 'every new dataset has its own id');
    const projects = new Map((await db().selectFrom('projects').innerJoin('users', 'users.id', 'projects.user_id').select(['projects.id', 'users.username']).execute()).map((p) => [p.username, p.id]));
    for (const { upload, directory, id } of sent) {
      const row = await db().selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.name, upload.name);
      assert.equal(row.project_id, projects.get(upload.who));
      const sample = upload.sample ? samples.get(upload.sample)! : undefined;
      const own = sample !== undefined && upload.sample!.startsWith(upload.who);
      assert.equal(row.sample_id, own ? sample.id : null, `${upload.name}: sample`);
      assert.equal(row.group_id, own ? sample.group_id : null, `${upload.name}: group`);
      const key = await db().selectFrom('proxy_keys').selectAll().where('key', '=', row.proxy_key).executeTakeFirstOrThrow();
      assert.equal(key.path, directory, `${upload.name}: key`);
      assert.equal(Boolean(key.outside_roots), directory === '/etc', `${upload.name}: outside roots`);
      const updated = upload.name === 'a-again-2';
      assert.equal(id === earlier.id, updated, `${upload.name}: only the owner's re-post updates`);
      const events = await db().selectFrom('events').select(['kind', 'project_id', 'subject']).where('subject', 'like', `{"dataset_id":${id},%`).execute();
      assert.deepEqual(events.map((e) => [e.kind, e.project_id]).slice(-1), [[updated ? 'dataset.changed' : 'dataset.created', row.project_id]], `${upload.name}: event`);
      const activity = await db().selectFrom('activity_log').select(['project_id', 'object_id']).where('object_type', '=', 'dataset').where('object_id', '=', id).execute();
      assert.equal(activity.length, updated ? 2 : 1, `${upload.name}: activity`);
      assert.ok(activity.every((entry) => entry.project_id === row.project_id));
    }
  });
});
