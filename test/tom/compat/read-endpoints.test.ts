// The three tom_education read endpoints (spec §1.1–1.3, §8): exact keys and order, epoch-float
// times, 404 {"detail": "Not found."} for unknown and non-numeric ids, and private targets hidden.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startObservatory, frameSpec } from '../observatory.ts';
import type { Observatory } from '../observatory.ts';
import { createProcess, finishProcess, getProcess, FAILED, CREATED } from '../../../src/tom/processes.ts';
import { makeUser, login } from '../../helpers/accounts.ts';

describe('tom_education read endpoints', () => {
  let obs: Observatory;
  const get = (url: string, headers: Record<string, string> = {}) => obs.server.app.inject({ method: 'GET', url, headers });
  const newProcess = (targetId: number, stem: string, isPipeline: boolean) =>
    obs.server.platform.db.transaction().execute((trx) => createProcess(trx, {
      stem, processType: isPipeline ? 'pipeline' : 'async', isPipeline, pipelineName: isPipeline ? 'Timelapse' : null, targetId, flags: null, inputIds: [],
    }));

  before(async () => {
    obs = await startObservatory({ LIGHTPATH_TARGET_EXTRA_FIELDS: 'mykey:string,count:number,active:boolean,seen:datetime' });
  });
  after(() => obs.close());

  test('async status: newest first, every key in order, nulls for empty values', async () => {
    const target = await obs.target('status-1');
    const hello = await newProcess(target.id, 'hello', false);
    await new Promise((r) => setTimeout(r, 5));
    const ohno = await newProcess(target.id, 'ohno', true);
    await finishProcess(obs.server.platform.db, ohno, { status: FAILED, message: 'oops' });
    const before = Date.now() / 1000;
    const response = await get(`/api/async/status/${target.id}/`);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^application\/json/);
    const body = response.json();
    assert.deepEqual(Object.keys(body), ['timestamp', 'processes']);
    assert.ok(body.timestamp >= before - 1 && body.timestamp <= Date.now() / 1000 + 1);
    assert.deepEqual(body.processes.map((p: { identifier: string }) => p.identifier), ['ohno', 'hello']);
    assert.deepEqual(Object.keys(body.processes[0]), ['identifier', 'created', 'status', 'terminal_timestamp', 'failure_message', 'view_url', 'process_type']);
    assert.equal(body.processes[0].status, 'failed');
    assert.equal(body.processes[0].failure_message, 'oops');
    assert.equal(body.processes[0].view_url, `/pipeline/${ohno.id}`);
    assert.equal(typeof body.processes[0].terminal_timestamp, 'number');
    assert.equal(typeof body.processes[0].created, 'number');
    assert.deepEqual({ ...body.processes[1], created: 0 }, {
      identifier: 'hello', created: 0, status: 'pending', terminal_timestamp: null, failure_message: null, view_url: null, process_type: 'async',
    });
    await finishProcess(obs.server.platform.db, hello, { status: FAILED, message: '' });
    const later = (await get(`/api/async/status/${target.id}/`)).json();
    assert.equal(later.processes[1].status, 'failed');
    assert.equal(later.processes[1].failure_message, null, 'an empty failure message is null');
    assert.ok(later.processes[1].terminal_timestamp > 0);
  });

  test('the terminal time is set once, when the process first ends (T6)', async () => {
    const target = await obs.target('status-2');
    const process = await newProcess(target.id, 'twice', true);
    assert.equal(process.terminal_at, null);
    await finishProcess(obs.server.platform.db, process, { status: CREATED });
    const first = (await getProcess(obs.server.platform.db, process.id))!.terminal_at;
    await new Promise((r) => setTimeout(r, 10));
    await finishProcess(obs.server.platform.db, process, { status: FAILED, message: 'later' });
    assert.equal((await getProcess(obs.server.platform.db, process.id))!.terminal_at, first);
  });

  test('unknown and non-numeric ids are 404 {"detail": "Not found."} on all three (T7)', async () => {
    for (const url of ['/api/async/status/100000/', '/api/async/status/abc/', '/api/async/status/99999999999/', '/api/target/2147483648/', '/api/pipeline/logs/100000/', '/api/pipeline/logs/x1/', '/api/target/100000/', '/api/target/m13/']) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.deepEqual(response.json(), { detail: 'Not found.' }, url);
    }
  });

  test('pipeline logs: the keys of the spec, before and after a run; plain processes are not pipelines', async () => {
    const target = await obs.target('logs-1');
    const frames = [];
    for (const [i, date] of ['2019-01-02T03:04:00', '2019-01-02T03:05:00'].entries()) frames.push(await obs.frame(target, `f${i}.fits`, frameSpec(date)));
    const plain = await newProcess(target.id, 'plain', false);
    assert.equal((await get(`/api/pipeline/logs/${plain.id}/`)).statusCode, 404);
    const process = await obs.run(target, 'Timelapse', frames, { settings: { format: 'gif' } });
    const body = (await get(`/api/pipeline/logs/${process.id}/`)).json();
    assert.deepEqual(Object.keys(body), ['identifier', 'created', 'status', 'terminal_timestamp', 'failure_message', 'view_url', 'logs', 'group_name', 'group_url']);
    assert.equal(body.status, 'created');
    assert.equal(body.view_url, `/pipeline/${process.id}`);
    assert.match(body.logs, /^Sorting frames\nProcessing frame 1\/2\nProcessing frame 2\/2\nFinished\n$/);
    assert.equal(body.group_name, `${process.identifier}_outputs`);
    assert.match(body.group_url, /^\/dataproducts\/data\/group\/\d+\/$/);
    assert.equal(body.failure_message, null);
  });

  test('target: identifier, names, typed extra fields, timelapses newest first, data links (T3, T5)', async () => {
    const target = await obs.target('tgt-1');
    const { db } = obs.server.platform;
    await db.updateTable('targets').set({ name2: 'NGC 6205', name: 'Hercules Globular Cluster' }).where('id', '=', target.id).execute();
    await db.insertInto('target_extras').values([
      { target_id: target.id, key: 'mykey', value: 'myvalue' }, { target_id: target.id, key: 'count', value: '12.5' },
      { target_id: target.id, key: 'active', value: 'False' }, { target_id: target.id, key: 'seen', value: 'not a date' },
      { target_id: target.id, key: 'undeclared', value: 'hidden' },
    ]).execute();
    const frames = [];
    for (const [i, date] of ['2019-01-02T03:04:00', '2019-01-02T03:05:00'].entries()) frames.push(await obs.frame(target, `t${i}.fits`, frameSpec(date)));
    const gif = await obs.run(target, 'Timelapse', frames, { settings: { format: 'gif' } });
    await new Promise((r) => setTimeout(r, 1100)); // a later second, so the identifiers differ by time
    const webm = await obs.run(target, 'Timelapse', frames.slice(0, 1), { settings: { format: 'webm' } });
    const failed = await obs.run(target, 'Timelapse', frames, { settings: { fps: 0 } });
    assert.equal(failed.status, 'failed');

    const body = (await get(`/api/target/${target.id}/`)).json();
    assert.deepEqual(Object.keys(body), ['target', 'timelapses', 'data']);
    assert.deepEqual(body.target, {
      identifier: 'tgt-1', name: 'Hercules Globular Cluster', name2: 'NGC 6205', name3: '',
      extra_fields: { mykey: 'myvalue', count: 12.5, active: true, seen: null },
    });
    assert.deepEqual(body.timelapses.map((t: { name: string }) => t.name), [webm.identifier, gif.identifier]);
    assert.match(gif.identifier, /^timelapse_tgt-1_\d{4}-\d\d-\d\d-\d{6}\.gif$/);
    const [newest, older] = body.timelapses;
    assert.deepEqual(Object.keys(newest), ['name', 'format', 'url', 'created', 'frames']);
    assert.equal(newest.format, 'webm');
    assert.equal(newest.frames, 1);
    assert.equal(older.format, 'gif');
    assert.equal(older.frames, 2);
    assert.equal(older.url, `/data/tgt-1/none/${gif.identifier}`);
    assert.ok(newest.created > older.created);
    const file = await get(older.url);
    assert.equal(file.statusCode, 200);
    assert.equal(file.rawPayload.subarray(0, 6).toString(), 'GIF89a');
    assert.match(body.data.csv, /^http:\/\/localhost(:\d+)?\/targets\/\d+\/data\/download\/$/);
    assert.equal(body.data.plot, null);
  });

  test('a private target and its files are 404 to others and anonymous, visible to the owner and staff (T11)', async () => {
    const owner = await makeUser(obs.server.platform, 'owner');
    await makeUser(obs.server.platform, 'stranger');
    await makeUser(obs.server.platform, 'staffer', { staff: true });
    const target = await obs.target('secret', { public: false, ownerId: owner.id });
    const frame = await obs.frame(target, 'secret.fits', frameSpec('2019-01-02T03:04:00'));
    const urls = [`/api/target/${target.id}/`, `/api/async/status/${target.id}/`, `/data/${frame.file_key}`, `/targets/${target.id}/data/download/`];
    for (const url of urls) assert.equal((await get(url)).statusCode, 404, `anonymous ${url}`);
    const stranger = await login(obs.server.app, 'stranger');
    for (const url of urls) assert.equal((await get(url, { cookie: stranger.cookie })).statusCode, 404, `stranger ${url}`);
    for (const who of ['owner', 'staffer']) {
      const session = await login(obs.server.app, who);
      for (const url of urls) assert.equal((await get(url, { cookie: session.cookie })).statusCode, 200, `${who} ${url}`);
    }
  });

  test('with LIGHTPATH_TOM_API_ACCESS=login the endpoints need a login', async () => {
    const closed = await startObservatory({ LIGHTPATH_TOM_API_ACCESS: 'login' });
    try {
      const target = await closed.target('open-data');
      const anonymous = await closed.server.app.inject({ method: 'GET', url: `/api/target/${target.id}/` });
      assert.equal(anonymous.statusCode, 401);
      await makeUser(closed.server.platform, 'reader');
      const session = await login(closed.server.app, 'reader');
      assert.equal((await closed.server.app.inject({ method: 'GET', url: `/api/target/${target.id}/`, headers: { cookie: session.cookie } })).statusCode, 200);
    } finally {
      await closed.close();
    }
  });
});
