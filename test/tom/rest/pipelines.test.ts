// Pipelines through the REST API: what is on offer, refusals before anything is written, and a
// Timelapse of three demo frames run by the job queue, seen afterwards by the tom_education API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../helpers/wait.ts';
import { demoFrame, demoFrameNames, startBench } from './rest-bench.ts';
import type { Bench } from './rest-bench.ts';

describe('REST pipelines', () => {
  let b: Bench;
  let target: { id: number; identifier: string };
  let frames: Array<{ id: number }>;
  const processCount = async () => Number((await b.server.platform.db.selectFrom('processes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const run = (who: Record<string, string>, targetId: number, name: string, body: unknown) => b.call(who, 'POST', `/rest/v1/targets/${targetId}/pipelines/${name}`, body);

  before(async () => {
    b = await startBench();
    target = await b.target(b.alice, { identifier: 'm13' });
    frames = [];
    for (const name of demoFrameNames().slice(0, 3)) {
      const response = await b.upload(b.alice, target.id, { file_name: name }, demoFrame(name));
      assert.equal(response.statusCode, 201, response.body);
      frames.push(response.json());
    }
  });
  after(() => b.close());

  test('the pipelines on offer, with their flags, defaults, labels and suffixes', async () => {
    const response = await b.call(b.anonymous, 'GET', '/rest/v1/pipelines');
    assert.equal(response.statusCode, 200);
    const { count, results } = response.json();
    assert.equal(count, 2);
    assert.deepEqual(results.map((p: { name: string }) => p.name), ['Photometry', 'Timelapse']);
    const timelapse = results[1];
    assert.deepEqual(timelapse.flags.map((f: { name: string; default: boolean }) => [f.name, f.default]), [['normalise_background', false], ['crop', false]]);
    assert.match(timelapse.flags[1].label, /Crop/);
    assert.deepEqual(timelapse.allowed_suffixes, ['.fits', '.fz']);
    assert.deepEqual(timelapse.settings, { format: 'gif', fps: 10, size: 500, crop_scale: 0.5 });
    assert.equal(results[0].settings, null);
  });

  test('refusals: unknown pipeline or flag, bad settings, another target\'s product, someone else\'s target; nothing is created', async () => {
    const ids = frames.map((f) => f.id);
    const before = await processCount();

    const unknown = await run(b.alice, target.id, 'Astrosource', { data_product_ids: ids });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().detail, 'Unknown pipeline \'Astrosource\' (available: Photometry, Timelapse).');

    const flag = await run(b.alice, target.id, 'Timelapse', { data_product_ids: ids, flags: { sparkle: true } });
    assert.equal(flag.statusCode, 400);
    assert.match(flag.json().detail, /Unknown flag for Timelapse: sparkle/);
    assert.equal((await run(b.alice, target.id, 'Timelapse', { data_product_ids: ids, flags: { crop: 'yes' } })).statusCode, 400);

    const fps = await run(b.alice, target.id, 'Timelapse', { data_product_ids: ids, settings: { size: 1 } });
    assert.equal(fps.statusCode, 400);
    assert.match(fps.json().detail, /Invalid size 1/);
    const settingsElsewhere = await run(b.alice, target.id, 'Photometry', { data_product_ids: ids, settings: { fps: 5 } });
    assert.equal(settingsElsewhere.statusCode, 400);
    assert.match(settingsElsewhere.json().detail, /Photometry takes no settings/);

    const other = await b.target(b.alice, { identifier: 'other' });
    const csv = (await b.upload(b.alice, other.id, { file_name: 'x.csv' }, Buffer.from('1,2\n'))).json();
    const foreign = await run(b.alice, target.id, 'Timelapse', { data_product_ids: [ids[0], csv.id] });
    assert.equal(foreign.statusCode, 400);
    assert.match(foreign.json().detail, new RegExp(`Not data products of target m13: ${csv.id}\\.`));
    const suffix = await run(b.alice, other.id, 'Timelapse', { data_product_ids: [csv.id] });
    assert.equal(suffix.statusCode, 400);
    assert.match(suffix.json().detail, /Timelapse takes files ending \.fits, \.fz; not: x\.csv/);
    assert.equal((await run(b.alice, target.id, 'Timelapse', { data_product_ids: [] })).statusCode, 400);

    assert.equal((await run(b.bob, target.id, 'Timelapse', { data_product_ids: ids })).statusCode, 404, 'bob may not see alice\'s private target');
    const shared = await b.target(b.alice, { identifier: 'shared', public: true });
    assert.equal((await run(b.bob, shared.id, 'Timelapse', { data_product_ids: ids })).statusCode, 403, 'visible, not his');
    assert.equal((await run(b.anonymous, target.id, 'Timelapse', { data_product_ids: ids })).statusCode, 401);
    assert.equal((await run(b.aliceReadToken, target.id, 'Timelapse', { data_product_ids: ids })).statusCode, 403);
    assert.equal(await processCount(), before, 'no process was created by any of these');
  });

  test('a Timelapse of three demo frames runs through the queue; the tom_education API lists it and /data/ serves it', async () => {
    const started = await run(b.alice, target.id, 'Timelapse', { data_product_ids: frames.map((f) => f.id), flags: { crop: true }, settings: { size: 64 } });
    assert.equal(started.statusCode, 202, started.body);
    const process = started.json();
    assert.equal(process.status, 'pending');
    assert.match(process.identifier, /^timelapse_m13_\d{4}-\d{2}-\d{2}-\d{6}\.gif$/);
    assert.equal(process.view_url, `/pipeline/${process.id}`);
    assert.deepEqual(process.flags, { normalise_background: false, crop: true });
    assert.deepEqual(process.inputs.map((p: { id: number }) => p.id), frames.map((f) => f.id));

    const listed = (await b.call(b.alice, 'GET', `/rest/v1/targets/${target.id}/processes`)).json();
    assert.equal(listed.results[0].identifier, process.identifier);
    assert.equal((await b.call(b.bob, 'GET', `/rest/v1/processes/${process.id}`)).statusCode, 404, 'hidden with its private target');

    await b.server.platform.jobs.startWorking();
    const done = await waitFor('the timelapse to finish', async () => {
      const row = (await b.call(b.alice, 'GET', `/rest/v1/processes/${process.id}`)).json();
      return row.status === 'created' || row.status === 'failed' ? row : null;
    }, 60000, 200);
    assert.equal(done.status, 'created', done.failure_message ?? '');
    assert.ok(done.terminal_at);
    assert.match(done.logs, /Finished/);
    assert.equal(done.output_group.name, `${process.identifier}_outputs`);
    assert.equal(done.output_group.products.length, 1);
    const output = done.output_group.products[0];
    assert.equal(output.data_product_type, 'timelapse');
    assert.equal(output.file_name, process.identifier);

    const compat = await b.call(b.alice, 'GET', `/api/target/${target.id}/`);
    assert.equal(compat.statusCode, 200);
    const timelapses = compat.json().timelapses;
    assert.equal(timelapses.length, 1);
    assert.equal(timelapses[0].name, process.identifier);
    assert.equal(timelapses[0].frames, 3);
    assert.equal(timelapses[0].url, `/data/m13/none/${process.identifier}`);
    const gif = await b.call(b.alice, 'GET', timelapses[0].url);
    assert.equal(gif.statusCode, 200);
    assert.equal(gif.rawPayload.subarray(0, 6).toString('latin1'), 'GIF89a');
    assert.equal((await b.call(b.anonymous, 'GET', timelapses[0].url)).statusCode, 404, 'the private target\'s timelapse is not public');
  });
});
