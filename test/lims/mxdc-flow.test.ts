// The whole MxDC flow against a real listening server with the demo facility: register a key,
// launch a session, fetch samples, upload datasets and a report, close, and re-upload with ids.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_FACILITY, startFacility } from './facility.ts';
import type { Facility } from './facility.ts';
import { sessionKey } from '../support/mxdc/client.ts';
import type { MxdcClient } from '../support/mxdc/client.ts';

describe('MxDC against the demo facility', () => {
  let facility: Facility;
  let mxdc: MxdcClient;
  const session = sessionKey('SIM-1');
  const datasetIds: number[] = [];

  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    mxdc = facility.client('demo');
  });
  after(() => facility.close());

  test('registers its key (200 {}), and a second registration is 304', async () => {
    const first = await mxdc.register();
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body, {});
    assert.match(first.contentType!, /^application\/json/);
    const second = await mxdc.register();
    assert.equal(second.status, 304);
    assert.equal(second.text, '');
  });

  test('launches a session', async () => {
    const reply = await mxdc.launch('SIM-1', session);
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(Object.keys(reply.body).sort(), ['duration', 'end_time', 'session', 'survey']);
    assert.equal(reply.body.session, session);
    assert.equal(reply.body.end_time, null);
    assert.equal(reply.body.duration, '0 minutes');
    const feedbackKey = Buffer.from(`demo:${session}`).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    assert.equal(reply.body.survey, `${facility.baseUrl}/users/feedback/${feedbackKey}/new/`);
  });

  test('gets the samples MxDC can mount on SIM-1, in priority order, with ports', async () => {
    const reply = await mxdc.samples('SIM-1');
    assert.equal(reply.status, 200, reply.text);
    const samples = reply.body as Array<Record<string, unknown>>;
    // DEMO-001 (adaptor at L, position A) and the unloaded DEMO-003; DEMO-002 is in SIM-2's ISARA.
    assert.deepEqual(samples.map((s) => s.name), [
      'lyso-01', 'lyso-02', 'lyso-03', 'lyso-04', 'lyso-05', 'lyso-06', 'lyso-07', 'lyso-08', 'spare-01', 'spare-02',
    ]);
    assert.deepEqual(samples.map((s) => s.port), ['LA1', 'LA2', 'LA3', 'LA4', 'LA5', 'LA6', 'LA7', 'LA8', '1', '2']);
    assert.deepEqual(samples.map((s) => s.priority), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(Object.keys(samples[0]).sort(), ['barcode', 'comments', 'container', 'container_type', 'group', 'id', 'location', 'name', 'port', 'priority']);
    assert.deepEqual({ ...samples[4], id: 0 }, {
      container: 'DEMO-001', container_type: 'Uni-Puck', group: 'lyso', id: 0, name: 'lyso-05', barcode: null, comments: null, location: '5', port: 'LA5', priority: 4,
    });
    assert.equal(samples[8].group, null);
    const sim2 = await mxdc.samples('SIM-2');
    assert.deepEqual((sim2.body as Array<{ port: string }>).map((s) => s.port), ['1A1', '1A2', '1A3', '1A4', '1', '2']);
  });

  test('uploads datasets as msgpack without a Content-Type and gets ids back', async () => {
    const samples = (await mxdc.samples('SIM-1')).body as Array<{ id: number; name: string }>;
    for (const [index, sample] of samples.slice(0, 3).entries()) {
      const directory = facility.directory(`demo/${session}/${sample.name}/data`);
      const reply = await mxdc.addData('SIM-1', {
        name: `${sample.name}_1`, frames: '1-360', filename: `${sample.name}_1_{:05d}.cbf`, group: 'lyso', container: 'DEMO-001', port: `LA${index + 1}`,
        start_time: '2026-11-21T10:00:00.000000+00:00', end_time: '2026-11-21T10:03:00.000000+00:00', type: 'DATA', sample_id: sample.id,
        uuid: `uuid-${index}`, directory, energy: 12.658, attenuation: 50, exposure: 0.5, beam_size: 50,
        detector_type: 'PILATUS 6M', beam_x: 1231.5, beam_y: 1263.5, pixel_size: 0.172, resolution: 1.8, start_angle: 0, delta_angle: 0.5,
      });
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(Object.keys(reply.body), ['id']);
      datasetIds.push(reply.body.id);
    }
    const rows = await facility.server.platform.db.selectFrom('datasets').selectAll().where('id', 'in', datasetIds).orderBy('id').execute();
    assert.equal(rows.length, 3);
    const sessionRow = await facility.server.platform.db.selectFrom('beamline_sessions').select('id').where('name', '=', session).executeTakeFirstOrThrow();
    for (const row of rows) {
      assert.equal(row.num_frames, 360);
      assert.equal(row.session_id, sessionRow.id);
      assert.ok(row.sample_id);
      assert.match(row.proxy_key, /^[0-9a-f]{40}$/);
    }
  });

  test('uploads a report linked to the datasets', async () => {
    const directory = facility.directory(`demo/${session}/process/lyso-01`);
    const reply = await mxdc.addReport('SIM-1', {
      data_id: datasetIds, directory, title: 'Analysis of "lyso-01_1"', kind: 'MX Native Analysis', score: 0.82,
      details: [{ title: 'Data Quality Statistics', content: [{ kind: 'table', data: [['Resolution', 1.8]], header: 'column' }] }],
      filename: 'report.json',
    });
    assert.equal(reply.status, 200, reply.text);
    const links = await facility.server.platform.db.selectFrom('report_datasets').select('dataset_id').where('report_id', '=', reply.body.id).execute();
    assert.deepEqual(links.map((l) => l.dataset_id).sort(), [...datasetIds].sort());
    const again = await mxdc.addReport('SIM-1', { data_id: datasetIds, directory, title: 'Analysis of "lyso-01_1"', score: 0.9, id: reply.body.id });
    assert.equal(again.body.id, reply.body.id);
  });

  test('re-uploading a dataset with its id updates the same record', async () => {
    const directory = facility.directory(`demo/${session}/lyso-01/data`);
    const reply = await mxdc.addData('SIM-1', {
      id: datasetIds[0], name: 'lyso-01_1', frames: '1-180', filename: 'lyso-01_1_{:05d}.cbf', type: 'DATA', directory,
      energy: 12.658, attenuation: 0, exposure: 1, start_time: '2026-11-21T11:00:00+00:00', end_time: '2026-11-21T11:03:00+00:00',
    });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.body.id, datasetIds[0]);
    const row = await facility.server.platform.db.selectFrom('datasets').selectAll().where('id', '=', datasetIds[0]).executeTakeFirstOrThrow();
    assert.equal(row.num_frames, 180);
  });

  test('closes the session', async () => {
    const reply = await mxdc.close('SIM-1', session);
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(Object.keys(reply.body).sort(), ['duration', 'session']);
    assert.equal(reply.body.session, session);
    const open = await facility.server.platform.db.selectFrom('stretches').select('id').where('ended_at', 'is', null).execute();
    assert.equal(open.length, 0);
  });
});

