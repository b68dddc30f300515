// The telescope side in the live event stream (GET /rest/v1/events): a Timelapse run on a private
// target reaches its owner and staff as process.changed events (created, each log line, the end),
// and nobody else; a run on a public target reaches any signed-in user. Uploads, previews and
// deletes of data products arrive as data-product.changed under the same rule.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { EventStreamReader } from '../../helpers/event-stream.ts';
import type { StreamEvent } from '../../helpers/event-stream.ts';
import { waitFor } from '../../helpers/wait.ts';
import { demoFrame, demoFrameNames, startBench } from './rest-bench.ts';
import type { Bench, Who } from './rest-bench.ts';

describe('telescope events', () => {
  let b: Bench;
  let url: string;
  const streams: Record<'alice' | 'bob' | 'sam', EventStreamReader | null> = { alice: null, bob: null, sam: null };

  const targetWithFrames = async (identifier: string, isPublic: boolean) => {
    const target = await b.target(b.alice, { identifier, public: isPublic });
    const ids: number[] = [];
    for (const name of demoFrameNames().slice(0, 2)) {
      const response = await b.upload(b.alice, target.id, { file_name: name }, demoFrame(name));
      assert.equal(response.statusCode, 201, response.body);
      ids.push(response.json().id);
    }
    return { target, ids };
  };
  const runTimelapse = async (who: Who, targetId: number, ids: number[]) => {
    const response = await b.call(who, 'POST', `/rest/v1/targets/${targetId}/pipelines/Timelapse`, { data_product_ids: ids, settings: { size: 32 } });
    assert.equal(response.statusCode, 202, response.body);
    return response.json() as { id: number };
  };
  const finished = (processId: number) => waitFor('the process to end', async () => {
    const row = (await b.call(b.alice, 'GET', `/rest/v1/processes/${processId}`)).json();
    return row.terminal_at ? row : null;
  }, 60000, 200);
  const ofProcess = (processId: number) => (event: StreamEvent) => event.event === 'process.changed' && event.json.process_id === processId;

  before(async () => {
    b = await startBench();
    await b.server.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(b.server.app.server.address() as AddressInfo).port}/rest/v1/events`;
    for (const who of ['alice', 'bob', 'sam'] as const) streams[who] = await EventStreamReader.open(url, b[who]);
    await b.server.platform.jobs.startWorking();
  });
  after(async () => {
    await b.close();
    for (const stream of Object.values(streams)) stream?.close();
  });

  test('a private target\'s process reaches its owner and staff, from creation to its end, and not another user', async () => {
    const { target, ids } = await targetWithFrames('m13', false);
    const process = await runTimelapse(b.alice, target.id, ids);
    const done = await finished(process.id);
    assert.equal(done.status, 'created', done.failure_message ?? '');
    for (const who of ['alice', 'sam'] as const) {
      const first = await streams[who]!.waitFor(`${who} hears of the new process`, ofProcess(process.id));
      assert.deepEqual(first.json, { kind: 'process.changed', process_id: process.id, target_id: target.id, project_id: null, beamline_id: null });
      // One event per log line at least: "Sorting frames", two frames, "Finished", and the end.
      await waitFor(`${who} hears of every step`, async () => streams[who]!.events.filter(ofProcess(process.id)).length >= 5);
    }

    // Bob hears of a public target's process, which comes later: by then he would have heard of the private one.
    const open = await targetWithFrames('m31', true);
    const visible = await runTimelapse(b.alice, open.target.id, open.ids);
    await streams.bob!.waitFor('bob hears of the public target\'s process', ofProcess(visible.id));
    assert.equal(streams.bob!.events.filter(ofProcess(process.id)).length, 0, 'nothing of the private target reached bob');
    await finished(visible.id);
  });

  test('uploads, their previews and deletes reach the owner and staff as data-product.changed, not another user', async () => {
    const target = await b.target(b.alice, { identifier: 'm92', public: false });
    const name = demoFrameNames()[3];
    const uploaded = await b.upload(b.alice, target.id, { file_name: name }, demoFrame(name));
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const product = uploaded.json() as { id: number };
    const ofProduct = (event: StreamEvent) => event.event === 'data-product.changed' && event.json.data_product_ids.includes(product.id);
    for (const who of ['alice', 'sam'] as const) {
      const added = await streams[who]!.waitFor(`${who} hears of the upload`, ofProduct);
      assert.deepEqual(added.json, { kind: 'data-product.changed', target_id: target.id, data_product_ids: [product.id], project_id: null, beamline_id: null });
      // The preview, made by a job a moment later, is a second event.
      await waitFor(`${who} hears of the preview`, async () => streams[who]!.events.filter(ofProduct).length >= 2);
    }
    const preview = (await b.call(b.alice, 'GET', `/rest/v1/data-products/${product.id}`)).json();
    assert.ok(preview.thumbnail_url, 'the preview the event announced is there');

    const before = streams.alice!.events.filter(ofProduct).length;
    assert.equal((await b.call(b.alice, 'DELETE', `/rest/v1/data-products/${product.id}`)).statusCode, 204);
    await waitFor('alice hears of the delete', async () => streams.alice!.events.filter(ofProduct).length > before);

    // A public target's upload comes later still: bob hears of that one and of nothing before it.
    const open = await targetWithFrames('m3', true);
    await streams.bob!.waitFor('bob hears of the public upload', (event) => event.event === 'data-product.changed' && event.json.data_product_ids.includes(open.ids[0]));
    assert.equal(streams.bob!.events.filter(ofProduct).length, 0, 'nothing of the private target reached bob');
  });
});
