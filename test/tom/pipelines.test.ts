// Pipelines and timelapses as processes (spec §2–§4, §8): outputs, logs, failure messages,
// suffix checks, time limits, naming, and nothing left behind by a failed run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startObservatory, frameSpec } from './observatory.ts';
import type { Observatory } from './observatory.ts';
import type { Pipeline } from '../../src/tom/pipelines/types.ts';
import { PipelineError } from '../../src/tom/pipelines/types.ts';
import { resolveFlags } from '../../src/tom/pipelines/start.ts';
import { timelapsePipeline } from '../../src/tom/pipelines/timelapse.ts';
import { pipelineJob } from '../../src/tom/pipelines/job.ts';
import { createPipelineProcess } from '../../src/tom/pipelines/start.ts';
import { getProcess, identifierTime } from '../../src/tom/processes.ts';
import { openPlatform } from '../../src/platform/context.ts';
import { loadConfig } from '../../src/config.ts';
import { freshDatabase } from '../helpers/database.ts';
import { silentLog, testEnv } from '../helpers/platform.ts';
import { waitFor } from '../helpers/wait.ts';
import { HttpError } from '../../src/platform/http/errors.ts';

const DATES = ['2019-01-02T03:04:00', '2019-01-02T03:05:00', '2019-01-02T03:07:00', '2019-01-02T03:06:00'];