describe('MxDC against `lightpath serve`', () => {
  test('a real server process with the demo facility: register, launch, samples', async () => {
    const { freshDatabase } = await import('../helpers/database.ts');
    const { testEnv } = await import('../helpers/platform.ts');
    const { freePort, runLightpath, spawnLightpath } = await import('../helpers/processes.ts');
    const { waitFor } = await import('../helpers/wait.ts');
    const { MxdcClient } = await import('../support/mxdc/client.ts');
    const database = await freshDatabase();
    const env = testEnv(database, { LIGHTPATH_DATA_ROOTS: database.dataDir, LIGHTPATH_DATA_USER_ROOT: database.dataDir });
    try {
      assert.equal((await runLightpath(['load', DEMO_FACILITY], env)).code, 0);
      const port = await freePort();
      const server = spawnLightpath(['serve'], { ...env, PORT: String(port) });
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitFor('the server to listen', async () => (await fetch(`${base}/healthz`)).ok, 60000);
        const client = new MxdcClient(base, 'demo');
        assert.equal((await client.register()).status, 200);
        const launch = await client.launch('SIM-2', sessionKey('SIM-2'));
        assert.equal(launch.status, 200, launch.text);
        const samples = await client.samples('SIM-2');
        assert.deepEqual((samples.body as Array<{ port: string }>).slice(0, 4).map((s) => s.port), ['1A1', '1A2', '1A3', '1A4']);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      await database.drop();
    }
  });
});
