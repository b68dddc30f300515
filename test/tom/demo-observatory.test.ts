// The demo observatory end to end: `lightpath load`, then `lightpath timelapse m13` from the
// command line, and the three read endpoints in the seed's format; plus the live process stream.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { freshDatabase } from '../helpers/database.ts';
import type { TestDatabase } from '../helpers/database.ts';
import { startTestServer, testEnv } from '../helpers/platform.ts';
import { runLightpath } from '../helpers/processes.ts';
import { DEMO_OBSERVATORY, startObservatory } from './observatory.ts';
import { createProcess, finishProcess, CREATED } from '../../src/tom/processes.ts';

describe('demo observatory', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  before(async () => {
    database = await freshDatabase();
    env = testEnv(database);
  });
  after(() => database.drop());

  test('load, then lightpath timelapse m13 makes a WebM the target API lists', async () => {
    const loaded = await runLightpath(['load', DEMO_OBSERVATORY], env);
    assert.equal(loaded.code, 0, loaded.output);
    assert.match(loaded.output, /target m13: created/);
    assert.equal((loaded.output.match(/data product .*-e91\.fits\.fz: created/g) ?? []).length, 12);
    const made = await runLightpath(['timelapse', 'm13', '--format', 'webm', '--size', '128'], env);
    assert.equal(made.code, 0, made.output);
    assert.match(made.output, /Creating timelapse of 12 files for target 'Hercules Globular Cluster'\.\.\./);
    assert.match(made.output, /Processing frame 12\/12/);
    const file = /Created timelapse (\S+\.webm)/.exec(made.output)![1];
    assert.match(path.basename(file), /^timelapse_m13_\d{4}-\d\d-\d\d-\d{6}\.webm$/);
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,codec_name', '-of', 'json', file]).toString());
    assert.equal(Number(probe.streams[0].nb_read_frames), 12);
    assert.equal(probe.streams[0].codec_name, 'vp9');

    const server = await startTestServer({ database });
    try {
      const target = await server.platform.db.selectFrom('targets').select('id').where('identifier', '=', 'm13').executeTakeFirstOrThrow();
      const body = (await server.app.inject({ method: 'GET', url: `/api/target/${target.id}/` })).json();
      assert.deepEqual(body.target, { identifier: 'm13', name: 'Hercules Globular Cluster', name2: '', name3: '', extra_fields: { mykey: 'myvalue' } });
      assert.equal(body.timelapses.length, 1);
      assert.equal(body.timelapses[0].name, path.basename(file));
      assert.equal(body.timelapses[0].url, `/data/m13/none/${path.basename(file)}`);
      assert.equal(body.timelapses[0].frames, 12);
      const status = (await server.app.inject({ method: 'GET', url: `/api/async/status/${target.id}/` })).json();
      assert.equal(status.processes[0].identifier, path.basename(file));
      assert.equal(status.processes[0].status, 'created');
      assert.equal(status.processes[0].process_type, 'timelapse');
    } finally {
      await server.app.close();
      await server.platform.close();
    }
    const again = await runLightpath(['load', DEMO_OBSERVATORY], env);
    assert.match(again.output, /0 created, 0 updated, \d+ unchanged/);
    const unknown = await runLightpath(['timelapse', 'm99'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.output, /Target 'm99' does not exist/);
  });
});

describe('process stream', () => {
  test('server-sent events: the current processes at once, then each change', async () => {
    const obs = await startObservatory();
    try {
      const target = await obs.target('stream-1');
      await obs.server.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = obs.server.app.server.address() as { port: number };
      const controller = new AbortController();
      const response = await fetch(`http://127.0.0.1:${port}/api/async/stream/${target.id}/`, { signal: controller.signal });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const nextEvent = async () => {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (event.startsWith('event: processes')) return JSON.parse(event.split('\ndata: ')[1]);
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += decoder.decode(value, { stream: true });
        }
      };
      assert.deepEqual((await nextEvent()).processes, []);
      const process = await obs.server.platform.db.transaction().execute((trx) => createProcess(trx, {
        stem: 'live', processType: 'timelapse', isPipeline: true, pipelineName: 'Timelapse', targetId: target.id, flags: null, inputIds: [],
      }));
      const created = await nextEvent();
      assert.equal(created.processes[0].identifier, 'live');
      assert.equal(created.processes[0].status, 'pending');
      await finishProcess(obs.server.platform.db, process, { status: CREATED });
      const finished = await nextEvent();
      assert.equal(finished.processes[0].status, 'created');
      assert.ok(finished.processes[0].terminal_timestamp > 0);
      controller.abort();
    } finally {
      await obs.close();
    }
  });
});