describe('pipelines', () => {
  let obs: Observatory;
  before(async () => {
    obs = await startObservatory();
  });
  after(() => obs.close());

  const productCount = async () => Number((await obs.server.platform.db.selectFrom('data_products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('a timelapse of four unsorted frames: one GIF of 4 frames, logs, group, type timelapse', async () => {
    const target = await obs.target('tl-1');
    const frames = [];
    for (const [i, date] of DATES.entries()) frames.push(await obs.frame(target, `test${i}.fits`, frameSpec(date, 500, 50)));
    const process = await obs.run(target, 'Timelapse', frames, { settings: { format: 'gif', fps: 16 } });
    assert.equal(process.status, 'created', process.failure_message);
    assert.equal(process.logs, 'Sorting frames\nProcessing frame 1/4\nProcessing frame 2/4\nProcessing frame 3/4\nProcessing frame 4/4\nFinished\n');
    const product = await obs.server.platform.db.selectFrom('data_products').selectAll().where('product_id', '=', process.identifier).executeTakeFirstOrThrow();
    assert.equal(product.data_product_type, 'timelapse');
    assert.equal(product.file_key, `tl-1/none/${process.identifier}`);
    const file = (await obs.server.platform.files.localPath(product.file_key))!;
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,width,height', '-of', 'json', file]).toString());
    assert.equal(Number(probe.streams[0].nb_read_frames), 4);
    assert.equal(probe.streams[0].width, 500);
    assert.equal(probe.streams[0].height, 50);
  });

  test('invalid fps, different sizes, missing DATE-OBS and a bad suffix fail with the spec messages and leave no outputs', async () => {
    const target = await obs.target('tl-2');
    const a = await obs.frame(target, 'a.fits', frameSpec(DATES[0], 60, 20));
    const b = await obs.frame(target, 'b.fits', frameSpec(DATES[1], 60, 20));
    const wide = await obs.frame(target, 'wide.fits', frameSpec(DATES[2], 80, 20));
    const undated = await obs.frame(target, 'undated.fits', frameSpec(null));
    const csv = await obs.frame(target, 'notes.csv', Buffer.from('a,b\n'));
    const before = await productCount();
    const cases: Array<[typeof a[], Record<string, unknown>, RegExp]> = [
      [[a, b], { fps: 0 }, /^Invalid FPS 0$/],
      [[a, b], { fps: -1 }, /^Invalid FPS -1$/],
      [[a, wide], {}, /^Invalid parameters\. Are all images the same size\?$/],
      [[a, undated], {}, /^Error in file 'undated\.fits': could not find observation date in FITS header 'DATE-OBS'$/],
      [[a, csv], {}, /^Error running pipeline File 'notes\.csv' does not end an allowed filename suffix \(\.fits, \.fz\)$/],
    ];
    for (const [inputs, settings, message] of cases) {
      const process = await obs.run(target, 'Timelapse', inputs, { settings });
      assert.equal(process.status, 'failed');
      assert.match(process.failure_message, message);
      assert.ok(process.terminal_at);
      assert.equal(process.group_id, null);
    }
    assert.equal(await productCount(), before);
  });

  test('a pipeline that throws ends failed with "An unexpected error occurred …" and its saved outputs removed', async () => {
    const target = await obs.target('tl-3');
    const frame = await obs.frame(target, 'x.fits', frameSpec(DATES[0]));
    const writesThenThrows: Pipeline = {
      name: 'Broken', shortName: 'broken', processType: 'Broken', flags: {}, allowedSuffixes: null,
      async run(context) {
        await context.log('about to break');
        const fs = await import('node:fs/promises');
        await fs.writeFile(`${context.workDir}/partial.csv`, 'x');
        return [{ kind: 'data_product', path: `${context.workDir}/partial.csv`, dataProductType: '' }, { kind: 'cheese' } as never];
      },
    };
    const fails: Pipeline = { ...writesThenThrows, name: 'Fails', async run() { throw new PipelineError('All Stars Removed.'); } };
    const crashes: Pipeline = { ...writesThenThrows, name: 'Crashes', async run() { throw new RangeError('boom'); } };
    const pipelines = new Map([['Broken', writesThenThrows], ['Fails', fails], ['Crashes', crashes]]);
    const before = await productCount();
    const broken = await obs.run(target, 'Broken', [frame], { pipelines });
    assert.equal(broken.failure_message, "Invalid output type 'cheese'");
    assert.equal(broken.logs, 'about to break\n');
    assert.equal(await productCount(), before, 'the partial output was removed');
    assert.equal((await obs.run(target, 'Fails', [frame], { pipelines })).failure_message, 'All Stars Removed.');
    assert.equal((await obs.run(target, 'Crashes', [frame], { pipelines })).failure_message, 'An unexpected error occurred boom');
  });

  test('no inputs, unknown flags, and two runs in the same second', async () => {
    const target = await obs.target('tl-4');
    const empty = await obs.run(target, 'Timelapse', []);
    assert.equal(empty.failure_message, 'No input files to process');
    assert.throws(() => resolveFlags(timelapsePipeline, { sharpen: true }), (error: unknown) => error instanceof HttpError && error.statusCode === 400 && /Unknown flag for Timelapse: sharpen/.test(error.detail));
    assert.deepEqual(resolveFlags(timelapsePipeline, { crop: true }), { normalise_background: false, crop: true });
    const { db, config } = obs.server.platform;
    const make = () => db.transaction().execute((trx) => createPipelineProcess(trx, config, { pipeline: timelapsePipeline, target, productIds: [], settings: { format: 'mp4' } }));
    const first = await make();
    const second = await make();
    const stem = `timelapse_tl-4_${identifierTime(new Date(first.created_at))}`;
    assert.equal(first.identifier, `${stem}.mp4`);
    if (identifierTime(new Date(second.created_at)) === identifierTime(new Date(first.created_at))) assert.equal(second.identifier, `${stem}-2.mp4`);
    else assert.notEqual(second.identifier, first.identifier);
  });

  test('photometry on the demo frames: 12 datums in time order, a plot, the CSV download', async () => {
    const target = await obs.target('m13-phot');
    const frames = await obs.demoFrames(target);
    const process = await obs.run(target, 'Photometry', frames);
    assert.equal(process.status, 'created', process.failure_message);
    const datums = await obs.server.platform.db.selectFrom('reduced_datums').selectAll().where('target_id', '=', target.id).orderBy('timestamp').execute();
    assert.equal(datums.length, 12);
    assert.ok(datums.every((d) => d.data_type === 'photometry' && d.data_product_id !== null));
    const mags = datums.map((d) => JSON.parse(d.value).magnitude as number);
    assert.ok(Math.max(...mags) - Math.min(...mags) > 0.25, 'the variable star varies');
    const api = (await obs.server.app.inject({ method: 'GET', url: `/api/target/${target.id}/` })).json();
    assert.match(api.data.plot, /\/data\/m13-phot\/none\/photometry_m13-phot_.*_lightcurve\.png$/);
    const plot = await obs.server.app.inject({ method: 'GET', url: new URL(api.data.plot).pathname });
    assert.equal(plot.rawPayload.subarray(1, 4).toString(), 'PNG');
    const csv = await obs.server.app.inject({ method: 'GET', url: `/targets/${target.id}/data/download/` });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.equal(csv.headers['content-disposition'], 'attachment; filename="Target_m13-phot.csv"');
    const rows = csv.body.trim().split('\r\n');
    assert.equal(rows.length, 12);
    assert.match(rows[0], /^2019-08-02T02:00:00\+00:00,\d+\.\d+,\d\.\d+/);
  });
});

describe('pipeline jobs', () => {
  test('a run over its time limit ends its process failed, with the reason', async () => {
    const database = await freshDatabase();
    const slow: Pipeline = {
      name: 'Slow', shortName: 'slow', processType: 'Slow', flags: {}, allowedSuffixes: null,
      async run(context) {
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        return context.signal.aborted ? [] : [];
      },
    };
    const config = loadConfig(testEnv(database));
    const platform = await openPlatform(config, silentLog, {
      defineJobs: (registry, parts) => registry.define({
        ...pipelineJob({ db: parts.db, files: parts.files, config, log: silentLog, enqueue: parts.enqueue, pipelines: new Map([['Slow', slow]]) }),
        timeLimitSeconds: 1,
      }),
    });
    try {
      const target = await platform.db.insertInto('targets').values({
        identifier: 'slowpoke', name: 'Slow', name2: '', name3: '', kind: 'sidereal', is_public: true, created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
      } as never).returningAll().executeTakeFirstOrThrow();
      const { startPipeline } = await import('../../src/tom/pipelines/start.ts');
      const frame = await platform.db.insertInto('data_products').values({
        target_id: target.id, observation_id: null, product_id: 'f', file_key: 'slowpoke/none/f.fits', data_product_type: 'fits_file', extra_data: '{}', size: 0, created_at: new Date().toISOString(),
      }).returning('id').executeTakeFirstOrThrow();
      await platform.files.write('slowpoke/none/f.fits', Buffer.from('x'));
      const process = await startPipeline(platform.db, config, platform.jobs, { pipeline: slow, target, productIds: [frame.id] });
      await platform.jobs.startWorking();
      const ended = await waitFor('the process to fail', async () => {
        const row = await getProcess(platform.db, process.id);
        return row?.status === 'failed' ? row : null;
      });
      assert.equal(ended.failure_message, 'The pipeline did not finish: timed out after 1 s');
    } finally {
      await platform.close();
      await database.drop();
    }
  });
});
